/**
 * Idempotency records: what a send or call made with a caller's idempotency key led to, so the same key
 * never sends twice and always gets the same answer. Sync Maps `idempotency.<0..15>`, item key = a hash
 * of the caller (principal) and their key, so one caller's key can never read another caller's answer.
 * Items live 24 h.
 */
import { createHash } from 'crypto';
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { Json, shardOf, SyncMapRef } from './sync';

const SHARDS = 16;
export const IDEMPOTENCY_TTL_S = 24 * 3600;

/**
 * `pending`: an attempt is sending now. `unknown`: Twilio did not say whether the attempt's send happened.
 * `done`: the answer the caller got, replayed for every later request with the key.
 */
export type IdempotencyState = 'pending' | 'unknown' | 'done';

export interface IdempotencyRecord extends Json {
  state: IdempotencyState;
  /** Hash of the endpoint and the request's inputs: the same key with another request is refused. */
  fingerprint: string;
  /** The attempt that owns a `pending` or `unknown` record. */
  attemptId: string;
  /** When that attempt started to send (ms since epoch): Twilio records from then on may be its send. */
  startedAt: number;
  /** The JSON answer, once `done`. */
  answer: Json | null;
}

export interface IdempotencyRef {
  map: SyncMapRef<IdempotencyRecord>;
  itemKey: string;
}

/** The record's place: one per caller and key. */
export function idempotencyRef(client: TwilioClient, env: ServiceEnv, caller: string, key: string): IdempotencyRef {
  const itemKey = createHash('sha256').update(`${caller}\n${key}`).digest('hex');
  return { map: new SyncMapRef<IdempotencyRecord>(client, env, `idempotency.${shardOf(itemKey, SHARDS)}`, 0), itemKey };
}

/** Creates the record for a first attempt; false when the key has a record already. */
export function claimKey(ref: IdempotencyRef, record: IdempotencyRecord): Promise<boolean> {
  return ref.map.createIfAbsent(ref.itemKey, record, IDEMPOTENCY_TTL_S);
}

export async function readKey(ref: IdempotencyRef): Promise<IdempotencyRecord | undefined> {
  return (await ref.map.get(ref.itemKey))?.data;
}

/**
 * Moves the record on, but only while `attemptId` still owns it (If-Match underneath): returns the record
 * as it now stands, so the caller sees whether its change applied.
 */
export async function updateKey(
  ref: IdempotencyRef,
  attemptId: string,
  change: (current: IdempotencyRecord) => IdempotencyRecord,
): Promise<IdempotencyRecord | undefined> {
  return ref.map.upsert(
    ref.itemKey,
    (current) => (current && current.attemptId === attemptId && current.state !== 'done' ? change(current) : undefined),
    IDEMPOTENCY_TTL_S,
  );
}

/** Forgets the key after an attempt that certainly sent nothing, so the caller may use it again. */
export async function releaseKey(ref: IdempotencyRef, attemptId: string): Promise<void> {
  const current = await readKey(ref);
  if (current && current.attemptId === attemptId && current.state !== 'done') await ref.map.remove(ref.itemKey);
}
