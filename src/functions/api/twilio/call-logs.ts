// GET /api/twilio/call-logs?page&limit&status&phoneNumberId (004): the user's calls, newest first, paged.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { f } from '../../../lib/runtime/input';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { platformUser } from '../../../lib/users/directory';
import { CALL_LOG_STATUSES, listUserCalls } from '../../../lib/history/calls';
import { platformError } from '../../../lib/contracts/error-shapes';
import { callLogSchema, paged } from '../../../lib/contracts/answers/platform';

export const handler = defineFunction({
  summary: "The caller's calls, newest first, paged",
  access: access.user({ via: ['bearer', 'flex'] }),
  input: {
    page: f.int({ min: 1, max: 1000 }).default(1),
    limit: f.int({ min: 1, max: 100 }).default(20),
    status: f.oneOf(CALL_LOG_STATUSES).optional().describe('how the call ended'),
    phoneNumberId: f.string({ max: 32 }).optional().describe('one of the user’s number ids'),
  },
  errors: platformError,
  answers: { 200: paged('calls', callLogSchema) },
  errorStatuses: [502],
  run: async ({ input, context, principal }) => {
    const client = twilioClient(context);
    const user = await platformUser(client, context, principal);
    return { success: true, ...(await listUserCalls(client, context, user.userId, input)) };
  },
});
