/**
 * Revenue for a month (/api/admin/revenue): what the platform billed its users, what Twilio charged for the
 * same events, and the margin between them, by billing category. Read from the platform's month totals
 * (TOTALS_SHARDS = 32 shard reads). Twilio's cost counts the entries whose price Twilio has reported; `unpriced` says how
 * many are still waiting for theirs, so a margin that will still move is visible as such.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { toDecimal } from '../billing/money';
import { BILLING_CATEGORIES, BillingCategory } from '../billing/rate-card';
import { emptyTally, readPlatformTotals, Tally } from '../store/billing-totals';
import { PRICE_UNIT, totalOf } from './views';

export interface RevenueLine {
  count: number;
  billed: number;
  twilioCost: number;
  margin: number;
  unpriced: number;
}

export interface Revenue {
  month: string;
  priceUnit: string;
  categories: Record<BillingCategory, RevenueLine>;
  total: RevenueLine;
}

function line(t: Tally): RevenueLine {
  return {
    count: t.count,
    billed: toDecimal(t.amountMicros),
    twilioCost: toDecimal(t.twilioCostMicros),
    margin: toDecimal(t.amountMicros - t.twilioCostMicros),
    unpriced: t.count - t.twilioPricedCount,
  };
}

export async function monthRevenue(client: TwilioClient, env: ServiceEnv, month: string): Promise<Revenue> {
  const tallies = await readPlatformTotals(client, env, 'month', month);
  const categories = Object.fromEntries(BILLING_CATEGORIES.map((c) => [c, line(tallies[c] ?? emptyTally())]));
  return {
    month,
    priceUnit: PRICE_UNIT,
    categories: categories as Record<BillingCategory, RevenueLine>,
    total: line(totalOf(tallies)),
  };
}
