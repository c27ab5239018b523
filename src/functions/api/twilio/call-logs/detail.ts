// GET /api/twilio/call-logs/detail?callSid (004 GET /call-logs/:callSid): one of the user's calls.
import { defineFunction } from '../../../../lib/runtime/handler';
import { access } from '../../../../lib/runtime/auth';
import { f } from '../../../../lib/runtime/input';
import { twilioClient } from '../../../../lib/runtime/twilio-client';
import { platformUser } from '../../../../lib/users/directory';
import { userCall } from '../../../../lib/history/calls';
import { platformError } from '../../../../lib/contracts/error-shapes';

export const handler = defineFunction({
  access: access.user({ via: ['bearer', 'flex'] }),
  input: { callSid: f.sid('CA', 'a call SID').describe('the call SID') },
  errors: platformError,
  run: async ({ input, context, principal }) => {
    const client = twilioClient(context);
    const user = await platformUser(client, context, principal);
    return { success: true, call: await userCall(client, context, user.userId, input.callSid) };
  },
});
