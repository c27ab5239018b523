/**
 * Platform-wide usage for charts (/api/admin/usage): one point per day or month, by billing category,
 * read from the platform totals the metering keeps (TOTALS_SHARDS reads per point), never from the ledger, so a
 * request costs the same round trips at 100 or 100 000 billed events.
 */
import type { ServiceEnv } from '../runtime/env';
import { ApiError } from '../runtime/errors';
import type { TwilioClient } from '../runtime/twilio-client';
import { BILLING_CATEGORIES, BillingCategory } from '../billing/rate-card';
import { periodsBetween } from '../billing/reports';
import { CategoryTallies, mergeTallies, readPlatformTotals, TOTALS_SHARDS } from '../store/billing-totals';
import { categoriesView, moneyTotal, MoneyTotal, PRICE_UNIT, TallyView, totalOf } from './views';

export type Granularity = 'day' | 'month';

/** Points per request: a month of days, or two years of months (TOTALS_SHARDS reads each). */
export const MAX_POINTS: Record<Granularity, number> = { day: 31, month: 24 };
/** Points read at once, so the reads in flight stay near the ~30 concurrent requests Twilio allows an account. */
const POINTS_IN_FLIGHT = Math.max(1, Math.floor(32 / TOTALS_SHARDS));

export interface UsagePoint {
  period: string;
  categories: Record<BillingCategory, TallyView>;
  total: MoneyTotal;
}

export interface UsageSeries {
  granularity: Granularity;
  from: string;
  to: string;
  priceUnit: string;
  categories: readonly BillingCategory[];
  series: UsagePoint[];
  total: MoneyTotal;
}

/** `from` and `to` are days (YYYY-MM-DD); with months, the months they fall in. */
export async function usageSeries(
  client: TwilioClient,
  env: ServiceEnv,
  range: { from: string; to: string; granularity: Granularity },
): Promise<UsageSeries> {
  const { granularity } = range;
  const [from, to] = granularity === 'day' ? [range.from, range.to] : [range.from.slice(0, 7), range.to.slice(0, 7)];
  if (from > to) throw new ApiError(400, 'VALIDATION_ERROR', 'from must not be after to', { field: 'from' });
  const periods = periodsBetween(from, to, granularity);
  if (periods.length > MAX_POINTS[granularity]) {
    throw new ApiError(
      400,
      'VALIDATION_ERROR',
      `from and to may span at most ${MAX_POINTS[granularity]} ${granularity === 'day' ? 'days' : 'months'}`,
      { field: 'to' },
    );
  }
  const tallies = new Array<CategoryTallies>(periods.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < periods.length; i = next++)
      tallies[i] = await readPlatformTotals(client, env, granularity, periods[i]);
  };
  await Promise.all(Array.from({ length: Math.min(POINTS_IN_FLIGHT, periods.length) }, worker));
  const series = periods.map((period, i) => ({
    period,
    categories: categoriesView(tallies[i]),
    total: moneyTotal(totalOf(tallies[i])),
  }));
  const total = moneyTotal(totalOf(tallies.reduce(mergeTallies, {})));
  return { granularity, from, to, priceUnit: PRICE_UNIT, categories: BILLING_CATEGORIES, series, total };
}
