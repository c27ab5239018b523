// POST /webhook/incoming-message (002, Twilio messaging webhook): logs SMS, MMS and WhatsApp messages
// (media included), bills an SMS received on a user's number, and acknowledges them with TwiML.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { f } from '../../lib/runtime/input';
import { Reply } from '../../lib/runtime/reply';
import { logEvent } from '../../lib/runtime/log';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { INBOUND_TEXT_MAX, inboundMessageFrom, receivedAcknowledgement } from '../../lib/messaging/inbound';
import { logInboundMessage } from '../../lib/store/message-log';
import { messagingResponse } from '../../lib/messaging/twiml';
import { softphoneError } from '../../lib/contracts/error-shapes';
import { billMessage } from '../../lib/billing/events';
import { isoSeconds } from '../../lib/time';
import { messagingTwimlAnswer } from '../../lib/contracts/answers/softphone';

export const handler = defineFunction({
  summary: "Twilio's messaging webhook: logs an SMS, MMS or WhatsApp message, bills it, and acknowledges it",
  access: access.webhook(),
  input: {
    MessageSid: f.string({ max: 64, pattern: /^(SM|MM)[0-9a-f]{32}$/, patternHint: 'must be a message SID' }),
    From: f.string({ max: 128 }),
    To: f.string({ max: 128 }),
    Body: f.relayed({ keep: INBOUND_TEXT_MAX }).default(''),
    NumMedia: f.int({ min: 0, max: 10 }).default(0),
    ProfileName: f.relayed({ keep: 256 }).optional(),
  },
  errors: softphoneError,
  answers: { 200: messagingTwimlAnswer },
  // Twilio keeps every inbound message in its own log, so an ack without our copy loses nothing.
  fallback: () => Reply.twiml(messagingResponse(['Thanks, we received your message.'])),
  run: async ({ input, context, event }) => {
    const msg = inboundMessageFrom(input, event);
    const client = twilioClient(context);
    await logInboundMessage(client, context, msg);
    await billMessage(client, context, {
      messageSid: msg.messageSid,
      direction: 'inbound',
      number: input.To,
      body: input.Body,
      at: isoSeconds(new Date()),
    });
    logEvent('inbound_message', { sid: msg.messageSid, channel: msg.channel, media: msg.media.length });
    return Reply.twiml(messagingResponse([receivedAcknowledgement(msg)]));
  },
});
