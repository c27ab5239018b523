/**
 * The ledger against Twilio's bill (/api/admin/reconcile): for a month, what the ledger holds as Twilio's
 * cost of the events it billed, next to what Twilio's Usage Records charge, per Twilio usage category, and
 * the difference. One Monthly Usage Records request per category (in parallel) and the platform's month
 * totals (TOTALS_SHARDS = 32 shard reads). A difference is Twilio charging for what no user was billed (traffic of numbers
 * nobody owns, MMS or WhatsApp, which the rate card does not bill) or prices not reported to the ledger yet
 * (`ledger.unpriced`).
 *
 * Twilio's `calls` is compared whole: a browser call's client leg is filed by Twilio under `calls-client`
 * whichever way the call went, so only the sum of both directions can match.
 */
import type { MonthlyCategory } from 'twilio/lib/rest/api/v2010/account/usage/record/monthly';
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { toDecimal } from '../billing/money';
import { BILLING_CATEGORIES, BillingCategory } from '../billing/rate-card';
import { addTally, CategoryTallies, emptyTally, readPlatformTotals, Tally } from '../store/billing-totals';
import { monthBounds } from './inputs';
import { PRICE_UNIT } from './views';

/** Each Twilio usage category compared, and the billing categories whose Twilio cost it holds. */
export const RECONCILED: readonly { category: MonthlyCategory; billing: readonly BillingCategory[] }[] = [
  { category: 'calls', billing: ['calls-outbound', 'calls-inbound'] },
  { category: 'recordings', billing: ['recordings'] },
  { category: 'sms', billing: ['sms-outbound', 'sms-inbound'] },
  { category: 'phonenumbers', billing: ['phone-numbers'] },
  { category: 'totalprice', billing: BILLING_CATEGORIES },
];

export interface ReconciledCategory {
  category: string;
  billingCategories: readonly BillingCategory[];
  ledger: { count: number; unpriced: number; twilioCost: number };
  usageRecords: { count: number; usage: number; usageUnit: string | null; price: number };
  /** Usage Records' price minus the ledger's Twilio cost: what Twilio charged that the ledger does not hold. */
  difference: number;
}

export interface UsageReconciliation {
  month: string;
  priceUnit: string;
  /** True when every category's difference is zero. */
  matches: boolean;
  categories: ReconciledCategory[];
}

/** Usage Records write prices as decimals; micros keeps the comparison exact. */
const micros = (price: number): number => Math.round(price * 1_000_000);

function ledgerOf(tallies: CategoryTallies, billing: readonly BillingCategory[]): Tally {
  return billing.reduce((sum, c) => addTally(sum, tallies[c] ?? emptyTally()), emptyTally());
}

export async function reconcileWithUsageRecords(
  client: TwilioClient,
  env: ServiceEnv,
  month: string,
): Promise<UsageReconciliation> {
  const { first, last } = monthBounds(month);
  const range = { startDate: new Date(`${first}T00:00:00Z`), endDate: new Date(`${last}T00:00:00Z`) };
  const monthly = client.api.v2010.account.usage.records.monthly;
  const [tallies, ...records] = await Promise.all([
    readPlatformTotals(client, env, 'month', month),
    ...RECONCILED.map((r) => monthly.list({ ...range, category: r.category, limit: 1 })),
  ]);
  const categories = RECONCILED.map((r, i): ReconciledCategory => {
    const ledger = ledgerOf(tallies, r.billing);
    const record = records[i][0];
    const priceMicros = record ? micros(Number(record.price ?? 0)) : 0;
    return {
      category: r.category,
      billingCategories: r.billing,
      ledger: {
        count: ledger.count,
        unpriced: ledger.count - ledger.twilioPricedCount,
        twilioCost: toDecimal(ledger.twilioCostMicros),
      },
      usageRecords: {
        count: Number(record?.count ?? 0),
        usage: Number(record?.usage ?? 0),
        usageUnit: record?.usageUnit ?? null,
        price: toDecimal(priceMicros),
      },
      difference: toDecimal(priceMicros - ledger.twilioCostMicros),
    };
  });
  return { month, priceUnit: PRICE_UNIT, matches: categories.every((c) => c.difference === 0), categories };
}
