/**
 * Answer schemas of the phone API (seed 003): the call views /phone/* build from Twilio's Calls API
 * (src/lib/voice/calls.ts), and its health answer.
 */
import { s } from '../schema';
import { callSidSchema, callStatusSchema, durationSchema, e164Schema } from './twilio';

export const callInitiatedSchema = s.object({
  success: s.literal(true),
  call_sid: callSidSchema,
  status: callStatusSchema,
  to: e164Schema,
  from_number: e164Schema,
  message: s.string(),
});

export const callStatusAnswerSchema = s.object({
  success: s.literal(true),
  call_sid: callSidSchema,
  status: callStatusSchema,
  to: s.string(),
  from_number: s.string(),
  duration: s.nullable(durationSchema),
  start_time: s.nullable(s.dateTime()),
  end_time: s.nullable(s.dateTime()),
});

export const callListSchema = s.object({
  success: s.literal(true),
  calls: s.array(
    s.object({
      call_sid: callSidSchema,
      status: callStatusSchema,
      to: s.string(),
      from: s.string(),
      duration: s.nullable(durationSchema),
      start_time: s.nullable(s.dateTime()),
      end_time: s.nullable(s.dateTime()),
    }),
    { description: 'newest first' },
  ),
  count: s.integer({ minimum: 0 }),
});

/** The account SID cut short to its first 9 characters: enough to tell accounts apart, never the whole. */
const shortAccountSid = s.string({ pattern: '^AC[0-9a-f]{7}\\.\\.\\.$' });

export const phoneHealthySchema = s.object({
  status: s.literal('healthy'),
  message: s.string(),
  twilio_account_sid: shortAccountSid,
});

export const phoneUnhealthySchema = s.object({
  status: s.literal('unhealthy'),
  message: s.string({ description: 'which settings are missing or wrong' }),
  twilio_account_sid: s.nullable(shortAccountSid),
});

export const callTwimlAnswer = {
  contentType: 'text/xml',
  schema: s.twiml('the greeting of a call placed without twiml_url'),
} as const;
