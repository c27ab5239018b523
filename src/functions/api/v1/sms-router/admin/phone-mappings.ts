// GET /api/v1/sms-router/admin/phone-mappings?user_id (001; system:view_phone_mappings): phone mappings.
import { defineFunction } from '../../../../../lib/runtime/handler';
import { access } from '../../../../../lib/runtime/auth';
import { f } from '../../../../../lib/runtime/input';
import { twilioClient } from '../../../../../lib/runtime/twilio-client';
import { listMappings } from '../../../../../lib/sms-router/mappings';
import { routerError } from '../../../../../lib/contracts/error-shapes';
import { phoneMappingsSchema } from '../../../../../lib/contracts/answers/router';

export const handler = defineFunction({
  summary: "The phone mappings: whose each sender's number is",
  access: access.user({ via: ['bearer', 'flex'], permission: 'system:view_phone_mappings' }),
  input: {
    user_id: f.int({ min: 1, max: 999_999_999_999 }).optional().describe('only this user’s mappings'),
  },
  errors: routerError,
  answers: { 200: phoneMappingsSchema },
  errorStatuses: [502],
  run: async ({ input, context }) => ({ mappings: await listMappings(twilioClient(context), context, input.user_id) }),
});
