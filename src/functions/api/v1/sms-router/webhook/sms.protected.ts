// POST /api/v1/sms-router/webhook/sms (001 POST /webhook/sms, Twilio, signed): routes an inbound SMS to its
// user: acknowledges it with TwiML that <Redirect>s to the processing function, or answers politely why not.
import { defineFunction } from '../../../../../lib/runtime/handler';
import { access } from '../../../../../lib/runtime/auth';
import { Reply } from '../../../../../lib/runtime/reply';
import { twilioClient } from '../../../../../lib/runtime/twilio-client';
import { acknowledgement, INBOUND_SMS_INPUT, routeInbound } from '../../../../../lib/sms-router/routing';
import { routerError } from '../../../../../lib/contracts/error-shapes';
import { routedTwimlAnswer } from '../../../../../lib/contracts/answers/router';

export const handler = defineFunction({
  summary: "Twilio's incoming-message webhook: routes an SMS to its user's agent, or says politely why not",
  access: access.webhook(),
  input: INBOUND_SMS_INPUT,
  errors: routerError,
  answers: { 200: routedTwimlAnswer },
  // Routing could not finish in time: the processing function identifies the user again and answers.
  fallback: () => Reply.twiml(acknowledgement()),
  run: async ({ input, context }) =>
    Reply.twiml(
      await routeInbound(twilioClient(context), context, {
        messageSid: input.MessageSid,
        from: input.From,
        to: input.To,
        body: input.Body,
      }),
    ),
});
