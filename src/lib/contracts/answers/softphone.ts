/**
 * Answer schemas of the softphone backend (seed 002): what /api/call and /api/message build from the
 * call and message views (src/lib/voice/calls.ts, src/lib/messaging/messages.ts), and its webhooks' TwiML.
 */
import { s } from '../schema';
import { callSidSchema, callStatusSchema, messageSidSchema, messageStatusSchema } from './twilio';

/** A number as the softphone dials it: E.164, or `whatsapp:` and E.164 for a WhatsApp user. */
const addressSchema = s.string({ pattern: '^(whatsapp:)?\\+[1-9]\\d{6,14}$' });

export const placedCallSchema = s.object({
  success: s.literal(true),
  call_sid: callSidSchema,
  status: callStatusSchema,
  to: addressSchema,
  from: addressSchema,
  whatsapp: s.boolean({ description: 'whether the WhatsApp user behind the number was called' }),
});

export const sentMessageSchema = s.object({
  success: s.literal(true),
  message_sid: messageSidSchema,
  status: messageStatusSchema,
  type: s.enum(['sms', 'whatsapp']),
  to: addressSchema,
  media_count: s.integer({ minimum: 0, maximum: 10 }),
});

export const voiceTwimlAnswer = {
  contentType: 'text/xml',
  schema: s.twiml('Dials the browser softphone, takes a voicemail, or ends the call'),
} as const;

export const messagingTwimlAnswer = {
  contentType: 'text/xml',
  schema: s.twiml('a Message acknowledging what was received'),
} as const;
