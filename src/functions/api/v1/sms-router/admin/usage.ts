// GET /api/v1/sms-router/admin/usage?limit&offset (001; system:view_sms_usage): the usage log, newest first.
import { defineFunction } from '../../../../../lib/runtime/handler';
import { access } from '../../../../../lib/runtime/auth';
import { f } from '../../../../../lib/runtime/input';
import { twilioClient } from '../../../../../lib/runtime/twilio-client';
import { usageLog } from '../../../../../lib/sms-router/reports';
import { routerError } from '../../../../../lib/contracts/error-shapes';
import { usagePageSchema } from '../../../../../lib/contracts/answers/router';

export const handler = defineFunction({
  summary: 'The usage log, newest first, a page at a time',
  access: access.user({ via: ['bearer', 'flex'], permission: 'system:view_sms_usage' }),
  input: {
    limit: f.int({ min: 1, max: 1000 }).default(100).describe('maximum number of logs to return'),
    offset: f.int({ min: 0, max: 100_000 }).default(0).describe('number of logs to skip'),
  },
  errors: routerError,
  answers: { 200: usagePageSchema },
  errorStatuses: [502],
  run: async ({ input, context }) => usageLog(twilioClient(context), context, input.limit, input.offset),
});
