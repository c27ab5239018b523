// POST /api/v1/sms-router/admin/phone-mappings/create (001 POST /admin/phone-mappings;
// system:manage_phone_mappings): maps a phone number to a user.
import { defineFunction } from '../../../../../../lib/runtime/handler';
import { access } from '../../../../../../lib/runtime/auth';
import { f } from '../../../../../../lib/runtime/input';
import { twilioClient } from '../../../../../../lib/runtime/twilio-client';
import { actorOf } from '../../../../../../lib/sms-router/audit';
import { createMapping, VERIFICATION_METHODS } from '../../../../../../lib/sms-router/mappings';
import { routerError } from '../../../../../../lib/contracts/error-shapes';
import { mappingCreatedSchema } from '../../../../../../lib/contracts/answers/router';

export const handler = defineFunction({
  summary: 'Maps a phone number to a user (audited)',
  access: access.user({ via: ['bearer', 'flex'], permission: 'system:manage_phone_mappings' }),
  requiresBody: true,
  input: {
    user_id: f.int({ min: 1, max: 999_999_999_999 }).describe('the user the number belongs to'),
    phone_number: f.phone().describe('the phone number to map (E.164)'),
    is_primary: f.bool().default(false).describe('the user’s primary number (demotes their previous one)'),
    verification_method: f.oneOf(VERIFICATION_METHODS).default('manual').describe('how the number is to be verified'),
  },
  errors: routerError,
  answers: { 200: mappingCreatedSchema },
  errorStatuses: [502],
  run: async ({ input, context, principal }) => {
    const client = twilioClient(context);
    const mapping = await createMapping(client, context, await actorOf(client, context, principal), {
      userId: input.user_id,
      phoneNumber: input.phone_number,
      isPrimary: input.is_primary,
      verificationMethod: input.verification_method,
    });
    return {
      message: 'Phone mapping created successfully',
      user_id: mapping.user_id,
      phone_number: mapping.phone_number,
      mapping_id: mapping.id,
    };
  },
});
