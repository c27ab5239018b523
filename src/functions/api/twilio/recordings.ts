// GET /api/twilio/recordings?page&limit&callSid&phoneNumberId (004): the user's recordings, newest first, paged.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { f } from '../../../lib/runtime/input';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { platformUser } from '../../../lib/users/directory';
import { listUserRecordings } from '../../../lib/history/recordings';
import { platformError } from '../../../lib/contracts/error-shapes';
import { recordingSchema, paged } from '../../../lib/contracts/answers/platform';

export const handler = defineFunction({
  summary: "The caller's recordings, newest first, paged",
  access: access.user({ via: ['bearer', 'flex'] }),
  input: {
    page: f.int({ min: 1, max: 1000 }).default(1),
    limit: f.int({ min: 1, max: 100 }).default(20),
    callSid: f.sid('CA', 'a call SID').optional().describe('recordings of one call'),
    phoneNumberId: f.string({ max: 32 }).optional().describe('recordings of calls on one of the user’s numbers'),
  },
  errors: platformError,
  answers: { 200: paged('recordings', recordingSchema) },
  errorStatuses: [502],
  run: async ({ input, context, principal }) => {
    const client = twilioClient(context);
    const user = await platformUser(client, context, principal);
    return { success: true, ...(await listUserRecordings(client, context, user.userId, input)) };
  },
});
