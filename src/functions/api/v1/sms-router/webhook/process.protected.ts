// POST /api/v1/sms-router/webhook/process (Twilio, signed: the <Redirect> of /webhook/sms's acknowledgement):
// the user's agent answers the message within its own time budget, and the reply is sent and tracked.
import { defineFunction } from '../../../../../lib/runtime/handler';
import { access } from '../../../../../lib/runtime/auth';
import { Reply } from '../../../../../lib/runtime/reply';
import { twilioClient } from '../../../../../lib/runtime/twilio-client';
import { ROUTES, serviceUrl } from '../../../../../lib/runtime/urls';
import { messagingResponse } from '../../../../../lib/messaging/twiml';
import { processInbound, PROCESSING_FAILED_REPLY } from '../../../../../lib/sms-router/processing';
import { INBOUND_SMS_INPUT } from '../../../../../lib/sms-router/routing';
import { routerError } from '../../../../../lib/contracts/error-shapes';
import { processedTwimlAnswer } from '../../../../../lib/contracts/answers/router';

export const handler = defineFunction({
  summary: "The processing of a routed SMS (the acknowledgement's Redirect): the user's agent answers it",
  access: access.webhook(),
  input: INBOUND_SMS_INPUT,
  errors: routerError,
  answers: { 200: processedTwimlAnswer },
  deadlineMs: 8000,
  // Failing before the reply went out (Sync or Twilio unavailable, the deadline passed): the sender, who was
  // told an answer is coming, is told there will be none.
  fallback: () => Reply.twiml(messagingResponse([PROCESSING_FAILED_REPLY])),
  run: async ({ input, context, deadlineAt }) =>
    Reply.twiml(
      await processInbound(twilioClient(context), context, {
        sms: { messageSid: input.MessageSid, from: input.From, to: input.To, body: input.Body },
        statusCallback: serviceUrl(context, ROUTES.smsRouterDeliveryStatus),
        deadlineAt,
      }),
    ),
});
