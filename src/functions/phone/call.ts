// POST /phone/call {to_number, twiml_url?, idempotency_key?} (003): places a call from TWILIO_FROM_NUMBER.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { f } from '../../lib/runtime/input';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { ROUTES, serviceUrl } from '../../lib/runtime/urls';
import { configuredNumber, outboundCall } from '../../lib/voice/calls';
import { idempotencyKeyField, sendOnce } from '../../lib/outbound/idempotency';
import { phoneError } from '../../lib/contracts/error-shapes';
import { callInitiatedSchema } from '../../lib/contracts/answers/phone';

export const handler = defineFunction({
  summary: 'Places a call from the configured number, once per idempotency key',
  access: access.user(),
  requiresBody: true,
  input: {
    to_number: f.phone({ strict: true, dialled: true }).describe('E.164 number to call'),
    twiml_url: f.url().optional().describe("TwiML for the call; default: this service's own greeting"),
    idempotency_key: idempotencyKeyField,
  },
  errors: phoneError,
  answers: { 200: callInitiatedSchema },
  errorStatuses: [409, 422, 502, 504],
  run: async (args) => {
    const { input, context } = args;
    const from = configuredNumber(context, 'TWILIO_FROM_NUMBER', 'TWILIO_PHONE_NUMBER');
    const client = twilioClient(context);
    const call = await sendOnce(
      args,
      client,
      outboundCall(client, context, {
        from: from.number,
        to: input.to_number,
        url: input.twiml_url ?? serviceUrl(context, ROUTES.defaultCallTwiml),
        fromSetting: from.setting,
      }),
    );
    return {
      success: true,
      call_sid: call.call_sid,
      status: call.status,
      to: call.to,
      from_number: call.from,
      message: 'Call initiated successfully',
    };
  },
});
