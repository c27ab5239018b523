/**
 * What a user reads about their own costs: this month's usage (/api/twilio/usage) and monthly bills
 * (/api/twilio/billing). Both read the totals, so they cost the same few round trips at 100 events or
 * 100 000; both accrue the fees of the user's numbers first.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { CategoryTallies, emptyTally, readUserMonthTotals, Tally } from '../store/billing-totals';
import { listUserNumbers, PhoneNumberRecord } from '../store/phone-numbers';
import { monthOf } from './charge';
import { accrueNumberFees } from './events';
import { spendingState, spentOf } from './limits';
import { CURRENCY, toDecimal } from './money';
import { BILLING_CATEGORIES, BillingCategory, CATEGORY_RATE } from './rate-card';

export interface CategoryLine {
  category: BillingCategory;
  count: number;
  /** Named after the unit: `minutes`, `segments` or `months`. */
  [unit: string]: number | string;
  amount: number;
}

function lines(tallies: CategoryTallies): CategoryLine[] {
  return BILLING_CATEGORIES.map((category) => {
    const t: Tally = tallies[category] ?? emptyTally();
    return { category, count: t.count, [CATEGORY_RATE[category].unit]: t.quantity, amount: toDecimal(t.amountMicros) };
  });
}

export function previousMonths(from: string, count: number): string[] {
  const d = new Date(`${from}-01T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1));
    return m.toISOString().slice(0, 7);
  });
}

async function accruedNumbers(client: TwilioClient, env: ServiceEnv, userId: number, now: Date): Promise<PhoneNumberRecord[]> {
  const numbers = await listUserNumbers(client, env, userId);
  await accrueNumberFees(client, env, userId, now, numbers);
  return numbers;
}

/** The user's usage in a month ("YYYY-MM"): by category, by their number, and their limit. */
export async function monthUsage(client: TwilioClient, env: ServiceEnv, userId: number, month: string, now = new Date()) {
  const numbers = await accruedNumbers(client, env, userId, now);
  const totals = await readUserMonthTotals(client, env, userId, month);
  const spentMicros = spentOf(totals.categories);
  const current = month === monthOf(now.toISOString());
  const limit = await spendingState(client, env, userId, month, spentMicros);
  return {
    month,
    priceUnit: CURRENCY,
    categories: lines(totals.categories),
    total: toDecimal(spentMicros),
    phoneNumbers: numbers
      .filter((n) => totals.numbers[n.id] || n.status !== 'released')
      .map((n) => {
        const tallies = totals.numbers[n.id] ?? {};
        return {
          phoneNumberId: n.id,
          number: n.number,
          status: n.status,
          categories: lines(tallies),
          total: toDecimal(spentOf(tallies)),
        };
      }),
    limit: {
      monthlyLimit: toDecimal(limit.limitMicros),
      spent: toDecimal(spentMicros),
      remaining: toDecimal(Math.max(0, limit.limitMicros - spentMicros)),
      percentUsed: limit.limitMicros > 0 ? Math.floor((spentMicros * 100) / limit.limitMicros) : 100,
      source: limit.source,
      // An alert is about this month's spending: a past month shows what it came to, not a live state.
      alert: current ? limit.alert : 'ok',
    },
  };
}

/** Monthly bills, newest first: line items by category, each number's fees, the total, open or closed. */
export async function monthlyBills(client: TwilioClient, env: ServiceEnv, userId: number, months: number, now = new Date()) {
  const numbers = await accruedNumbers(client, env, userId, now);
  const thisMonth = monthOf(now.toISOString());
  return Promise.all(
    previousMonths(thisMonth, months).map(async (month) => {
      const totals = await readUserMonthTotals(client, env, userId, month);
      const numberFees = numbers
        .map((n) => ({ n, fee: totals.numbers[n.id]?.['phone-numbers'] }))
        .filter((x): x is { n: PhoneNumberRecord; fee: Tally } => x.fee !== undefined)
        .map(({ n, fee }) => ({
          phoneNumberId: n.id,
          number: n.number,
          months: fee.quantity,
          amount: toDecimal(fee.amountMicros),
        }));
      return {
        month,
        status: month === thisMonth ? 'open' : 'closed',
        priceUnit: CURRENCY,
        lineItems: lines(totals.categories),
        numberFees,
        total: toDecimal(spentOf(totals.categories)),
      };
    }),
  );
}
