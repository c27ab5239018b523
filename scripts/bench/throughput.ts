/**
 * Throughput: how many requests per second one endpoint serves when requests keep coming, sequentially
 * (one in flight) and with several in flight, all in this one process as the local server runs them.
 */
import type { BenchService } from './service';
import type { Scenario } from './scenarios';

export interface Throughput {
  requests: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  /** HTTP status -> count. */
  statuses: Map<number, number>;
}

export interface ThroughputRun {
  /** Requests to send at most. */
  requests: number;
  /** No request starts after this much time, so a slow endpoint cannot hold the bench up. */
  maxMs: number;
  /** Requests in flight at any time. */
  concurrency: number;
}

/** Calls of the scenario, `run.concurrency` at a time, until `run.requests` are sent or `run.maxMs` passed. */
export async function measureThroughput(svc: BenchService, s: Scenario, run: ThroughputRun, token?: string): Promise<Throughput> {
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
