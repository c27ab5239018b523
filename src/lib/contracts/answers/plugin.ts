/**
 * Answer schemas of the Flex plugin API (seed 000). Each mirrors the view that builds the answer
 * (src/lib/lookup/caller.ts, src/lib/voice/call-history.ts, src/lib/messaging/messages.ts,
 * src/lib/taskrouter/tasks.ts).
 */
import { s } from '../schema';
import { callStatusSchema, durationSchema, messageSidSchema, messageStatusSchema } from './twilio';

export const greetingSchema = s.literal('Hello, Twilio Plugin!');

export const callerInfoSchema = s.object({
  location: s.string({ description: 'city or region where the numbering plan tells, and country' }),
  friendly_name: s.string({ description: "the caller's name (CNAM), or the number in national format" }),
});

/** The seed's answer to a number that is not valid: "unknown" values rather than an error. */
export const unknownCallerSchema = s.object({
  location: s.literal('Unknown Location'),
  friendly_name: s.literal('Unknown phone number'),
});

export const callLogSchema = s.array(
  s.object({
    from: s.string(),
    to: s.string(),
    status: callStatusSchema,
    duration: durationSchema,
    start_time: s.nullable(s.dateTime()),
  }),
  { description: 'newest first' },
);

export const smsLogSchema = s.array(
  s.object({
    message_sid: messageSidSchema,
    body: s.string(),
    from: s.string(),
    to: s.string(),
    status: messageStatusSchema,
    date_sent: s.nullable(s.dateTime()),
  }),
  { description: 'newest first' },
);

export const taskLogSchema = s.array(
  s.object({
    sid: s.string({ pattern: '^WT[0-9a-f]{32}$' }),
    status: s.enum(['pending', 'reserved', 'assigned', 'canceled', 'completed', 'wrapping']),
    created_time: s.nullable(s.dateTime()),
    attributes: s.json({ description: "the task's attributes: the JSON as set, or its raw text when it is not JSON" }),
  }),
  { description: 'newest first' },
);

export const sentSmsSchema = s.object({ message_sid: messageSidSchema, status: messageStatusSchema });
