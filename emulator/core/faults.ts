/**
 * Injected faults: for requests whose path matches, answer an error status (with a Twilio code), add
 * delay, or both; `rate` is the share of matching requests hit, `count` how many at most, `duration_ms`
 * how long the fault lasts from when it was added (an outage of a set length, e.g. Sync down for 30 s).
 */
import { TwilioApiError } from './wire';

export interface FaultSpec {
  /** Substring or, between slashes, a regular expression matched against "METHOD /path". */
  match: string;
  status?: number;
  code?: number;
  message?: string;
  rate?: number;
  delay_ms?: number;
  count?: number;
  duration_ms?: number;
}

interface Fault extends FaultSpec {
  id: string;
  test: (line: string) => boolean;
  hits: number;
  /** Epoch ms after which the fault no longer applies (from `duration_ms`). */
  until?: number;
}

export class Faults {
  private faults: Fault[] = [];
  private seq = 0;

  add(spec: FaultSpec): Fault {
    if (typeof spec.match !== 'string' || spec.match === '') throw new TwilioApiError(400, 20001, 'match is required');
    if (spec.status !== undefined && (!Number.isInteger(spec.status) || spec.status < 400 || spec.status > 599)) {
      throw new TwilioApiError(400, 20001, 'status must be an HTTP error status (400-599)');
    }
    if (spec.rate !== undefined && !(spec.rate >= 0 && spec.rate <= 1)) {
      throw new TwilioApiError(400, 20001, 'rate must be between 0 and 1');
    }
    if (spec.delay_ms !== undefined && !(spec.delay_ms >= 0 && spec.delay_ms <= 60000)) {
      throw new TwilioApiError(400, 20001, 'delay_ms must be between 0 and 60000');
    }
    if (
      spec.duration_ms !== undefined &&
      !(Number.isFinite(spec.duration_ms) && spec.duration_ms > 0 && spec.duration_ms <= 3_600_000)
    ) {
      throw new TwilioApiError(400, 20001, 'duration_ms must be between 1 and 3600000');
    }
    if (spec.status === undefined && spec.delay_ms === undefined) {
      throw new TwilioApiError(400, 20001, 'a fault needs a status, a delay_ms, or both');
    }
    const re = /^\/(.+)\/$/.exec(spec.match);
    const regex = re ? new RegExp(re[1]) : undefined;
    const fault: Fault = {
      ...spec,
      id: `FA${++this.seq}`,
      hits: 0,
      ...(spec.duration_ms !== undefined ? { until: Date.now() + spec.duration_ms } : {}),
      test: (line) => (regex ? regex.test(line) : line.includes(spec.match)),
    };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): Omit<Fault, 'test'>[] {
    return this.faults.map(({ test: _t, ...rest }) => rest);
  }

  /** Applies the first live fault matching the request: waits its delay, then throws its error if any. */
  async apply(method: string, path: string): Promise<void> {
    const line = `${method} ${path}`;
    for (const f of this.faults) {
      if (f.count !== undefined && f.hits >= f.count) continue;
      if (f.until !== undefined && Date.now() >= f.until) continue;
      if (!f.test(line)) continue;
      if (f.rate !== undefined && Math.random() >= f.rate) continue;
      f.hits += 1;
      // Unref'd: a delayed answer still pending when the emulator closes must not hold its process open.
      if (f.delay_ms) await new Promise((r) => setTimeout(r, f.delay_ms).unref());
      if (f.status !== undefined) {
        const code = f.code ?? (f.status === 429 ? 20429 : f.status >= 500 ? 20500 : 20001);
        throw new TwilioApiError(f.status, code, f.message ?? 'Injected fault');
      }
      return;
    }
  }
}
