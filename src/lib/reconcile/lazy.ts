/**
 * Reconciliation on the side of a log read: whoever looks at the logs also brings them up to date, at
 * a bounded cost. At most one run per container every LAZY_INTERVAL_MS (the first read after a cold
 * start runs one), each with a short time budget; the read never waits longer than that budget and
 * never fails because of it. The scheduled `/admin/reconcile` remains the guarantee.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { logWarning } from '../runtime/log';
import { reconcile } from './sweep';

export const LAZY_INTERVAL_MS = 60_000;
export const LAZY_BUDGET_MS = 1_500;

/** Shared by every function bundle loaded in the same container (each bundle inlines this module). */
const lastRun: { at: number } = ((globalThis as { [k: symbol]: { at: number } | undefined })[Symbol.for('lazy-reconcile')] ??= {
  at: -Infinity,
});

export async function reconcileLazily(client: TwilioClient, env: ServiceEnv): Promise<void> {
  const started = Date.now();
  if (started - lastRun.at < LAZY_INTERVAL_MS) return;
  lastRun.at = started;
  const run = reconcile(client, env, { deadline: started + LAZY_BUDGET_MS }).catch((err: unknown) => {
    // Not the reader's problem: the next run (lazy or scheduled) starts from the same watermark.
    const reason = err instanceof Error ? err.message : String(err);
    logWarning('reconcile', `lazy run failed: ${reason}`);
  });
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, LAZY_BUDGET_MS);
  });
  await Promise.race([run, budget]).finally(() => clearTimeout(timer));
}
