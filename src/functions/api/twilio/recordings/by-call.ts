// GET /api/twilio/recordings/by-call?callSid (004 GET /recordings/:callSid): the recordings of one of the user's calls.
import { defineFunction } from '../../../../lib/runtime/handler';
import { access } from '../../../../lib/runtime/auth';
import { f } from '../../../../lib/runtime/input';
import { twilioClient } from '../../../../lib/runtime/twilio-client';
import { platformUser } from '../../../../lib/users/directory';
import { recordingsOfCall } from '../../../../lib/history/recordings';
import { platformError } from '../../../../lib/contracts/error-shapes';
import { s } from '../../../../lib/contracts/schema';
import { recordingSchema, succeeded } from '../../../../lib/contracts/answers/platform';

export const handler = defineFunction({
  summary: "The recordings of one of the caller's calls",
  access: access.user({ via: ['bearer', 'flex'] }),
  input: { callSid: f.sid('CA', 'a call SID').describe('the call SID') },
  errors: platformError,
  answers: { 200: succeeded({ recordings: s.array(recordingSchema) }) },
  errorStatuses: [502],
  run: async ({ input, context, principal }) => {
    const client = twilioClient(context);
    const user = await platformUser(client, context, principal);
    return { success: true, recordings: await recordingsOfCall(client, context, user.userId, input.callSid) };
  },
});
