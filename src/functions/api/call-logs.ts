// GET /api/call-logs (000): the last 50 calls; brings the service's logs up to date on the side (lazy reconciliation).
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { reconcileLazily } from '../../lib/reconcile/lazy';
import { recentCalls } from '../../lib/voice/call-history';
import { pluginError } from '../../lib/contracts/error-shapes';
import { callLogSchema } from '../../lib/contracts/answers/plugin';

export const handler = defineFunction({
  summary: "The account's 50 newest calls",
  access: access.user(),
  input: {},
  errors: pluginError,
  answers: { 200: callLogSchema },
  errorStatuses: [502],
  run: async ({ context }) => {
    const client = twilioClient(context);
    const [calls] = await Promise.all([recentCalls(client, 50), reconcileLazily(client, context)]);
    return calls;
  },
});
