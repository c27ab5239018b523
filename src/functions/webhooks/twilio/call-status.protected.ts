// POST /webhooks/twilio/call-status (004, Twilio status callback): keeps this service's call record, attributed to
// the platform user whose number or browser identity the call involves (and counted in their indexes); a
// completed call of a user is billed (once, however often Twilio reports it).
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { f } from '../../../lib/runtime/input';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { recordCallEvent } from '../../../lib/store/call-records';
import { indexCall, ownerOfCall } from '../../../lib/history/attribution';
import { platformError } from '../../../lib/contracts/error-shapes';
import { s } from '../../../lib/contracts/schema';
import { CALL_STATUSES } from '../../../lib/contracts/answers/platform';
import { chargedAmount, eventTime } from '../../../lib/runtime/twilio-params';
import { billCall } from '../../../lib/billing/events';

export const handler = defineFunction({
  summary: "Twilio's call status callback: keeps the call record and bills a completed call once",
  access: access.webhook(),
  input: {
    CallSid: f.sid('CA', 'a call SID'),
    CallStatus: f.oneOf([
      'queued',
      'initiated',
      'ringing',
      'in-progress',
      'completed',
      'busy',
      'no-answer',
      'failed',
      'canceled',
    ] as const),
    CallDuration: f.int({ min: 0 }).optional(),
    From: f.string({ max: 128 }).optional(),
    To: f.string({ max: 128 }).optional(),
    Direction: f.string({ max: 32 }).optional(),
    Timestamp: f.string({ max: 64 }).optional(),
    SequenceNumber: f.int({ min: 0 }).optional(),
    Price: f.string({ max: 32 }).optional(),
    PriceUnit: f.string({ max: 8 }).optional(),
  },
  errors: platformError,
  answers: {
    200: s.object({
      success: s.literal(true),
      callSid: s.string({ pattern: '^CA[0-9a-f]{32}$' }),
      status: s.enum(CALL_STATUSES),
    }),
  },
  errorStatuses: [502],
  run: async ({ input, context }) => {
    const price = chargedAmount(input.Price);
    const client = twilioClient(context);
    const owner = await ownerOfCall(client, context, { direction: input.Direction, from: input.From, to: input.To });
    const { before, after } = await recordCallEvent(client, context, {
      callSid: input.CallSid,
      status: input.CallStatus,
      at: eventTime(input.Timestamp),
      ...(input.Direction ? { direction: input.Direction } : {}),
      ...(input.From ? { from: input.From } : {}),
      ...(input.To ? { to: input.To } : {}),
      ...(input.CallDuration !== undefined ? { duration: input.CallDuration } : {}),
      ...(input.SequenceNumber !== undefined ? { sequence: input.SequenceNumber } : {}),
      ...(price !== undefined ? { price, priceUnit: input.PriceUnit ?? 'USD' } : {}),
      owner,
    });
    await indexCall(client, context, before, after);
    await billCall(client, context, after);
    return { success: true, callSid: input.CallSid, status: after?.status ?? before?.status ?? input.CallStatus };
  },
});
