// GET /api/sms-logs (000): the last 20 messages; brings the service's logs up to date on the side (lazy reconciliation).
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { reconcileLazily } from '../../lib/reconcile/lazy';
import { recentMessages } from '../../lib/messaging/messages';
import { pluginError } from '../../lib/contracts/error-shapes';
import { smsLogSchema } from '../../lib/contracts/answers/plugin';

export const handler = defineFunction({
  summary: "The account's 20 newest messages",
  access: access.user(),
  input: {},
  errors: pluginError,
  answers: { 200: smsLogSchema },
  errorStatuses: [502],
  run: async ({ context }) => {
    const client = twilioClient(context);
    const [messages] = await Promise.all([recentMessages(client, 20), reconcileLazily(client, context)]);
    return messages;
  },
});
