/**
 * Answer schemas of the multi-user platform (seed 004): the shapes its functions share. Each mirrors the
 * view that builds the answer (src/lib/history/views.ts ...), so a change to one shows up in the tests.
 */
import { s } from '../schema';

export const phoneNumberSchema = s.named(
  'PhoneNumber',
  s.object({
    id: s.string({ description: 'the number id in this service' }),
    number: s.string({ description: 'E.164' }),
    userId: s.string(),
    twilioSid: s.string({ pattern: '^PN[0-9a-f]{32}$' }),
    websiteId: s.nullable(s.string()),
    provider: s.literal('twilio'),
    monthlyFee: s.number({ description: 'USD a month' }),
    callCount: s.integer({ minimum: 0 }),
    status: s.enum(['active', 'inactive', 'released']),
    country: s.string(),
    region: s.string(),
    locality: s.string(),
    capabilities: s.object({ voice: s.boolean(), sms: s.boolean() }),
    createdAt: s.dateTime(),
    updatedAt: s.dateTime(),
  }),
);

/** `{success: true, message}`: what a change that returns nothing else answers. */
export const doneSchema = s.object({ success: s.literal(true), message: s.string() });
