// GET /api/twilio/usage {month?: YYYY-MM} (004 "Analytics & Reporting"): the user's usage and costs in a month (this
// one by default): totals by category, per own number, their monthly limit and alert state.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { f } from '../../../lib/runtime/input';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { platformUser } from '../../../lib/users/directory';
import { monthUsage } from '../../../lib/billing/statements';
import { monthOf } from '../../../lib/billing/charge';
import { platformError } from '../../../lib/contracts/error-shapes';
import { monthUsageSchema, succeeded } from '../../../lib/contracts/answers/platform';

export const handler = defineFunction({
  summary: "The caller's usage and costs in a month: by category, by number, against their limit",
  access: access.user({ via: ['bearer', 'flex'] }),
  input: {
    month: f
      .string({ pattern: /^(19|20)\d\d-(0[1-9]|1[0-2])$/, patternHint: 'must be a month as YYYY-MM' })
      .optional()
      .describe('which month; this one when absent'),
  },
  errors: platformError,
  answers: { 200: succeeded({ usage: monthUsageSchema }) },
  errorStatuses: [502],
  run: async ({ input, context, principal }) => {
    const client = twilioClient(context);
    const user = await platformUser(client, context, principal);
    const month = input.month ?? monthOf(new Date().toISOString());
    return { success: true, usage: await monthUsage(client, context, user.userId, month) };
  },
});
