// POST /api/v1/sms-router/phone-mappings/verify/check (the mapping's user, or an admin with
// system:manage_phone_mappings): checks the code; a correct one marks the mapping verified (verification_method sms).
import { defineFunction } from '../../../../../../lib/runtime/handler';
import { access } from '../../../../../../lib/runtime/auth';
import { f } from '../../../../../../lib/runtime/input';
import { twilioClient } from '../../../../../../lib/runtime/twilio-client';
import { actorOf } from '../../../../../../lib/sms-router/audit';
import { checkVerification } from '../../../../../../lib/sms-router/mappings';
import { routerError } from '../../../../../../lib/contracts/error-shapes';
import { verificationCheckedSchema } from '../../../../../../lib/contracts/answers/router';

export const handler = defineFunction({
  summary: "Checks the code sent to a mapping's phone; a correct one marks the mapping verified",
  access: access.user({ via: ['bearer', 'flex'] }),
  requiresBody: true,
  input: {
    mapping_id: f.int({ min: 1, max: 999_999_999_999 }).describe('the mapping whose phone is verified'),
    code: f.string({ max: 10, pattern: /^\d{4,10}$/, patternHint: 'must be the 4 to 10 digit code sent by SMS' }),
  },
  errors: routerError,
  answers: { 200: verificationCheckedSchema },
  errorStatuses: [404, 502],
  run: async ({ input, context, principal }) => {
    const client = twilioClient(context);
    const mapping = await checkVerification(
      client,
      context,
      await actorOf(client, context, principal),
      input.mapping_id,
      input.code,
    );
    return { message: 'Phone number verified', mapping };
  },
});
