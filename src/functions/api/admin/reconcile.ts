// GET /api/admin/reconcile?month (004): the ledger's Twilio cost against Twilio's Usage Records by category, and
// each difference. Reads only; the log repair is POST /admin/reconcile (docs/decisions/0006).
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { monthField, thisMonth } from '../../../lib/analytics/inputs';
import { reconcileWithUsageRecords } from '../../../lib/analytics/usage-reconciliation';
import { platformError } from '../../../lib/contracts/error-shapes';
import { succeeded } from '../../../lib/contracts/answers/platform';
import { usageReconciliationSchema } from '../../../lib/contracts/answers/admin';

export const handler = defineFunction({
  summary: "The ledger's Twilio cost against Twilio's Usage Records for a month, by category",
  access: access.user({ via: ['bearer', 'flex'], permission: 'system:view_usage_analytics' }),
  input: { month: monthField().optional().describe('the month, YYYY-MM (UTC); default this one') },
  errors: platformError,
  answers: { 200: succeeded({ reconciliation: usageReconciliationSchema }) },
  errorStatuses: [502],
  run: async ({ input, context }) => ({
    success: true,
    reconciliation: await reconcileWithUsageRecords(twilioClient(context), context, input.month ?? thisMonth()),
  }),
});
