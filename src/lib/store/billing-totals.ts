/**
 * Billing totals, kept as entries arrive and never summed from the ledger at read time
 * (docs/decisions/0010-billing-ledger.md). Every family is hash-sharded 16 ways by entry key, so at 100
 * billable events/s each object takes about 6 writes/s even when one user makes them all:
 * - `billing-user-month.<userId>.<YYYY-MM>.<0..15>`: a user's month, by category and by their number;
 * - `billing-platform-day.<YYYY-MM-DD>.<0..15>` and `billing-platform-month.<YYYY-MM>.<0..15>`: everyone's,
 *   by category;
 * - `billing-month-users.<YYYY-MM>`: the users billed in a month (written once per user-month shard).
 * Each shard is one Map with one item, `totals`. Adding an entry's part is a read-modify-write with
 * If-Match that also keeps the last 64 parts it added (`recent`), so a part applied twice in a row (a
 * retry after a lost acknowledgement, two reports racing) is added once.
 */
import { createHash } from 'crypto';
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import type { BillingCategory } from '../billing/rate-card';
import { Json, shardOf, SyncMapRef } from './sync';

export const TOTALS_SHARDS = 16;
const RECENT = 64;
const ITEM = 'totals';

export interface Tally {
  count: number;
  quantity: number;
  amountMicros: number;
  /** Twilio's price of the entries whose price is known, and how many they are. */
  twilioCostMicros: number;
  twilioPricedCount: number;
}

export type CategoryTallies = Partial<Record<BillingCategory, Tally>>;

interface TotalsItem extends Json {
  categories: CategoryTallies;
  /** Per user number id (user-month shards only). */
  numbers: Record<string, CategoryTallies>;
  recent: string[];
}

/** What one entry adds: its amount (once), and Twilio's price (once, maybe later). */
export interface TotalsPart {
  entryKey: string;
  category: BillingCategory;
  phoneNumberId: string | null;
  amount?: { quantity: number; amountMicros: number };
  twilioPriceMicros?: number;
}

export const emptyTally = (): Tally => ({ count: 0, quantity: 0, amountMicros: 0, twilioCostMicros: 0, twilioPricedCount: 0 });

export function addTally(a: Tally, b: Tally): Tally {
  return {
    count: a.count + b.count,
    quantity: a.quantity + b.quantity,
    amountMicros: a.amountMicros + b.amountMicros,
    twilioCostMicros: a.twilioCostMicros + b.twilioCostMicros,
    twilioPricedCount: a.twilioPricedCount + b.twilioPricedCount,
  };
}

export function mergeTallies(into: CategoryTallies, from: CategoryTallies): CategoryTallies {
  const out: CategoryTallies = { ...into };
  for (const [cat, t] of Object.entries(from) as [BillingCategory, Tally][]) out[cat] = addTally(out[cat] ?? emptyTally(), t);
  return out;
}

/** The tags `recent` keeps for a part's pieces (short: 64 of them stay near Sync's 1 KiB fast path). */
function tagsOf(part: TotalsPart): { amount?: string; price?: string } {
  const base = createHash('sha1').update(part.entryKey).digest('base64').slice(0, 10);
  return {
    ...(part.amount ? { amount: `${base}a` } : {}),
    ...(part.twilioPriceMicros !== undefined ? { price: `${base}p` } : {}),
  };
}

/** The part's pieces not added yet (by `recent`), added; undefined when there is nothing to add. */
function applyPart(current: TotalsItem | undefined, part: TotalsPart, perNumber: boolean): TotalsItem | undefined {
  const recent = current?.recent ?? [];
  const tags = tagsOf(part);
  const amount = tags.amount && !recent.includes(tags.amount) ? part.amount : undefined;
  const price = tags.price && !recent.includes(tags.price) ? part.twilioPriceMicros : undefined;
  if (!amount && price === undefined) return undefined;
  const tally: Tally = {
    count: amount ? 1 : 0,
    quantity: amount?.quantity ?? 0,
    amountMicros: amount?.amountMicros ?? 0,
    twilioCostMicros: price ?? 0,
    twilioPricedCount: price !== undefined ? 1 : 0,
  };
  const add: CategoryTallies = { [part.category]: tally };
  const numbers = { ...(current?.numbers ?? {}) };
  if (perNumber && part.phoneNumberId) numbers[part.phoneNumberId] = mergeTallies(numbers[part.phoneNumberId] ?? {}, add);
  const added = [amount ? tags.amount : undefined, price !== undefined ? tags.price : undefined].filter(
    (t): t is string => t !== undefined,
  );
  return {
    categories: mergeTallies(current?.categories ?? {}, add),
    numbers,
    recent: [...recent, ...added].slice(-RECENT),
  };
}

