// GET /api/v1/sms-router/admin/audit?limit (system:view_sms_status): the audit log of admin operations.
import { defineFunction } from '../../../../../lib/runtime/handler';
import { access } from '../../../../../lib/runtime/auth';
import { f } from '../../../../../lib/runtime/input';
import { twilioClient } from '../../../../../lib/runtime/twilio-client';
import { auditLog } from '../../../../../lib/sms-router/audit';
import { routerError } from '../../../../../lib/contracts/error-shapes';
import { auditLogSchema } from '../../../../../lib/contracts/answers/router';

export const handler = defineFunction({
  summary: 'The audit log of admin operations, newest first',
  access: access.user({ via: ['bearer', 'flex'], permission: 'system:view_sms_status' }),
  input: {
    limit: f.int({ min: 1, max: 500 }).default(100).describe('maximum number of entries, newest first'),
  },
  errors: routerError,
  answers: { 200: auditLogSchema },
  errorStatuses: [502],
  run: async ({ input, context }) => ({ entries: await auditLog(twilioClient(context), context, input.limit) }),
});
