// GET /api/admin/usage?from&to&granularity (004 "platform-wide usage statistics"): usage and amounts by billing
// category per day or month, for charts, from the totals kept as events are billed.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { f } from '../../../lib/runtime/input';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { addDays, dayField, today } from '../../../lib/analytics/inputs';
import { usageSeries } from '../../../lib/analytics/usage-series';
import { platformError } from '../../../lib/contracts/error-shapes';
import { usageSeriesSchema } from '../../../lib/contracts/answers/admin';

export const handler = defineFunction({
  summary: 'Platform-wide usage and amounts by billing category, per day or month',
  access: access.user({ via: ['bearer', 'flex'], permission: 'system:view_usage_analytics' }),
  input: {
    from: dayField().optional().describe('first day (or month) of the series; default 29 days before `to`'),
    to: dayField().optional().describe('last day (or month) of the series; default today'),
    granularity: f.oneOf(['day', 'month'] as const).default('day'),
  },
  errors: platformError,
  answers: { 200: usageSeriesSchema },
  errorStatuses: [502],
  run: async ({ input, context }) => {
    const to = input.to ?? today();
    const from = input.from ?? (input.granularity === 'day' ? addDays(to, -29) : `${to.slice(0, 4)}-01-01`);
    return {
      success: true,
      ...(await usageSeries(twilioClient(context), context, { from, to, granularity: input.granularity })),
    };
  },
});
