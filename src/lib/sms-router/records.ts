/**
 * What the router writes for each event it handles: one usage-log entry and, when that entry is new,
 * the matching change to the statistics, so a repeated event counts once.
 */
import type { ServiceEnv } from '../runtime/env';
import { ApiError } from '../runtime/errors';
import { sleep } from '../outbound/outcome';
import { logWarning } from '../runtime/log';
import type { TwilioClient } from '../runtime/twilio-client';
import { addToStats } from '../store/router-stats';
import { usageIdOf, UsageLogEntry, writeUsageEntry } from '../store/router-usage-log';
import { isoSeconds } from '../time';

export interface RoutedMessage {
  messageSid: string;
  userId: number | null;
  from: string;
  length: number;
  success: boolean;
  outcome: string;
  processingMs: number | null;
  at: Date;
}

export interface AttemptOutcome {
  sid: string;
  userId: number;
  to: string;
  length: number;
  delivered: boolean;
  status: string;
  attempt: number;
  errorCode: number | null;
  /** From the send to this outcome. */
  processingMs: number | null;
  at: Date;
}

async function write(
  client: TwilioClient,
  env: ServiceEnv,
  entry: UsageLogEntry,
  stats: Parameters<typeof addToStats>[3],
): Promise<void> {
  if (!(await writeUsageEntry(client, env, entry))) return;
  try {
    await addToStats(client, env, entry.message_sid, stats);
  } catch (err) {
    // A shard contended beyond the store's own retries: once more after a pause, as the entry is written already.
    if (!(err instanceof ApiError && err.code === 'SYNC_CONTENDED')) throw err;
    await sleep(100 + Math.random() * 200);
    await addToStats(client, env, entry.message_sid, stats);
  }
}

/** An inbound message's outcome (routed, or why not). */
export async function recordRoutedMessage(client: TwilioClient, env: ServiceEnv, m: RoutedMessage): Promise<void> {
  const at = isoSeconds(m.at);
  await write(
    client,
    env,
    {
      id: usageIdOf(m.at.getTime(), m.messageSid),
      user_id: m.userId,
      phone_number: m.from,
      direction: 'inbound',
      length: m.length,
      success: m.success,
      processing_time_ms: m.processingMs,
      created_at: m.at.toISOString(),
      message_sid: m.messageSid,
      outcome: m.outcome,
      attempt: null,
      error_code: null,
    },
    { at, route: { success: m.success, processingMs: m.processingMs, userId: m.userId, phone: m.from } },
  );
}

/** A delivery attempt that reached its end (delivered, failed, undelivered, or refused at sending). */
export async function recordAttempt(client: TwilioClient, env: ServiceEnv, a: AttemptOutcome): Promise<void> {
  await write(
    client,
    env,
    {
      id: usageIdOf(a.at.getTime(), a.sid),
      user_id: a.userId,
      phone_number: a.to,
      direction: 'outbound',
      length: a.length,
      success: a.delivered,
      processing_time_ms: a.processingMs,
      created_at: a.at.toISOString(),
      message_sid: a.sid,
      outcome: a.status,
      attempt: a.attempt,
      error_code: a.errorCode,
    },
    { at: isoSeconds(a.at), delivery: { delivered: a.delivered } },
  );
}

/** Bookkeeping that must not turn an answered message into an error: a failure is logged, not thrown. */
export async function keepRecord(what: string, work: Promise<void>): Promise<void> {
  await work.catch((err: unknown) =>
    logWarning('sms-router', `${what} not recorded: ${err instanceof Error ? err.message : String(err)}`),
  );
}

/**
 * How the webhook and the processing function record an inbound message's routing: the message's fields
 * once, then each outcome (`timed`: the processing time counts from `at`, the webhook's own does not).
 */
export function inboundRecorder(
  client: TwilioClient,
  env: ServiceEnv,
  sms: { messageSid: string; from: string; body: string },
  at: Date,
  timed: boolean,
): (userId: number | null, success: boolean, outcome: string) => Promise<void> {
  const length = Array.from(sms.body).length;
  return (userId, success, outcome) =>
    keepRecord(
      'inbound message',
      recordRoutedMessage(client, env, {
        messageSid: sms.messageSid,
        userId,
        from: sms.from,
        length,
        success,
        outcome,
        processingMs: timed ? Date.now() - at.getTime() : null,
        at,
      }),
    );
}
