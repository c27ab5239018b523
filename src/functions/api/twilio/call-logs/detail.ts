// GET /api/twilio/call-logs/detail?callSid (004 GET /call-logs/:callSid): one of the user's calls.
import { defineFunction } from '../../../../lib/runtime/handler';
import { access } from '../../../../lib/runtime/auth';
import { f } from '../../../../lib/runtime/input';
import { twilioClient } from '../../../../lib/runtime/twilio-client';
import { platformUser } from '../../../../lib/users/directory';
import { userCall } from '../../../../lib/history/calls';
import { platformError } from '../../../../lib/contracts/error-shapes';
import { callLogSchema, succeeded } from '../../../../lib/contracts/answers/platform';

export const handler = defineFunction({
  summary: "One of the caller's calls, with its price once Twilio reports it",
  access: access.user({ via: ['bearer', 'flex'] }),
  input: { callSid: f.sid('CA', 'a call SID').describe('the call SID') },
  errors: platformError,
  answers: { 200: succeeded({ call: callLogSchema }) },
  errorStatuses: [404, 502],
  run: async ({ input, context, principal }) => {
    const client = twilioClient(context);
    const user = await platformUser(client, context, principal);
    return { success: true, call: await userCall(client, context, user.userId, input.callSid) };
  },
});
