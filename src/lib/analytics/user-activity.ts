/**
 * Each user's activity and costs for a month (/api/admin/users), sorted by cost, calls or messages and paged
 * as seed 004 pages (page, limit, totalPages, totalItems). Read from the billing totals: the month's user
 * list (one read per 100 users) and each user's month (32 shard reads). Sorting needs every user's figures,
 * so a request costs 32 reads per user billed that month, whatever their traffic; the bound is in
 * docs/decisions/0011-admin-analytics.md.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { toDecimal } from '../billing/money';
import { BillingCategory } from '../billing/rate-card';
import { emptyTally, readMonthUsers, readUserMonthTotals, Tally, Totals, TOTALS_SHARDS } from '../store/billing-totals';
import { categoriesView, PRICE_UNIT, TallyView, totalOf } from './views';

export const USER_SORTS = ['cost', 'calls', 'messages'] as const;
export type UserSort = (typeof USER_SORTS)[number];

/** Users whose months are read at once, so the reads in flight stay near the ~30 concurrent requests Twilio allows. */
const USERS_IN_FLIGHT = Math.max(1, Math.floor(32 / TOTALS_SHARDS));
/** The most users a month lists (the month's user list is read up to this many). */
export const MAX_USERS = 1000;

export interface UserActivity {
  userId: string;
  calls: { count: number; minutes: number };
  messages: { count: number; segments: number };
  recordings: { count: number; minutes: number };
  phoneNumbers: { fees: number };
  cost: number;
  twilioCost: number;
  priceUnit: string;
  categories: Record<BillingCategory, TallyView>;
}

export interface UserActivityPage {
  month: string;
  sort: UserSort;
  users: UserActivity[];
  pagination: { page: number; limit: number; totalPages: number; totalItems: number };
}

interface Ranked {
  userId: number;
  totals: Totals;
  total: Tally;
}

const of = (t: Totals, c: BillingCategory): Tally => t.categories[c] ?? emptyTally();

function sortKey(r: Ranked, sort: UserSort): number {
  if (sort === 'cost') return r.total.amountMicros;
  if (sort === 'calls') return of(r.totals, 'calls-outbound').count + of(r.totals, 'calls-inbound').count;
  return of(r.totals, 'sms-outbound').count + of(r.totals, 'sms-inbound').count;
}

function activity(r: Ranked): UserActivity {
  const calls = [of(r.totals, 'calls-outbound'), of(r.totals, 'calls-inbound')];
  const messages = [of(r.totals, 'sms-outbound'), of(r.totals, 'sms-inbound')];
  const recordings = of(r.totals, 'recordings');
  return {
    userId: String(r.userId),
    calls: { count: calls[0].count + calls[1].count, minutes: calls[0].quantity + calls[1].quantity },
    messages: { count: messages[0].count + messages[1].count, segments: messages[0].quantity + messages[1].quantity },
    recordings: { count: recordings.count, minutes: recordings.quantity },
    phoneNumbers: { fees: of(r.totals, 'phone-numbers').count },
    cost: toDecimal(r.total.amountMicros),
    twilioCost: toDecimal(r.total.twilioCostMicros),
    priceUnit: PRICE_UNIT,
    categories: categoriesView(r.totals.categories),
  };
}

export async function usersActivity(
  client: TwilioClient,
  env: ServiceEnv,
  query: { month: string; sort: UserSort; page: number; limit: number },
): Promise<UserActivityPage> {
  const ids = await readMonthUsers(client, env, query.month, MAX_USERS);
  const ranked = new Array<Ranked>(ids.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < ids.length; i = next++) {
      const totals = await readUserMonthTotals(client, env, ids[i], query.month);
      ranked[i] = { userId: ids[i], totals, total: totalOf(totals.categories) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(USERS_IN_FLIGHT, ids.length) }, worker));
  // Highest first; equal figures in user id order, so pages never overlap or skip.
  ranked.sort((a, b) => sortKey(b, query.sort) - sortKey(a, query.sort) || a.userId - b.userId);
  const start = (query.page - 1) * query.limit;
  return {
    month: query.month,
    sort: query.sort,
    users: ranked.slice(start, start + query.limit).map(activity),
    pagination: {
      page: query.page,
      limit: query.limit,
      totalPages: Math.ceil(ranked.length / query.limit),
      totalItems: ranked.length,
    },
  };
}
