/**
 * Per-user indexes: what belongs to one user (their calls, their recordings, each also per phone number
 * and calls per final status), newest first, with a count beside each. They make a user's first page cost
 * the same few round trips whatever their history: one Sync page of the index and one count, never a scan
 * of everyone's records (docs/decisions/0009-users-and-ownership.md).
 *
 * Sync Maps `user-index.<userId>.<index>`, item key = `<creation time, ms, 13 digits>.<SID>` so key order
 * is time order; Sync Map `user-counts.<userId>`, item key = the index, holds its count. An entry is
 * created only if absent and the count moves only when it was, so a repeated callback counts once.
 * Everything is per user: one user's traffic never makes another's objects hot.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { DAY_S, Json, SyncMapRef } from './sync';

/** As long as the records the entries point at. */
const TTL_S = 365 * DAY_S;

export type UserIndexName =
  | 'calls'
  | `calls.number.${string}`
  | `calls.status.${string}`
  | 'recordings'
  | `recordings.number.${string}`
  | `recordings.call.${string}`;

export interface IndexEntry extends Json {
  /** The call or recording SID the entry points at. */
  sid: string;
  createdAt: string;
}

interface Count extends Json {
  count: number;
}

function indexMap(client: TwilioClient, env: ServiceEnv, userId: number, index: UserIndexName): SyncMapRef<IndexEntry> {
  return new SyncMapRef<IndexEntry>(client, env, `user-index.${userId}.${index}`, 0);
}

function countsMap(client: TwilioClient, env: ServiceEnv, userId: number): SyncMapRef<Count> {
  return new SyncMapRef<Count>(client, env, `user-counts.${userId}`, 0);
}

export function entryKey(entry: IndexEntry): string {
  return `${String(Date.parse(entry.createdAt)).padStart(13, '0')}.${entry.sid}`;
}

async function addToCount(
  client: TwilioClient,
  env: ServiceEnv,
  userId: number,
  index: UserIndexName,
  by: number,
): Promise<void> {
  await countsMap(client, env, userId).upsert(index, (c) => ({ count: Math.max(0, (c?.count ?? 0) + by) }));
}

/** Adds the entry (once) and counts it; true when it was new. */
export async function addToIndex(
  client: TwilioClient,
  env: ServiceEnv,
  userId: number,
  index: UserIndexName,
  entry: IndexEntry,
): Promise<boolean> {
  const created = await indexMap(client, env, userId, index).createIfAbsent(entryKey(entry), entry, TTL_S);
  if (created) await addToCount(client, env, userId, index, 1);
  return created;
}

/** Removes the entry and uncounts it; true when it was there. */
export async function removeFromIndex(
  client: TwilioClient,
  env: ServiceEnv,
  userId: number,
  index: UserIndexName,
  entry: IndexEntry,
): Promise<boolean> {
  const removed = await indexMap(client, env, userId, index).remove(entryKey(entry));
  if (removed) await addToCount(client, env, userId, index, -1);
  return removed;
}

export interface IndexPage {
  entries: IndexEntry[];
  totalItems: number;
}

/**
 * Page `page` (from 1) of `limit` entries, newest first, and the index's count. The first page of up to
 * 100 entries is one Sync page; page n reads the n * limit newest entries (deep pages cost more, the first
 * never does).
 */
export async function readIndexPage(
  client: TwilioClient,
  env: ServiceEnv,
  userId: number,
  index: UserIndexName,
  page: number,
  limit: number,
): Promise<IndexPage> {
  const [items, count] = await Promise.all([
    indexMap(client, env, userId, index).list({ limit: page * limit, order: 'desc' }),
    countsMap(client, env, userId).get(index),
  ]);
  return { entries: items.slice((page - 1) * limit).map((i) => i.data), totalItems: count?.data.count ?? 0 };
}

/** How many entries the index holds (a number's callCount). */
export async function readCount(client: TwilioClient, env: ServiceEnv, userId: number, index: UserIndexName): Promise<number> {
  return (await countsMap(client, env, userId).get(index))?.data.count ?? 0;
}
