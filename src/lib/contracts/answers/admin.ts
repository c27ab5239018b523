/**
 * Answer schemas of the platform's admin functions (seed 004's admin endpoints and issue 9's billing
 * admin): rate cards, spending limits, platform usage, users by cost, revenue, the ledger against Twilio's
 * Usage Records, system health and the log repair. Each mirrors the view that builds the answer
 * (src/lib/analytics/*, src/lib/billing/rate-card.ts, src/lib/health/report.ts, src/lib/reconcile/sweep.ts).
 */
import { s, JsonSchema } from '../schema';
import { BILLING_CATEGORIES, RATE_NAMES } from '../../billing/rate-card';
import { USER_SORTS } from '../../analytics/user-activity';
import { RECONCILED } from '../../analytics/usage-reconciliation';
import { amount, count, MONTH_PATTERN, paginationSchema } from './platform';

const month = (): JsonSchema => s.string({ pattern: MONTH_PATTERN });
/** An amount that may fall below zero (a margin, a difference). */
const signedAmount = (description?: string): JsonSchema => s.number({ description });

/** One object keyed by every billing category, so a chart's series all have the same keys. */
function byCategory(value: JsonSchema): JsonSchema {
  return s.object(Object.fromEntries(BILLING_CATEGORIES.map((c) => [c, value])));
}

export const rateCardSchema = s.named(
  'RateCard',
  s.object({
    id: s.string({ description: '`default` for seed 004’s card' }),
    effectiveAt: s.dateTime({ description: 'events from this time on are billed at this card' }),
    priceUnit: s.string(),
    rates: s.object(Object.fromEntries(RATE_NAMES.map((r) => [r, amount()]))),
    createdAt: s.dateTime(),
    createdBy: s.nullable(s.string({ description: 'how and by whom it was set (`bearer:7`)' })),
  }),
);

export const spendingLimitSchema = s.object({
  userId: s.string({ pattern: '^[1-9]\\d*$' }),
  monthlyLimit: amount(),
  priceUnit: s.string(),
  updatedAt: s.dateTime(),
});

const tallySchema = s.named(
  'CategoryTally',
  s.object({
    count: count(),
    quantity: count(),
    unit: s.enum(['months', 'minutes', 'segments']),
    amount: amount('billed to users'),
    twilioCost: amount('what Twilio charged, as far as it has said'),
    unpriced: count('entries whose Twilio price is not known yet'),
  }),
);

const moneyTotalSchema = s.named(
  'MoneyTotal',
  s.object({ count: count(), amount: amount(), twilioCost: amount(), unpriced: count() }),
);

export const usageSeriesSchema = s.object({
  success: s.literal(true),
  granularity: s.enum(['day', 'month']),
  from: s.string({ pattern: '^\\d{4}-\\d{2}(-\\d{2})?$', description: 'a day, or a month with months' }),
  to: s.string({ pattern: '^\\d{4}-\\d{2}(-\\d{2})?$' }),
  priceUnit: s.string(),
  categories: s.array(s.enum(BILLING_CATEGORIES)),
  series: s.array(
    s.object({
      period: s.string({ pattern: '^\\d{4}-\\d{2}(-\\d{2})?$' }),
      categories: byCategory(tallySchema),
      total: moneyTotalSchema,
    }),
  ),
  total: moneyTotalSchema,
});

export const usersActivitySchema = s.object({
  success: s.literal(true),
  month: month(),
  sort: s.enum(USER_SORTS),
  users: s.array(
    s.object({
      userId: s.string({ pattern: '^[1-9]\\d*$' }),
      calls: s.object({ count: count(), minutes: count() }),
      messages: s.object({ count: count(), segments: count() }),
      recordings: s.object({ count: count(), minutes: count() }),
      phoneNumbers: s.object({ fees: count('monthly number fees billed') }),
      cost: amount(),
      twilioCost: amount(),
      priceUnit: s.string(),
      categories: byCategory(tallySchema),
    }),
  ),
  pagination: paginationSchema,
});

const revenueLineSchema = s.named(
  'RevenueLine',
  s.object({
    count: count(),
    billed: amount(),
    twilioCost: amount(),
    margin: signedAmount('billed minus Twilio’s cost'),
    unpriced: count(),
  }),
);

export const revenueSchema = s.object({
  month: month(),
  priceUnit: s.string(),
  categories: byCategory(revenueLineSchema),
  total: revenueLineSchema,
});

export const usageReconciliationSchema = s.object({
  month: month(),
  priceUnit: s.string(),
  matches: s.boolean({ description: 'every difference is zero' }),
  categories: s.array(
    s.object({
      category: s.enum(RECONCILED.map((r) => r.category)),
      billingCategories: s.array(s.enum(BILLING_CATEGORIES)),
      ledger: s.object({ count: count(), unpriced: count(), twilioCost: amount() }),
      usageRecords: s.object({
        count: count(),
        usage: s.number({ minimum: 0 }),
        usageUnit: s.nullable(s.string()),
        price: amount(),
      }),
      difference: signedAmount('Usage Records’ price minus the ledger’s Twilio cost'),
    }),
  ),
});

const reachabilitySchema = s.object(
  {
    reachable: s.boolean(),
    latencyMs: count(),
    error: s.string({ description: 'why not, as a service error code' }),
  },
  { optional: ['error'] },
);

export const healthReportSchema = s.object({
  status: s.enum(['healthy', 'degraded']),
  checkedAt: s.dateTime(),
  twilio: reachabilitySchema,
  sync: reachabilitySchema,
  lastHour: s.nullable(
    s.object({
      webhookFailures: s.object({ total: count(), byCallback: s.record(count(), { description: 'by webhook path' }) }),
      reconciliations: s.object({ runs: count(), repaired: count() }),
    }),
  ),
  lastCallbacks: s.nullable(s.record(s.dateTime(), { description: 'the last callback’s time, by webhook path' })),
});

const sourceOutcomeSchema = s.object({
  checked: count('Twilio records looked at in this run'),
  repaired: count('records added or moved forward'),
  done: s.boolean({ description: 'false when the budget ran out; the next run resumes' }),
  watermark: s.nullable(s.dateTime()),
});

export const logRepairSchema = s.object({
  success: s.literal(true),
  done: s.boolean({ description: 'false until every source is swept: call again' }),
  sources: s.object({ messages: sourceOutcomeSchema, calls: sourceOutcomeSchema, recordings: sourceOutcomeSchema }),
});
