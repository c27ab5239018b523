// POST /api/send-sms {to, from, body} (000): sends an SMS from one of the account's numbers.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { f } from '../../lib/runtime/input';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { sendMessage } from '../../lib/messaging/messages';
import { pluginError } from '../../lib/contracts/error-shapes';

export const handler = defineFunction({
  access: access.user(),
  input: {
    to: f.phone().describe('recipient'),
    from: f.phone().describe("one of the account's numbers"),
    body: f.body({ max: 1600 }).describe('message text'),
  },
  errors: pluginError,
  run: async ({ input, context }) => {
    const sent = await sendMessage(twilioClient(context), input);
    return { message_sid: sent.sid, status: sent.status };
  },
});
