// POST /api/receive-sms (000): Twilio's incoming-message webhook; bills an SMS received on a user's number and
// acknowledges with TwiML.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { f } from '../../lib/runtime/input';
import { Reply } from '../../lib/runtime/reply';
import { acknowledgement } from '../../lib/messaging/twiml';
import { errorShape } from '../../lib/runtime/errors';
import { pluginWebhookError } from '../../lib/contracts/error-shapes';
import { INBOUND_TEXT_MAX } from '../../lib/messaging/inbound';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { billMessage } from '../../lib/billing/events';
import { isoSeconds } from '../../lib/time';
import { logWarning } from '../../lib/runtime/log';
import { s } from '../../lib/contracts/schema';

const REQUIRED = "Invalid request. 'From', 'To', and 'Body' fields are required.";

const errors = errorShape(
  (e) => ({
    status: 'error',
    message:
      e.code === 'VALIDATION_ERROR'
        ? REQUIRED
        : e.status >= 500
          ? 'An internal error occurred while processing the SMS.'
          : e.message,
  }),
  pluginWebhookError.schema!,
);

export const handler = defineFunction({
  summary: "Twilio's incoming-message webhook: bills an SMS received on a user's number and acknowledges it",
  access: access.webhook(),
  input: {
    From: f.string({ max: 64 }).describe('sender'),
    To: f.string({ max: 64 }).describe('our number'),
    Body: f.relayed({ keep: INBOUND_TEXT_MAX }).describe('message text'),
    MessageSid: f
      .string({ max: 64, pattern: /^(SM|MM)[0-9a-f]{32}$/, patternHint: 'must be a message SID' })
      .optional()
      .describe('what the message is billed under'),
  },
  errors,
  answers: { 200: { contentType: 'text/xml', schema: s.twiml('a Message acknowledging the text') } },
  run: async ({ input, context }) => {
    if (input.MessageSid) {
      // The acknowledgement matters more than the bill: reconciliation bills what this could not.
      await billMessage(twilioClient(context), context, {
        messageSid: input.MessageSid,
        direction: 'inbound',
        number: input.To,
        body: input.Body,
        at: isoSeconds(new Date()),
      }).catch((err: unknown) =>
        logWarning(context.PATH, `inbound message ${input.MessageSid} left to reconciliation: ${String(err)}`),
      );
    }
    return Reply.twiml(acknowledgement(input.Body, input.To));
  },
});
