// GET /api/twilio/my-numbers (004): the phone numbers the user holds, with their call counts.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { platformUser } from '../../../lib/users/directory';
import { myNumbers } from '../../../lib/numbers/user-numbers';
import { platformError } from '../../../lib/contracts/error-shapes';
import { s } from '../../../lib/contracts/schema';
import { phoneNumberSchema, succeeded } from '../../../lib/contracts/answers/platform';

export const handler = defineFunction({
  summary: 'The phone numbers the caller holds, with their call counts',
  access: access.user({ via: ['bearer', 'flex'] }),
  input: {},
  errors: platformError,
  answers: { 200: succeeded({ phoneNumbers: s.array(phoneNumberSchema) }) },
  errorStatuses: [502],
  run: async ({ context, principal }) => {
    const client = twilioClient(context);
    const user = await platformUser(client, context, principal);
    return { success: true, phoneNumbers: await myNumbers(client, context, user.userId) };
  },
});
