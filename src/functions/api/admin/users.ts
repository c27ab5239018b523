// GET /api/admin/users?page&limit&sort&month (004 "user activity and costs"): each user's calls, messages,
// recordings, number fees and costs for a month, highest first by cost, calls or messages, paged.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { f } from '../../../lib/runtime/input';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { monthField, thisMonth } from '../../../lib/analytics/inputs';
import { USER_SORTS, usersActivity } from '../../../lib/analytics/user-activity';
import { platformError } from '../../../lib/contracts/error-shapes';
import { usersActivitySchema } from '../../../lib/contracts/answers/admin';

export const handler = defineFunction({
  summary: "Each user's calls, messages, recordings and costs in a month, highest first, paged",
  access: access.user({ via: ['bearer', 'flex'], permission: 'system:view_usage_analytics' }),
  input: {
    page: f.int({ min: 1, max: 1000 }).default(1),
    limit: f.int({ min: 1, max: 100 }).default(20),
    sort: f.oneOf(USER_SORTS).default('cost').describe('highest first by cost, calls or messages'),
    month: monthField().optional().describe('the month, YYYY-MM (UTC); default this one'),
  },
  errors: platformError,
  answers: { 200: usersActivitySchema },
  errorStatuses: [502],
  run: async ({ input, context }) => ({
    success: true,
    ...(await usersActivity(twilioClient(context), context, { ...input, month: input.month ?? thisMonth() })),
  }),
});
