// GET /api/v1/sms-router/admin/status (001; system:view_sms_status): health, statistics and endpoints in one.
import { defineFunction } from '../../../../../lib/runtime/handler';
import { access } from '../../../../../lib/runtime/auth';
import { twilioClient } from '../../../../../lib/runtime/twilio-client';
import { routerHealth, routerStats } from '../../../../../lib/sms-router/reports';
import { routerError } from '../../../../../lib/contracts/error-shapes';
import { routerStatusSchema } from '../../../../../lib/contracts/answers/router';

export const handler = defineFunction({
  summary: "The router's health, statistics and endpoints in one",
  access: access.user({ via: ['bearer', 'flex'], permission: 'system:view_sms_status' }),
  input: {},
  errors: routerError,
  answers: { 200: routerStatusSchema },
  errorStatuses: [502],
  run: async ({ context }) => {
    const client = twilioClient(context);
    const [status, stats] = await Promise.all([routerHealth(client, context), routerStats(client, context)]);
    return {
      service: 'SMS Router Service',
      status,
      statistics: {
        total_messages: stats.total_messages,
        successful_routes: stats.successful_routes,
        failed_routes: stats.failed_routes,
        average_processing_time_ms: stats.average_processing_time_ms,
      },
      endpoints: {
        webhook: '/sms-router/webhook/sms',
        health: '/sms-router/webhook/health',
        stats: '/sms-router/webhook/stats',
      },
    };
  },
});
