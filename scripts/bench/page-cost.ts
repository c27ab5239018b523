/**
 * What one read costs: its Twilio round trips (from the emulator's request log, after a warm-up) and its
 * latency over `requests` repeats. The repeats are paced: each Sync object allows 20 reads a second, and no
 * person reads their page faster than that.
 */
import { summarize } from './stats';

export interface MeasuredRead<T> {
  /** The answer of the counted request. */
  body: T;
  trips: number;
  p50: number;
  p95: number;
}

export async function measureRead<T>(
  emulatorUrl: string,
  read: () => Promise<Response>,
  requests: number,
): Promise<MeasuredRead<T>> {
  await (await read()).text(); // warm
  await fetch(`${emulatorUrl}/_emulator/requests`, { method: 'DELETE' });
  const body = (await (await read()).json()) as T;
  const log = (await (await fetch(`${emulatorUrl}/_emulator/requests`)).json()) as { requests: { kind: string }[] };
  const trips = log.requests.filter((r) => r.kind === 'rest').length;
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    await (await read()).text();
    times.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 60));
  }
  const s = summarize(times);
  return { body, trips, p50: s.p50, p95: s.p95 };
}
