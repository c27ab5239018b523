// POST /api/twilio/my-numbers/update {id, websiteId?, status?} (004 PUT /my-numbers/:id): changes one of the
// user's numbers.
import { defineFunction } from '../../../../lib/runtime/handler';
import { access } from '../../../../lib/runtime/auth';
import { f } from '../../../../lib/runtime/input';
import { twilioClient } from '../../../../lib/runtime/twilio-client';
import { platformUser } from '../../../../lib/users/directory';
import { updateNumber } from '../../../../lib/numbers/user-numbers';
import { platformError } from '../../../../lib/contracts/error-shapes';
import { s } from '../../../../lib/contracts/schema';
import { phoneNumberSchema } from '../../../../lib/contracts/answers/platform';

export const handler = defineFunction({
  summary: "Changes one of the caller's numbers: its website or whether it may make calls",
  access: access.user({ via: ['bearer', 'flex'] }),
  requiresBody: true,
  input: {
    id: f.string({ max: 32 }).describe('the number id from /api/twilio/my-numbers'),
    websiteId: f.string({ max: 128 }).optional().describe('the website the number belongs to'),
    status: f
      .oneOf(['active', 'inactive'] as const)
      .optional()
      .describe('inactive numbers cannot make calls'),
  },
  errors: platformError,
  answers: { 200: s.object({ success: s.literal(true), phoneNumber: phoneNumberSchema, message: s.string() }) },
  errorStatuses: [404, 502],
  run: async ({ input, context, principal }) => {
    const client = twilioClient(context);
    const user = await platformUser(client, context, principal);
    const phoneNumber = await updateNumber(client, context, user.userId, input.id, {
      websiteId: input.websiteId,
      status: input.status,
    });
    return { success: true, phoneNumber, message: 'Phone number updated successfully' };
  },
});
