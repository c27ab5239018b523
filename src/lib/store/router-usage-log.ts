/**
 * The SMS router's usage log: every inbound message it routed and every delivery attempt of a reply.
 * Sync Maps `sms-router-usage.<YYYY-MM-DD>.<0..31>` (by day, then by hash of the message SID), item key =
 * `<time, ms, 13 digits>.<message SID>`, so key order is time order and a repeated write of one event
 * (a callback Twilio sent twice) creates nothing. 32 shards keep each map near 6 writes/s at 100 messages/s.
 * Entries expire after 30 days with their map.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { DAY_S, Json, shardOf, SyncMapRef } from './sync';

const SHARDS = 32;
export const USAGE_LOG_DAYS = 30;

export interface UsageLogEntry extends Json {
  id: number;
  user_id: number | null;
  phone_number: string;
  direction: 'inbound' | 'outbound';
  length: number;
  success: boolean;
  processing_time_ms: number | null;
  created_at: string;
  message_sid: string;
  /** Why it did not succeed (rate_limited, not_found, too_long, opted_out, agent_failed, a delivery status). */
  outcome: string;
  /** Outbound only: 1 for the first send, 2 for the first retry ... */
  attempt: number | null;
  /** Outbound only: Twilio's error code for a failed delivery. */
  error_code: number | null;
}

function mapFor(client: TwilioClient, env: ServiceEnv, day: string, shard: number): SyncMapRef<UsageLogEntry> {
  return new SyncMapRef<UsageLogEntry>(client, env, `sms-router-usage.${day}.${shard}`, (USAGE_LOG_DAYS + 1) * DAY_S);
}

const keyOf = (ms: number, sid: string): string => `${String(ms).padStart(13, '0')}.${sid}`;

/** A stable integer id: the entry's time in ms and two digits of its SID's hash. */
export const usageIdOf = (ms: number, sid: string): number => ms * 100 + shardOf(sid, 100);

/** Writes the entry once; false when it was written before. */
export async function writeUsageEntry(client: TwilioClient, env: ServiceEnv, entry: UsageLogEntry): Promise<boolean> {
  const ms = Date.parse(entry.created_at);
  const map = mapFor(client, env, entry.created_at.slice(0, 10), shardOf(entry.message_sid, SHARDS));
  return map.createIfAbsent(keyOf(ms, entry.message_sid), entry);
}

/**
 * Entries of one day, newest first, skipping `skip` and returning at most `limit`: each shard's newest
 * `skip + limit` merged (a page of the log costs one list per shard, made in parallel).
 */
export async function usageEntriesOfDay(
  client: TwilioClient,
  env: ServiceEnv,
  day: string,
  skip: number,
  limit: number,
): Promise<UsageLogEntry[]> {
  const want = skip + limit;
  const shards = await Promise.all(
    Array.from({ length: SHARDS }, (_, i) => mapFor(client, env, day, i).list({ limit: want, order: 'desc' })),
  );
  return shards
    .flat()
    .sort((a, b) => (a.key < b.key ? 1 : -1))
    .slice(skip, want)
    .map((i) => i.data);
}
