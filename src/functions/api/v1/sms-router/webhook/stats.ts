// GET /api/v1/sms-router/webhook/stats (001; system:view_sms_status, since top_users holds personal numbers):
// routing statistics from the aggregates kept as messages are routed.
import { defineFunction } from '../../../../../lib/runtime/handler';
import { access } from '../../../../../lib/runtime/auth';
import { twilioClient } from '../../../../../lib/runtime/twilio-client';
import { routerStats } from '../../../../../lib/sms-router/reports';
import { routerError } from '../../../../../lib/contracts/error-shapes';
import { routerStatsSchema } from '../../../../../lib/contracts/answers/router';

export const handler = defineFunction({
  summary: 'Routing statistics, kept as messages are routed',
  access: access.user({ via: ['bearer', 'flex'], permission: 'system:view_sms_status' }),
  input: {},
  errors: routerError,
  answers: { 200: routerStatsSchema },
  errorStatuses: [502],
  run: async ({ context }) => routerStats(twilioClient(context), context),
});
