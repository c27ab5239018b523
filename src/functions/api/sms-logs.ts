// GET /api/sms-logs (000): the last 20 messages.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { recentMessages } from '../../lib/messaging/messages';
import { pluginError } from '../../lib/contracts/error-shapes';

export const handler = defineFunction({
  access: access.user(),
  input: {},
  errors: pluginError,
  run: ({ context }) => recentMessages(twilioClient(context), 20),
});
