// GET /api/twilio/billing {months?: 1-24, default 12} (004 "Monthly billing summaries"): the user's monthly bills,
// newest first: line items by category, number fees, total, open (this month) or closed.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { f } from '../../../lib/runtime/input';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { platformUser } from '../../../lib/users/directory';
import { monthlyBills } from '../../../lib/billing/statements';
import { platformError } from '../../../lib/contracts/error-shapes';
import { s } from '../../../lib/contracts/schema';
import { monthlyBillSchema, succeeded } from '../../../lib/contracts/answers/platform';

export const handler = defineFunction({
  summary: "The caller's monthly bills, newest first: line items, number fees, total",
  access: access.user({ via: ['bearer', 'flex'] }),
  input: {
    months: f.int({ min: 1, max: 24 }).default(12).describe('how many months back, this one included'),
  },
  errors: platformError,
  answers: { 200: succeeded({ bills: s.array(monthlyBillSchema) }) },
  errorStatuses: [502],
  run: async ({ input, context, principal }) => {
    const client = twilioClient(context);
    const user = await platformUser(client, context, principal);
    return { success: true, bills: await monthlyBills(client, context, user.userId, input.months) };
  },
});
