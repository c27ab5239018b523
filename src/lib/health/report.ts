/**
 * The system health report of /api/admin/health: Twilio's and Sync's reachability, each from one cheap
 * call timed here, and what the webhooks and reconciliation noted (./signals.ts) over the last hour.
 * Every part is read in parallel; a part that cannot be read is null and makes the status `degraded`,
 * so the report itself answers while Sync is down.
 */
import type { ServiceEnv } from '../runtime/env';
import { toApiError } from '../runtime/errors';
import { RetryPolicy, twilioClient } from '../runtime/twilio-client';
import { isoSeconds } from '../time';
import { readCallbacks, readTallies } from '../store/health';
import { syncService } from '../store/sync';

/** A probe is one attempt with a short timeout: a retry would hide the latency it measures. */
const PROBE_POLICY: RetryPolicy = { timeoutMs: 2_000, maxAttempts: 1, baseDelayMs: 0, maxTotalSleepMs: 0 };
const HOUR_MS = 3_600_000;

export interface Reachability {
  reachable: boolean;
  latencyMs: number;
  /** Why not, in the service's error codes (TWILIO_UNAVAILABLE, RATE_LIMITED ...), never Twilio's raw text. */
  error?: string;
}

export interface HealthReport {
  status: 'healthy' | 'degraded';
  checkedAt: string;
  twilio: Reachability;
  sync: Reachability;
  lastHour: {
    webhookFailures: { total: number; byCallback: Record<string, number> };
    reconciliations: { runs: number; repaired: number };
  } | null;
  /** The time of the last callback of each kind, by the webhook's path. */
  lastCallbacks: Record<string, string> | null;
}

async function probe(call: () => Promise<unknown>): Promise<Reachability> {
  const started = process.hrtime.bigint();
  const latency = (): number => Number((process.hrtime.bigint() - started) / 1_000_000n);
  try {
    await call();
    return { reachable: true, latencyMs: latency() };
  } catch (err) {
    return { reachable: false, latencyMs: latency(), error: toApiError(err).code };
  }
}

async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch {
    return null;
  }
}

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

export async function healthReport(env: ServiceEnv, now = Date.now()): Promise<HealthReport> {
  const probing = twilioClient(env, PROBE_POLICY);
  const client = twilioClient(env);
  const [twilio, sync, tallies, callbacks] = await Promise.all([
    probe(() => probing.api.v2010.accounts(probing.accountSid).fetch()),
    probe(() => syncService(probing, env).fetch()),
    orNull(readTallies(client, env, now, HOUR_MS)),
    orNull(readCallbacks(client, env)),
  ]);
  const failures = tallies?.['webhook-failures'] ?? {};
  const runs = tallies?.reconciliations ?? {};
  const complete = twilio.reachable && sync.reachable && tallies !== null && callbacks !== null;
  return {
    status: complete ? 'healthy' : 'degraded',
    checkedAt: isoSeconds(new Date(now)),
    twilio,
    sync,
    lastHour: tallies && {
      webhookFailures: { total: sum(failures), byCallback: failures },
      reconciliations: { runs: runs.runs ?? 0, repaired: runs.repaired ?? 0 },
    },
    lastCallbacks: callbacks && Object.fromEntries(callbacks.map((c) => [c.path, c.lastAt]).sort()),
  };
}
