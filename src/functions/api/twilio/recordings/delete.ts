// POST /api/twilio/recordings/delete {recordingSid} (004 DELETE /recordings/:recordingSid): deletes one of the
// user's recordings at Twilio and here.
import { defineFunction } from '../../../../lib/runtime/handler';
import { access } from '../../../../lib/runtime/auth';
import { f } from '../../../../lib/runtime/input';
import { twilioClient } from '../../../../lib/runtime/twilio-client';
import { platformUser } from '../../../../lib/users/directory';
import { deleteUserRecording } from '../../../../lib/history/recordings';
import { platformError } from '../../../../lib/contracts/error-shapes';
import { doneSchema } from '../../../../lib/contracts/answers/platform';

export const handler = defineFunction({
  summary: "Deletes one of the caller's recordings, at Twilio and here",
  access: access.user({ via: ['bearer', 'flex'] }),
  requiresBody: true,
  input: { recordingSid: f.sid('RE', 'a recording SID').describe('the recording SID') },
  errors: platformError,
  answers: { 200: doneSchema },
  errorStatuses: [404, 502],
  run: async ({ input, context, principal }) => {
    const client = twilioClient(context);
    const user = await platformUser(client, context, principal);
    await deleteUserRecording(client, context, user.userId, input.recordingSid);
    return { success: true, message: 'Recording deleted successfully' };
  },
});
