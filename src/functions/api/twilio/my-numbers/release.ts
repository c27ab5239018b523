// POST /api/twilio/my-numbers/release {id} (004 DELETE /my-numbers/:id): gives the number back to Twilio; its
// history stays in the user's call logs.
import { defineFunction } from '../../../../lib/runtime/handler';
import { access } from '../../../../lib/runtime/auth';
import { f } from '../../../../lib/runtime/input';
import { twilioClient } from '../../../../lib/runtime/twilio-client';
import { platformUser } from '../../../../lib/users/directory';
import { releaseNumber } from '../../../../lib/numbers/user-numbers';
import { platformError } from '../../../../lib/contracts/error-shapes';
import { doneSchema } from '../../../../lib/contracts/answers/platform';

export const handler = defineFunction({
  summary: "Gives one of the caller's numbers back to Twilio; its history stays",
  access: access.user({ via: ['bearer', 'flex'] }),
  requiresBody: true,
  input: { id: f.string({ max: 32 }).describe('the number id from /api/twilio/my-numbers') },
  errors: platformError,
  answers: { 200: doneSchema },
  errorStatuses: [404, 502],
  run: async ({ input, context, principal }) => {
    const client = twilioClient(context);
    const user = await platformUser(client, context, principal);
    await releaseNumber(client, context, user.userId, input.id);
    return { success: true, message: 'Phone number released successfully' };
  },
});
