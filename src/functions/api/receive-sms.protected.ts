// POST /api/receive-sms (000): Twilio's incoming-message webhook; acknowledges with TwiML.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { f } from '../../lib/runtime/input';
import { Reply } from '../../lib/runtime/reply';
import { acknowledgement } from '../../lib/messaging/twiml';
import type { ErrorShape } from '../../lib/runtime/errors';
import { INBOUND_TEXT_MAX } from '../../lib/messaging/inbound';

const REQUIRED = "Invalid request. 'From', 'To', and 'Body' fields are required.";

const errors: ErrorShape = (e) => ({
  status: 'error',
  message:
    e.code === 'VALIDATION_ERROR'
      ? REQUIRED
      : e.status >= 500
        ? 'An internal error occurred while processing the SMS.'
        : e.message,
});

export const handler = defineFunction({
  access: access.webhook(),
  input: {
    From: f.string({ max: 64 }).describe('sender'),
    To: f.string({ max: 64 }).describe('our number'),
    Body: f.relayed({ keep: INBOUND_TEXT_MAX }).describe('message text'),
  },
  errors,
  run: async ({ input }) => Reply.twiml(acknowledgement(input.Body, input.To)),
});
