// POST /api/message {to, message, type: sms|whatsapp, media_url, idempotency_key?} (002): sends SMS, MMS or WhatsApp.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { f, invalid } from '../../lib/runtime/input';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { outboundMessage } from '../../lib/messaging/messages';
import { idempotencyKeyField, sendOnce } from '../../lib/outbound/idempotency';
import { configuredNumber } from '../../lib/voice/calls';
import { softphoneError } from '../../lib/contracts/error-shapes';
import { sentMessageSchema } from '../../lib/contracts/answers/softphone';

export const handler = defineFunction({
  summary: 'Sends an SMS, MMS or WhatsApp message from the configured number, once per idempotency key',
  access: access.user({ via: ['basic', 'flex'] }),
  requiresBody: true,
  input: {
    to: f.phone({ dialled: true }).describe('recipient'),
    message: f.body({ max: 1600 }).optional().describe('text; optional when media_url is given'),
    type: f
      .oneOf(['sms', 'whatsapp'] as const)
      .default('sms')
      .describe('channel'),
    media_url: f
      .list(f.url({ httpsOnly: true }), { max: 10 })
      .optional()
      .describe('https media URLs (MMS / WhatsApp media)'),
    idempotency_key: idempotencyKeyField,
  },
  errors: softphoneError,
  answers: { 200: sentMessageSchema },
  errorStatuses: [402, 409, 422, 502, 504],
  run: async (args) => {
    const { input, context } = args;
    if (!input.message && !input.media_url) throw invalid('message', 'message is required unless media_url is given');
    const whatsapp = input.type === 'whatsapp';
    const from = whatsapp
      ? configuredNumber(context, 'TWILIO_WHATSAPP_NUMBER')
      : configuredNumber(context, 'TWILIO_PHONE_NUMBER');
    const prefix = whatsapp ? 'whatsapp:' : '';
    const client = twilioClient(context);
    const sent = await sendOnce(
      args,
      client,
      outboundMessage(client, context, {
        from: `${prefix}${from.number}`,
        to: `${prefix}${input.to}`,
        ...(input.message !== undefined ? { body: input.message } : {}),
        ...(input.media_url ? { mediaUrls: input.media_url } : {}),
      }),
    );
    return {
      success: true,
      message_sid: sent.sid,
      status: sent.status,
      type: input.type,
      to: `${prefix}${input.to}`,
      media_count: input.media_url?.length ?? 0,
    };
  },
});
