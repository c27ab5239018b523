// GET /api/admin/health (004 "system health metrics"): Twilio and Sync reachability and latency, webhook
// failures and reconciliation runs in the last hour, and the time of the last callback of each kind.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { healthReport } from '../../../lib/health/report';
import { platformError } from '../../../lib/contracts/error-shapes';
import { succeeded } from '../../../lib/contracts/answers/platform';
import { healthReportSchema } from '../../../lib/contracts/answers/admin';

export const handler = defineFunction({
  summary: 'System health: Twilio and Sync reachability, webhook failures and reconciliations in the last hour',
  access: access.user({ via: ['bearer', 'flex'], permission: 'system:view_usage_analytics' }),
  input: {},
  errors: platformError,
  answers: { 200: succeeded({ health: healthReportSchema }) },
  run: async ({ context }) => ({ success: true, health: await healthReport(context) }),
});
