// GET /api/twilio/billing {months?: 1-24, default 12} (004 "Monthly billing summaries"): the user's monthly bills,
// newest first: line items by category, number fees, total, open (this month) or closed.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { f } from '../../../lib/runtime/input';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { platformUser } from '../../../lib/users/directory';
import { monthlyBills } from '../../../lib/billing/statements';
import { platformError } from '../../../lib/contracts/error-shapes';

export const handler = defineFunction({
  access: access.user({ via: ['bearer', 'flex'] }),
  input: {
    months: f.int({ min: 1, max: 24 }).default(12).describe('how many months back, this one included'),
  },
  errors: platformError,
  run: async ({ input, context, principal }) => {
    const client = twilioClient(context);
    const user = await platformUser(client, context, principal);
    return { success: true, bills: await monthlyBills(client, context, user.userId, input.months) };
  },
});