const shardFor = (part: TotalsPart): number => shardOf(part.entryKey, TOTALS_SHARDS);

function userMonthMap(client: TwilioClient, env: ServiceEnv, userId: number, month: string, shard: number) {
  return new SyncMapRef<TotalsItem>(client, env, `billing-user-month.${userId}.${month}.${shard}`, 0);
}

function platformMap(client: TwilioClient, env: ServiceEnv, period: 'day' | 'month', when: string, shard: number) {
  return new SyncMapRef<TotalsItem>(client, env, `billing-platform-${period}.${when}.${shard}`, 0);
}

function monthUsersMap(client: TwilioClient, env: ServiceEnv, month: string) {
  return new SyncMapRef<{ userId: number } & Json>(client, env, `billing-month-users.${month}`, 0);
}

/**
 * Adds the part to the user's month, the platform's day and the platform's month (three objects, written
 * in parallel). Registers the user for the month when this was the first part in their shard.
 */
export async function addToTotals(
  client: TwilioClient,
  env: ServiceEnv,
  userId: number,
  day: string,
  part: TotalsPart,
): Promise<void> {
  const month = day.slice(0, 7);
  const shard = shardFor(part);
  let firstInShard = false;
  await Promise.all([
    userMonthMap(client, env, userId, month, shard).upsert(ITEM, (current) => {
      firstInShard = current === undefined;
      return applyPart(current, part, true);
    }),
    platformMap(client, env, 'day', day, shard).upsert(ITEM, (current) => applyPart(current, part, false)),
    platformMap(client, env, 'month', month, shard).upsert(ITEM, (current) => applyPart(current, part, false)),
  ]);
  if (firstInShard) await monthUsersMap(client, env, month).createIfAbsent(String(userId).padStart(10, '0'), { userId });
}

export interface Totals {
  categories: CategoryTallies;
  numbers: Record<string, CategoryTallies>;
}

function sumShards(items: (TotalsItem | undefined)[]): Totals {
  let categories: CategoryTallies = {};
  const numbers: Record<string, CategoryTallies> = {};
  for (const item of items) {
    if (!item) continue;
    categories = mergeTallies(categories, item.categories);
    for (const [id, t] of Object.entries(item.numbers)) numbers[id] = mergeTallies(numbers[id] ?? {}, t);
  }
  return { categories, numbers };
}

const shards = Array.from({ length: TOTALS_SHARDS }, (_, i) => i);

/** A user's totals for a month ("YYYY-MM"): 16 reads in parallel, whatever the month held. */
export async function readUserMonthTotals(client: TwilioClient, env: ServiceEnv, userId: number, month: string): Promise<Totals> {
  const items = await Promise.all(shards.map(async (s) => (await userMonthMap(client, env, userId, month, s).get(ITEM))?.data));
  return sumShards(items);
}

/** The platform's totals for a day ("YYYY-MM-DD") or a month ("YYYY-MM"): 16 reads in parallel. */
export async function readPlatformTotals(
  client: TwilioClient,
  env: ServiceEnv,
  period: 'day' | 'month',
  when: string,
): Promise<CategoryTallies> {
  const items = await Promise.all(shards.map(async (s) => (await platformMap(client, env, period, when, s).get(ITEM))?.data));
  return sumShards(items).categories;
}

/** The ids of the users billed anything in the month, ascending (pages of 100). */
export async function readMonthUsers(client: TwilioClient, env: ServiceEnv, month: string, limit = 1000): Promise<number[]> {
  return (await monthUsersMap(client, env, month).list({ limit })).map((i) => i.data.userId);
}
