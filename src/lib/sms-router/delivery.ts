/**
 * Delivery of the router's replies: status callbacks move an attempt forward only (queued, sent, then
 * delivered, failed or undelivered), and a failed or undelivered attempt is sent again after a backoff,
 * up to config `retry_attempts` retries, unless its error is permanent or the handset opted out. Every
 * attempt's end is in the usage log. A callback that repeats or comes late changes nothing.
 */
import type { ServiceEnv } from '../runtime/env';
import { logEvent, logWarning } from '../runtime/log';
import type { TwilioClient } from '../runtime/twilio-client';
import { sendMessage } from '../messaging/messages';
import { sleep } from '../outbound/outcome';
import { findOptOut } from '../store/router-limits';
import { addAttempt, changeAttempt, DeliveryAttempt } from '../store/router-outbound';
import { routerConfig } from './config';
import { keepRecord, recordAttempt } from './records';

export const DELIVERY_STATUSES = [
  'accepted',
  'scheduled',
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'read',
  'canceled',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const RANK: Record<string, number> = {
  accepted: 0,
  scheduled: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  canceled: 4,
  read: 5,
};
const FAILED = new Set(['failed', 'undelivered']);
const ENDED = new Set(['delivered', 'failed', 'undelivered', 'canceled']);

/**
 * Errors a retry cannot fix: the handset opted out (21610), the number is invalid, not mobile or not
 * reachable by SMS (21211, 21614, 30005, 30006), the region is not enabled (21408, 21612), the account is
 * suspended (30002), or the carrier blocks or filters the content (30004, 30007).
 */
export const PERMANENT_ERRORS = new Set([21211, 21408, 21610, 21612, 21614, 30002, 30004, 30005, 30006, 30007]);
/** A retry waits at most this long, so it fits the callback's own invocation. */
const MAX_BACKOFF_MS = 4000;

export interface StatusCallback {
  sid: string;
  status: DeliveryStatus;
  errorCode: number | null;
}

export type DeliveryAnswer = { status: 'success' | 'warning'; message: string };

function advance(
  current: DeliveryAttempt,
  cb: StatusCallback,
  retryAllowed: (a: DeliveryAttempt) => boolean,
): DeliveryAttempt | undefined {
  if ((RANK[cb.status] ?? 0) <= (RANK[current.status] ?? 0)) return undefined;
  const next: DeliveryAttempt = { ...current, status: cb.status, error_code: cb.errorCode, updated_at: new Date().toISOString() };
  if (FAILED.has(cb.status) && !current.retried && retryAllowed(next)) next.retried = true;
  return next;
}

export async function applyStatusCallback(
  client: TwilioClient,
  env: ServiceEnv,
  cb: StatusCallback,
  opts: { statusCallback: string; deadlineAt: number },
): Promise<DeliveryAnswer> {
  const config = await routerConfig(client, env);
  const retryAllowed = (a: DeliveryAttempt): boolean =>
    a.attempt <= config.retry_attempts && !(a.error_code !== null && PERMANENT_ERRORS.has(a.error_code));
  const change = await changeAttempt(client, env, cb.sid, (current) => advance(current, cb, retryAllowed));
  if (!change) return { status: 'warning', message: 'Message not sent by the SMS router; nothing updated' };
  const { before, after } = change;
  if (before === after || before.status === after.status)
    return { status: 'success', message: 'Delivery status already recorded' };
  if (ENDED.has(after.status) && !ENDED.has(before.status)) {
    await keepRecord(
      'delivery attempt',
      recordAttempt(client, env, {
        sid: after.sid,
        userId: after.user_id,
        to: after.to,
        length: Array.from(after.body).length,
        delivered: after.status === 'delivered',
        status: after.status,
        attempt: after.attempt,
        errorCode: after.error_code,
        processingMs: Date.now() - Date.parse(after.sent_at),
        at: new Date(),
      }),
    );
  }
  if (after.retried && !before.retried) await retry(client, env, after, config.retry_backoff_ms, opts);
  return { status: 'success', message: 'Delivery status updated' };
}

async function retry(
  client: TwilioClient,
  env: ServiceEnv,
  failed: DeliveryAttempt,
  backoffMs: number,
  opts: { statusCallback: string; deadlineAt: number },
): Promise<void> {
  const wait = Math.min(backoffMs * 2 ** (failed.attempt - 1), MAX_BACKOFF_MS, Math.max(0, opts.deadlineAt - Date.now() - 2000));
  await sleep(wait);
  if (await findOptOut(client, env, failed.user_id, failed.to)) {
    logEvent('sms_router_retry_skipped', { sid: failed.sid, reason: 'opted_out' });
    return;
  }
  const sentAt = new Date().toISOString();
  try {
    const sent = await sendMessage(client, env, {
      from: failed.from,
      to: failed.to,
      body: failed.body,
      statusCallback: opts.statusCallback,
    });
    await addAttempt(client, env, {
      ...failed,
      sid: sent.sid,
      attempt: failed.attempt + 1,
      status: sent.status,
      error_code: null,
      sent_at: sentAt,
      updated_at: sentAt,
      retried: false,
    });
    logEvent('sms_router_retry', { failed_sid: failed.sid, sid: sent.sid, attempt: failed.attempt + 1, waited_ms: wait });
  } catch (err) {
    logWarning('sms-router', `retry of ${failed.sid} not sent: ${err instanceof Error ? err.message : String(err)}`);
    const code =
      (err as { details?: { twilio_code?: unknown }; code?: unknown }).details?.twilio_code ?? (err as { code?: unknown }).code;
    await keepRecord(
      'refused retry',
      recordAttempt(client, env, {
        sid: `refused.${failed.sid}`,
        userId: failed.user_id,
        to: failed.to,
        length: Array.from(failed.body).length,
        delivered: false,
        status: 'failed',
        attempt: failed.attempt + 1,
        errorCode: typeof code === 'number' ? code : null,
        processingMs: null,
        at: new Date(),
      }),
    );
  }
}
