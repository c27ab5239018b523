// GET /phone/health (003): whether the phone service is configured. Public: monitors call it without a token;
// it shows the account SID cut short and never a secret.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { Reply } from '../../lib/runtime/reply';
import { phoneError } from '../../lib/contracts/error-shapes';
import { E164 } from '../../lib/phone/e164';
import { phoneHealthySchema, phoneUnhealthySchema } from '../../lib/contracts/answers/phone';

export const handler = defineFunction({
  summary: 'Whether the phone service is configured (public, for monitors)',
  access: access.public(),
  input: {},
  errors: phoneError,
  answers: { 200: phoneHealthySchema, 503: phoneUnhealthySchema },
  run: async ({ context }) => {
    const from = context.TWILIO_FROM_NUMBER || context.TWILIO_PHONE_NUMBER;
    const missing = [
      ...(context.ACCOUNT_SID ? [] : ['ACCOUNT_SID']),
      ...(context.AUTH_TOKEN ? [] : ['AUTH_TOKEN']),
      ...(from ? [] : ['TWILIO_FROM_NUMBER']),
    ];
    const invalid = from && !E164.test(from) ? [`TWILIO_FROM_NUMBER is not E.164 (${from})`] : [];
    const sid = context.ACCOUNT_SID ? `${context.ACCOUNT_SID.slice(0, 9)}...` : null;
    if (missing.length || invalid.length) {
      const problems = [...(missing.length ? [`missing ${missing.join(', ')}`] : []), ...invalid];
      return Reply.json(
        { status: 'unhealthy', message: `Phone service is not configured: ${problems.join('; ')}`, twilio_account_sid: sid },
        503,
      );
    }
    return { status: 'healthy', message: 'Phone service is properly configured', twilio_account_sid: sid };
  },
});
