// POST /api/twilio/buy-number {phoneNumber | areaCode, country?, websiteId?, idempotency_key?} (004): buys a number
// for the user, its calls and messages pointed at this service; its first monthly fee is billed.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { f, invalid } from '../../../lib/runtime/input';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { idempotencyKeyField } from '../../../lib/outbound/idempotency';
import { platformUser } from '../../../lib/users/directory';
import { buyNumber } from '../../../lib/numbers/user-numbers';
import { platformError } from '../../../lib/contracts/error-shapes';
import { s } from '../../../lib/contracts/schema';
import { phoneNumberSchema, succeeded } from '../../../lib/contracts/answers/platform';
import { accrueNumberFees } from '../../../lib/billing/events';
import { logWarning } from '../../../lib/runtime/log';

export const handler = defineFunction({
  summary: 'Buys a number for the caller, its calls and messages pointed at this service',
  access: access.user({ via: ['bearer', 'flex'] }),
  requiresBody: true,
  input: {
    phoneNumber: f.phone({ strict: true }).optional().describe('a number from /api/twilio/available-numbers'),
    areaCode: f
      .string({ pattern: /^\d{3}$/, patternHint: 'must be 3 digits' })
      .optional()
      .describe('or any number here'),
    country: f.string({ pattern: /^[A-Z]{2}$/, patternHint: 'must be an ISO country code such as US' }).default('US'),
    websiteId: f.string({ max: 128 }).optional(),
    idempotency_key: idempotencyKeyField,
  },
  errors: platformError,
  answers: { 200: succeeded({ phoneNumber: phoneNumberSchema, message: s.string() }) },
  errorStatuses: [404, 409, 422, 502, 504],
  run: async (args) => {
    const { input, context, principal } = args;
    if (!input.phoneNumber && !input.areaCode) throw invalid('phoneNumber', 'phoneNumber or areaCode is required');
    const client = twilioClient(context);
    const user = await platformUser(client, context, principal);
    const phoneNumber = await buyNumber(args, client, context, {
      userId: user.userId,
      identity: user.identity,
      phoneNumber: input.phoneNumber,
      areaCode: input.phoneNumber ? undefined : input.areaCode,
      websiteId: input.websiteId ?? null,
    });
    // The first month's fee falls due now; when this write fails the user's next usage read bills it.
    await accrueNumberFees(client, context, user.userId).catch((err: unknown) =>
      logWarning(context.PATH, `number fee of user ${user.userId} left to the next accrual: ${String(err)}`),
    );
    return { success: true, phoneNumber, message: 'Phone number purchased successfully' };
  },
});
