/**
 * The SMS router's replies and their delivery. Sync Maps `sms-router-outbound.<0..63>` (by hash of the
 * key), two kinds of item:
 * - `reply.<inbound MessageSid>`: the one reply to an inbound message, claimed before it is sent, so a
 *   repeated processing request never sends twice;
 * - `<outbound MessageSid>`: one delivery attempt and its status, which moves forward only.
 * About four writes per reply (claim, attempt, two status callbacks): 64 shards keep each map near 6 writes/s
 * at 100 messages/s. Kept 30 days.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { DAY_S, Json, shardOf, SyncMapRef } from './sync';

const SHARDS = 64;
const TTL_S = 30 * DAY_S;

export interface ReplyClaim extends Json {
  inbound_sid: string;
  claimed_at: string;
}

export interface DeliveryAttempt extends Json {
  sid: string;
  inbound_sid: string;
  user_id: number;
  from: string;
  to: string;
  body: string;
  /** 1 for the first send, 2 for the first retry ... */
  attempt: number;
  status: string;
  error_code: number | null;
  sent_at: string;
  updated_at: string;
  /** Set by the callback that decides to send this attempt again, so a repeated callback retries once. */
  retried: boolean;
}

function mapFor(client: TwilioClient, env: ServiceEnv, key: string): SyncMapRef<Json> {
  return new SyncMapRef<Json>(client, env, `sms-router-outbound.${shardOf(key, SHARDS)}`, 0);
}

/** True for the first claimant only. */
export async function claimReply(client: TwilioClient, env: ServiceEnv, claim: ReplyClaim): Promise<boolean> {
  const key = `reply.${claim.inbound_sid}`;
  return mapFor(client, env, key).createIfAbsent(key, claim, TTL_S);
}

export async function addAttempt(client: TwilioClient, env: ServiceEnv, attempt: DeliveryAttempt): Promise<void> {
  await mapFor(client, env, attempt.sid).createIfAbsent(attempt.sid, attempt, TTL_S);
}

/**
 * Applies `change` to the attempt; the record before and after, or undefined when the SID is unknown.
 * `change` returning undefined leaves it as it is (a status that would move it backwards).
 */
export async function changeAttempt(
  client: TwilioClient,
  env: ServiceEnv,
  sid: string,
  change: (current: DeliveryAttempt) => DeliveryAttempt | undefined,
): Promise<{ before: DeliveryAttempt; after: DeliveryAttempt } | undefined> {
  let before: DeliveryAttempt | undefined;
  let changed: DeliveryAttempt | undefined;
  await mapFor(client, env, sid).upsert(sid, (current) => {
    before = current as DeliveryAttempt | undefined;
    changed = before ? change(before) : undefined;
    return changed;
  });
  if (!before) return undefined;
  return { before, after: changed ?? before };
}
