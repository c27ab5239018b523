// GET /api/admin/health (004 "system health metrics"): Twilio and Sync reachability and latency, webhook
// failures and reconciliation runs in the last hour, and the time of the last callback of each kind.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { healthReport } from '../../../lib/health/report';
import { platformError } from '../../../lib/contracts/error-shapes';

export const handler = defineFunction({
  access: access.user({ via: ['bearer', 'flex'], permission: 'system:view_usage_analytics' }),
  input: {},
  errors: platformError,
  run: async ({ context }) => ({ success: true, health: await healthReport(context) }),
});
