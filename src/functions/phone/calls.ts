// GET /phone/calls?limit=10 (003): the most recent calls (limit 1..1000); brings the service's logs up to date
// on the side (lazy reconciliation).
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { f } from '../../lib/runtime/input';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { reconcileLazily } from '../../lib/reconcile/lazy';
import { listCalls } from '../../lib/voice/calls';
import { phoneError } from '../../lib/contracts/error-shapes';
import { callListSchema } from '../../lib/contracts/answers/phone';

export const handler = defineFunction({
  summary: "The account's most recent calls",
  access: access.user(),
  input: { limit: f.int({ min: 1, max: 1000 }).default(10).describe('how many calls, 1..1000') },
  errors: phoneError,
  answers: { 200: callListSchema },
  errorStatuses: [502],
  run: async ({ input, context }) => {
    const client = twilioClient(context);
    const [listed] = await Promise.all([listCalls(client, input.limit), reconcileLazily(client, context)]);
    const calls = listed.map((c) => ({
      call_sid: c.call_sid,
      status: c.status,
      to: c.to,
      from: c.from,
      duration: c.duration,
      start_time: c.start_time,
      end_time: c.end_time,
    }));
    return { success: true, calls, count: calls.length };
  },
});
