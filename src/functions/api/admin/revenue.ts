// GET /api/admin/revenue?month (004 "revenue tracking"): billed to users vs Twilio's cost vs margin, by category.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { monthField, thisMonth } from '../../../lib/analytics/inputs';
import { monthRevenue } from '../../../lib/analytics/revenue';
import { platformError } from '../../../lib/contracts/error-shapes';
import { succeeded } from '../../../lib/contracts/answers/platform';
import { revenueSchema } from '../../../lib/contracts/answers/admin';

export const handler = defineFunction({
  summary: "A month's revenue: billed to users, Twilio's cost and the margin, by category",
  access: access.user({ via: ['bearer', 'flex'], permission: 'system:view_usage_analytics' }),
  input: { month: monthField().optional().describe('the month, YYYY-MM (UTC); default this one') },
  errors: platformError,
  answers: { 200: succeeded({ revenue: revenueSchema }) },
  errorStatuses: [502],
  run: async ({ input, context }) => ({
    success: true,
    revenue: await monthRevenue(twilioClient(context), context, input.month ?? thisMonth()),
  }),
});
