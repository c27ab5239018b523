// POST /api/v1/sms-router/phone-mappings/verify/start (the mapping's user, or an admin with
// system:manage_phone_mappings): sends a Twilio Verify code by SMS to the mapped phone.
import { defineFunction } from '../../../../../../lib/runtime/handler';
import { access } from '../../../../../../lib/runtime/auth';
import { f } from '../../../../../../lib/runtime/input';
import { twilioClient } from '../../../../../../lib/runtime/twilio-client';
import { actorOf } from '../../../../../../lib/sms-router/audit';
import { startVerification } from '../../../../../../lib/sms-router/mappings';
import { routerError } from '../../../../../../lib/contracts/error-shapes';
import { verificationStartedSchema } from '../../../../../../lib/contracts/answers/router';

export const handler = defineFunction({
  summary: "Sends a Twilio Verify code by SMS to a mapping's phone",
  access: access.user({ via: ['bearer', 'flex'] }),
  requiresBody: true,
  input: {
    mapping_id: f.int({ min: 1, max: 999_999_999_999 }).describe('the mapping whose phone is verified'),
  },
  errors: routerError,
  answers: { 200: verificationStartedSchema },
  errorStatuses: [404, 502],
  run: async ({ input, context, principal }) => {
    const client = twilioClient(context);
    const { mapping, status } = await startVerification(
      client,
      context,
      await actorOf(client, context, principal),
      input.mapping_id,
    );
    return {
      message: status === 'approved' ? 'Phone number already verified' : 'Verification code sent',
      mapping_id: mapping.id,
      phone_number: mapping.phone_number,
      verification_status: status,
    };
  },
});
