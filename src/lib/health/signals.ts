/**
 * What the webhooks and reconciliation tell the health report (../store/health.ts). Noting a signal never
 * fails or slows the work it describes beyond NOTE_BUDGET_MS: the signal is lost instead (an info line says
 * so: a health signal is worth less than the callback it describes, and a Sync outage shows in the Sync probe).
 *
 * A callback's time is written at most once per CALLBACK_EVERY_MS per kind and container, so a status
 * callback keeps to its one write (the health write is an occasional second one), and "the last callback"
 * is exact to within that interval. Failures and reconciliation runs are rare and each is counted.
 */
import type { ServiceEnv } from '../runtime/env';
import { logEvent } from '../runtime/log';
import { TwilioClient, twilioClient } from '../runtime/twilio-client';
import { isoSeconds } from '../time';
import { addToTally, recordCallback } from '../store/health';

export const CALLBACK_EVERY_MS = 30_000;
const NOTE_BUDGET_MS = 250;

/** When this container last wrote each kind's callback time (shared by every bundle in the container). */
const written: Map<string, number> = ((globalThis as { [k: symbol]: Map<string, number> | undefined })[
  Symbol.for('health-callbacks-written')
] ??= new Map());

async function within(work: (client: TwilioClient) => Promise<unknown>, env: ServiceEnv, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), NOTE_BUDGET_MS);
  });
  try {
    // Inside the try: even a client that cannot be made (no credentials) only loses the signal.
    const outcome = await Promise.race([work(twilioClient(env)), budget]);
    if (outcome === 'late') logEvent('health_signal_lost', { what, reason: `not stored within ${NOTE_BUDGET_MS} ms` });
  } catch (err) {
    logEvent('health_signal_lost', { what, reason: err instanceof Error ? err.message : String(err) });
  } finally {
    clearTimeout(timer);
  }
}

/** A signed callback was answered; `failed` when it was refused or could not be processed. */
export async function noteCallback(env: ServiceEnv, path: string, failed: boolean): Promise<void> {
  const now = Date.now();
  const due = now - (written.get(path) ?? -Infinity) >= CALLBACK_EVERY_MS;
  if (!due && !failed) return;
  if (due) written.set(path, now);
  await within(
    async (client) => {
      await Promise.all([
        due ? recordCallback(client, env, path, isoSeconds(new Date(now))) : undefined,
        failed ? addToTally(client, env, 'webhook-failures', { [path]: 1 }, now) : undefined,
      ]);
    },
    env,
    `callback of ${path}`,
  );
}

/** A reconciliation run finished (or ran out of time) having repaired `repaired` records. */
export async function noteReconciliation(env: ServiceEnv, repaired: number): Promise<void> {
  const now = Date.now();
  await within((client) => addToTally(client, env, 'reconciliations', { runs: 1, repaired }, now), env, 'reconciliation run');
}
