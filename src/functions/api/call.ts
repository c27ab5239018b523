// POST /api/call {to, whatsapp, idempotency_key?} (002): calls a phone or WhatsApp user and connects them to the softphone.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { f } from '../../lib/runtime/input';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { configuredNumber, outboundCall } from '../../lib/voice/calls';
import { idempotencyKeyField, sendOnce } from '../../lib/outbound/idempotency';
import { connectToClient } from '../../lib/voice/twiml';
import { softphoneIdentity } from '../../lib/voice/softphone';
import { softphoneError } from '../../lib/contracts/error-shapes';
import { placedCallSchema } from '../../lib/contracts/answers/softphone';

export const handler = defineFunction({
  summary: 'Calls a phone or WhatsApp user and connects them to the softphone, once per idempotency key',
  access: access.user({ via: ['basic', 'flex'] }),
  requiresBody: true,
  input: {
    to: f.phone({ dialled: true }).describe('the number to call'),
    whatsapp: f.bool().default(false).describe('call the WhatsApp user behind the number instead'),
    idempotency_key: idempotencyKeyField,
  },
  errors: softphoneError,
  answers: { 200: placedCallSchema },
  errorStatuses: [409, 422, 502, 504],
  run: async (args) => {
    const { input, context, principal } = args;
    const from = input.whatsapp
      ? configuredNumber(context, 'TWILIO_WHATSAPP_NUMBER')
      : configuredNumber(context, 'TWILIO_PHONE_NUMBER', 'TWILIO_FROM_NUMBER');
    const prefix = input.whatsapp ? 'whatsapp:' : '';
    const client = twilioClient(context);
    const call = await sendOnce(
      args,
      client,
      outboundCall(client, context, {
        from: `${prefix}${from.number}`,
        to: `${prefix}${input.to}`,
        twiml: connectToClient(softphoneIdentity(context, principal)),
        fromSetting: from.setting,
      }),
    );
    return {
      success: true,
      call_sid: call.call_sid,
      status: call.status,
      to: call.to,
      from: call.from,
      whatsapp: input.whatsapp,
    };
  },
});
