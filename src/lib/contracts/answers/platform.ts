/**
 * Answer schemas of the multi-user platform (seed 004): the shapes its functions share. Each mirrors the
 * view that builds the answer (src/lib/history/views.ts, src/lib/billing/statements.ts ...), so a change to
 * one shows up in the tests.
 */
import { s, JsonSchema } from '../schema';
import { FINAL_CALL_STATUSES } from '../../store/call-records';
import { BILLING_CATEGORIES, CATEGORY_RATE } from '../../billing/rate-card';

/** Twilio's call statuses: a call record keeps the latest Twilio reported. */
export const CALL_STATUSES = ['queued', 'initiated', 'ringing', 'in-progress', ...FINAL_CALL_STATUSES] as const;
/** Twilio's recording statuses: a recording record keeps the latest Twilio reported. */
export const RECORDING_STATUSES = [
  'in-progress',
  'paused',
  'stopped',
  'processing',
  'completed',
  'absent',
  'failed',
  'deleted',
] as const;

export const MONTH_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$';
const month = (description?: string): JsonSchema => s.string({ pattern: MONTH_PATTERN, description });
const userId = (): JsonSchema => s.string({ pattern: '^[1-9]\\d*$', description: 'the platform user id, as a string' });
/** Amounts in decimal USD, as seed 004 shows money. */
export const amount = (description?: string): JsonSchema => s.number({ minimum: 0, description });
export const count = (description?: string): JsonSchema => s.integer({ minimum: 0, description });
const callSid = (): JsonSchema => s.string({ pattern: '^CA[0-9a-f]{32}$' });
const recordingSid = (): JsonSchema => s.string({ pattern: '^RE[0-9a-f]{32}$' });

export const phoneNumberSchema = s.named(
  'PhoneNumber',
  s.object({
    id: s.string({ description: 'the number id in this service' }),
    number: s.string({ description: 'E.164' }),
    userId: userId(),
    twilioSid: s.string({ pattern: '^PN[0-9a-f]{32}$' }),
    websiteId: s.nullable(s.string()),
    provider: s.literal('twilio'),
    monthlyFee: s.number({ description: 'USD a month' }),
    callCount: count(),
    status: s.enum(['active', 'inactive', 'released']),
    country: s.string(),
    region: s.string(),
    locality: s.string(),
    capabilities: s.object({ voice: s.boolean(), sms: s.boolean() }),
    createdAt: s.dateTime(),
    updatedAt: s.dateTime(),
  }),
);

export const availableNumberSchema = s.named(
  'PlatformAvailableNumber',
  s.object({
    phoneNumber: s.string({ description: 'E.164' }),
    friendlyName: s.string(),
    locality: s.string({ description: 'empty when Twilio does not say' }),
    region: s.string({ description: 'empty when Twilio does not say' }),
    country: s.string({ pattern: '^[A-Z]{2}$' }),
    capabilities: s.object({ voice: s.boolean(), sms: s.boolean(), mms: s.boolean() }),
  }),
);

/** The seed's pagination object. */
export const paginationSchema = s.named(
  'PlatformPagination',
  s.object({
    page: s.integer({ minimum: 1 }),
    limit: s.integer({ minimum: 1 }),
    totalPages: count(),
    totalItems: count(),
  }),
);

export const callLogSchema = s.named(
  'CallLog',
  s.object({
    id: callSid(),
    callSid: callSid(),
    userId: userId(),
    phoneNumberId: s.nullable(s.string({ description: 'which of the user’s numbers the call used' })),
    to: s.string(),
    from: s.string(),
    direction: s.enum(['inbound', 'outbound']),
    status: s.enum(CALL_STATUSES),
    duration: s.nullable(count('seconds, once the call ended')),
    price: s.nullable(amount('what Twilio charged, once it says')),
    priceUnit: s.nullable(s.string()),
    recordingUrl: s.nullable(s.string()),
    recordingSid: s.nullable(recordingSid()),
    transcription: s.nullable(s.string()),
    startTime: s.nullable(s.dateTime()),
    endTime: s.nullable(s.dateTime()),
    createdAt: s.dateTime(),
    updatedAt: s.dateTime(),
  }),
);

export const recordingSchema = s.named(
  'PlatformRecording',
  s.object({
    id: recordingSid(),
    recordingSid: recordingSid(),
    userId: userId(),
    callSid: callSid(),
    phoneNumberId: s.nullable(s.string()),
    duration: count('seconds'),
    channels: s.integer({ minimum: 1, maximum: 2 }),
    status: s.enum(RECORDING_STATUSES),
    mediaUrl: s.string({ description: 'empty until Twilio gives it' }),
    price: s.nullable(amount()),
    priceUnit: s.nullable(s.string()),
    transcription: s.nullable(s.string()),
    createdAt: s.dateTime(),
    updatedAt: s.dateTime(),
  }),
);

/**
 * A bill's or a usage answer's line for one billing category: its quantity is named after the category's
 * unit (`months`, `minutes` or `segments`), so each unit is one branch.
 */
const categoryLineSchema = s.named(
  'BillingCategoryLine',
  s.anyOf(
    ...(['months', 'minutes', 'segments'] as const).map((unit) =>
      s.object({
        category: s.enum(BILLING_CATEGORIES.filter((c) => CATEGORY_RATE[c].unit === unit)),
        count: count(),
        [unit]: count(),
        amount: amount(),
      }),
    ),
  ),
);
const categoryLines = (): JsonSchema => s.array(categoryLineSchema, { description: 'every billing category, in a fixed order' });

export const monthUsageSchema = s.named(
  'MonthUsage',
  s.object({
    month: month(),
    priceUnit: s.string(),
    categories: categoryLines(),
    total: amount(),
    phoneNumbers: s.array(
      s.object({
        phoneNumberId: s.string(),
        number: s.string(),
        status: s.enum(['active', 'inactive', 'released']),
        categories: categoryLines(),
        total: amount(),
      }),
    ),
    limit: s.object({
      monthlyLimit: amount(),
      spent: amount(),
      remaining: amount(),
      percentUsed: count(),
      source: s.enum(['user', 'default'], { description: 'set for this user by an admin, or the default' }),
      alert: s.enum(['ok', 'alert', 'limit_reached'], { description: 'alert from 80%; calls and messages stop at 100%' }),
    }),
  }),
);

export const monthlyBillSchema = s.named(
  'MonthlyBill',
  s.object({
    month: month(),
    status: s.enum(['open', 'closed'], { description: 'open for this month' }),
    priceUnit: s.string(),
    lineItems: categoryLines(),
    numberFees: s.array(s.object({ phoneNumberId: s.string(), number: s.string(), months: count(), amount: amount() })),
    total: amount(),
  }),
);

export const accessTokenSchema = s.object({
  success: s.literal(true),
  token: s.string({ description: 'a Voice SDK access token (JWT)' }),
  identity: s.string({ description: 'the user’s browser identity' }),
  ttl: s.integer({ minimum: 60, description: 'seconds' }),
});

/** `{success: true, message}`: what a change that returns nothing else answers. */
export const doneSchema = s.object({ success: s.literal(true), message: s.string() });

/** `{success: true, <key>: value}`: the seed's envelope around one answer. */
export function succeeded(fields: Record<string, JsonSchema>): JsonSchema {
  return s.object({ success: s.literal(true), ...fields });
}

/** A list with the seed's pagination object. */
export function paged(key: string, item: JsonSchema): JsonSchema {
  return succeeded({ [key]: s.array(item), pagination: paginationSchema });
}
