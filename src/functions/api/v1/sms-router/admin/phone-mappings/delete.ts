// POST /api/v1/sms-router/admin/phone-mappings/delete {mapping_id} (001 DELETE /admin/phone-mappings/{mapping_id};
// system:manage_phone_mappings): removes a mapping.
import { defineFunction } from '../../../../../../lib/runtime/handler';
import { access } from '../../../../../../lib/runtime/auth';
import { f } from '../../../../../../lib/runtime/input';
import { twilioClient } from '../../../../../../lib/runtime/twilio-client';
import { actorOf } from '../../../../../../lib/sms-router/audit';
import { deleteMapping } from '../../../../../../lib/sms-router/mappings';
import { routerError } from '../../../../../../lib/contracts/error-shapes';
import { mappingDeletedSchema } from '../../../../../../lib/contracts/answers/router';

export const handler = defineFunction({
  summary: 'Removes a phone mapping (audited)',
  access: access.user({ via: ['bearer', 'flex'], permission: 'system:manage_phone_mappings' }),
  requiresBody: true,
  input: {
    mapping_id: f.int({ min: 1, max: 999_999_999_999 }).describe('the mapping to delete'),
  },
  errors: routerError,
  answers: { 200: mappingDeletedSchema },
  errorStatuses: [404, 502],
  run: async ({ input, context, principal }) => {
    const client = twilioClient(context);
    await deleteMapping(client, context, await actorOf(client, context, principal), input.mapping_id);
    return { message: 'Phone mapping deleted successfully', mapping_id: input.mapping_id };
  },
});
