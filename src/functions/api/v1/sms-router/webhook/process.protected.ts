// POST /api/v1/sms-router/webhook/process (Twilio, signed: the <Redirect> of /webhook/sms's acknowledgement):
// the user's agent answers the message within its own time budget, and the reply is sent and tracked.
import { defineFunction } from '../../../../../lib/runtime/handler';
import { access } from '../../../../../lib/runtime/auth';
import { f } from '../../../../../lib/runtime/input';
import { Reply } from '../../../../../lib/runtime/reply';
import { twilioClient } from '../../../../../lib/runtime/twilio-client';
import { ROUTES, serviceUrl } from '../../../../../lib/runtime/urls';
import { INBOUND_TEXT_MAX } from '../../../../../lib/messaging/inbound';
import { twimlResponse } from '../../../../../lib/twiml/document';
import { processInbound } from '../../../../../lib/sms-router/processing';
import { routerError } from '../../../../../lib/contracts/error-shapes';

export const handler = defineFunction({
  access: access.webhook(),
  input: {
    MessageSid: f.sid('SM', 'a message SID'),
    From: f.phone().describe("the sender's phone number"),
    To: f.phone().describe('our Twilio number that received it'),
    Body: f.relayed({ keep: INBOUND_TEXT_MAX }),
  },
  errors: routerError,
  deadlineMs: 8000,
  // The acknowledgement was sent already; a failure here is logged and answered with nothing more.
  fallback: () => Reply.twiml(twimlResponse()),
  run: async ({ input, context, deadlineAt }) =>
    Reply.twiml(
      await processInbound(twilioClient(context), context, {
        sms: { messageSid: input.MessageSid, from: input.From, to: input.To, body: input.Body },
        statusCallback: serviceUrl(context, ROUTES.smsRouterDeliveryStatus),
        deadlineAt,
      }),
    ),
});
