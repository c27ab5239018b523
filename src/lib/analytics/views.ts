/**
 * How the admin analytics show the billing totals: decimal amounts in the currency (`amount: 0.017`,
 * `priceUnit: "USD"`) as seed 004 shows money, one entry per billing category in a fixed order, and what
 * Twilio charged for them as far as Twilio has reported it (`unpriced`: entries whose price is not known yet).
 */
import { CURRENCY, toDecimal } from '../billing/money';
import { BILLING_CATEGORIES, BillingCategory, CATEGORY_RATE } from '../billing/rate-card';
import type { CategoryTallies, Tally } from '../billing/reports';
import { addTally, emptyTally } from '../store/billing-totals';

export interface TallyView {
  count: number;
  quantity: number;
  unit: 'months' | 'minutes' | 'segments';
  amount: number;
  twilioCost: number;
  unpriced: number;
}

export interface MoneyTotal {
  count: number;
  amount: number;
  twilioCost: number;
  unpriced: number;
}

export const PRICE_UNIT = CURRENCY;

export function tallyView(category: BillingCategory, t: Tally | undefined): TallyView {
  const tally = t ?? emptyTally();
  return {
    count: tally.count,
    quantity: tally.quantity,
    unit: CATEGORY_RATE[category].unit,
    amount: toDecimal(tally.amountMicros),
    twilioCost: toDecimal(tally.twilioCostMicros),
    unpriced: tally.count - tally.twilioPricedCount,
  };
}

/** Every billing category, zero where nothing was billed, so a chart's series all have the same keys. */
export function categoriesView(tallies: CategoryTallies): Record<BillingCategory, TallyView> {
  return Object.fromEntries(BILLING_CATEGORIES.map((c) => [c, tallyView(c, tallies[c])])) as Record<BillingCategory, TallyView>;
}

/** All categories summed (in micros until shown). */
export function totalOf(tallies: CategoryTallies): Tally {
  return BILLING_CATEGORIES.reduce((sum, c) => addTally(sum, tallies[c] ?? emptyTally()), emptyTally());
}

export function moneyTotal(t: Tally): MoneyTotal {
  return {
    count: t.count,
    amount: toDecimal(t.amountMicros),
    twilioCost: toDecimal(t.twilioCostMicros),
    unpriced: t.count - t.twilioPricedCount,
  };
}
