// POST /api/send-sms {to, from, body, idempotency_key?} (000): sends an SMS from one of the account's numbers.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { f } from '../../lib/runtime/input';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { outboundMessage } from '../../lib/messaging/messages';
import { idempotencyKeyField, sendOnce } from '../../lib/outbound/idempotency';
import { pluginError } from '../../lib/contracts/error-shapes';
import { sentSmsSchema } from '../../lib/contracts/answers/plugin';

export const handler = defineFunction({
  summary: "Sends an SMS from one of the account's numbers, once per idempotency key",
  access: access.user(),
  requiresBody: true,
  input: {
    to: f.phone({ dialled: true }).describe('recipient'),
    from: f.phone().describe("one of the account's numbers"),
    body: f.body({ max: 1600 }).describe('message text'),
    idempotency_key: idempotencyKeyField,
  },
  errors: pluginError,
  answers: { 200: sentSmsSchema },
  errorStatuses: [402, 409, 422, 502, 504],
  run: async (args) => {
    const { input, context } = args;
    const client = twilioClient(context);
    const sent = await sendOnce(args, client, outboundMessage(client, context, input));
    return { message_sid: sent.sid, status: sent.status };
  },
});
