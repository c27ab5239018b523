// POST /api/v1/sms-router/webhook/delivery-status (001, Twilio, signed): a reply's status moves forward;
// a failed or undelivered reply is retried with backoff up to config retry_attempts.
import { defineFunction } from '../../../../../lib/runtime/handler';
import { access } from '../../../../../lib/runtime/auth';
import { f } from '../../../../../lib/runtime/input';
import { twilioClient } from '../../../../../lib/runtime/twilio-client';
import { ROUTES, serviceUrl } from '../../../../../lib/runtime/urls';
import { applyStatusCallback, DELIVERY_STATUSES } from '../../../../../lib/sms-router/delivery';
import { routerError } from '../../../../../lib/contracts/error-shapes';
import { deliveryAnswerSchema } from '../../../../../lib/contracts/answers/router';

export const handler = defineFunction({
  summary: "Twilio's status callback for a reply: moves its delivery forward and retries a failed one",
  access: access.webhook(),
  input: {
    MessageSid: f.sid('SM', 'a message SID'),
    MessageStatus: f.oneOf(DELIVERY_STATUSES).describe('delivery status'),
    ErrorCode: f.int({ min: 0, max: 99999 }).optional().describe("Twilio's error code for a failed delivery"),
  },
  errors: routerError,
  answers: { 200: deliveryAnswerSchema },
  errorStatuses: [502],
  deadlineMs: 8000,
  run: async ({ input, context, deadlineAt }) =>
    applyStatusCallback(
      twilioClient(context),
      context,
      { sid: input.MessageSid, status: input.MessageStatus, errorCode: input.ErrorCode ?? null },
      { statusCallback: serviceUrl(context, ROUTES.smsRouterDeliveryStatus), deadlineAt },
    ),
});
