/**
 * What billing answers, read from the totals (never summed from the ledger) and the rate cards: the API
 * the user functions here and the admin analytics read. Every amount is in micros.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { getLedgerEntry, LedgerEntry } from '../store/billing-ledger';
import { CategoryTallies, readMonthUsers, readPlatformTotals, readUserMonthTotals, Totals } from '../store/billing-totals';
import { listRateCards } from '../store/rate-cards';
import { entryKey } from './charge';
import { BILLING_CATEGORIES, BillingCategory, cardAt, DEFAULT_RATE_CARD, RateCard } from './rate-card';

export type { Tally, CategoryTallies, Totals } from '../store/billing-totals';
export type { LedgerEntry } from '../store/billing-ledger';

/** The card in force now (or at `at`). */
export async function currentRateCard(client: TwilioClient, env: ServiceEnv, at = new Date().toISOString()): Promise<RateCard> {
  return cardAt(await listRateCards(client, env), at);
}

/** Every card, oldest effective time first, seed 004's default first of all. */
export async function rateCardHistory(client: TwilioClient, env: ServiceEnv): Promise<RateCard[]> {
  return [DEFAULT_RATE_CARD, ...(await listRateCards(client, env, true))];
}

/** A user's month ("YYYY-MM"): by category, and by their number. */
export function userMonthTotals(client: TwilioClient, env: ServiceEnv, userId: number, month: string): Promise<Totals> {
  return readUserMonthTotals(client, env, userId, month);
}

/** The users billed anything in the month. */
export function usersForMonth(client: TwilioClient, env: ServiceEnv, month: string): Promise<number[]> {
  return readMonthUsers(client, env, month);
}

export interface PeriodTotals {
  /** "YYYY-MM-DD" or "YYYY-MM". */
  period: string;
  categories: CategoryTallies;
}

/** The days or months from `from` to `to` (inclusive; "YYYY-MM-DD" or "YYYY-MM" as the granularity). */
export function periodsBetween(from: string, to: string, granularity: 'day' | 'month'): string[] {
  const periods: string[] = [];
  const d = new Date(`${granularity === 'day' ? from : `${from}-01`}T00:00:00Z`);
  const last = granularity === 'day' ? to : to.slice(0, 7);
  for (;;) {
    const p = granularity === 'day' ? d.toISOString().slice(0, 10) : d.toISOString().slice(0, 7);
    if (p > last || !Number.isFinite(d.getTime())) break;
    periods.push(p);
    if (granularity === 'day') d.setUTCDate(d.getUTCDate() + 1);
    else d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return periods;
}

/** Platform-wide totals per day or month: 16 reads per period, in parallel. */
export async function platformTotals(
  client: TwilioClient,
  env: ServiceEnv,
  from: string,
  to: string,
  granularity: 'day' | 'month',
): Promise<PeriodTotals[]> {
  return Promise.all(
    periodsBetween(from, to, granularity).map(async (period) => ({
      period,
      categories: await readPlatformTotals(client, env, granularity, period),
    })),
  );
}

/** The ledger entries of one Twilio SID (a call, recording or message bills under one or two categories). */
export async function ledgerEntriesOf(
  client: TwilioClient,
  env: ServiceEnv,
  sid: string,
  categories: readonly BillingCategory[] = BILLING_CATEGORIES,
): Promise<LedgerEntry[]> {
  const found = await Promise.all(categories.map((category) => getLedgerEntry(client, env, entryKey({ category, sid }))));
  return found.filter((e): e is LedgerEntry => e !== undefined);
}

/** The entry of a number's fee for one period of holding it (0 = the purchase). */
export function numberFeeEntry(
  client: TwilioClient,
  env: ServiceEnv,
  numberSid: string,
  period: number,
): Promise<LedgerEntry | undefined> {
  return getLedgerEntry(client, env, entryKey({ category: 'phone-numbers', sid: numberSid, period }));
}
