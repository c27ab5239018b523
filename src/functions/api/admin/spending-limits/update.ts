// POST /api/admin/spending-limits/update {userId, limit} (issue 9): a user's monthly spending limit in USD; at 80%
// their usage shows an alert, at 100% their new calls and messages are refused.
import { defineFunction } from '../../../../lib/runtime/handler';
import { access } from '../../../../lib/runtime/auth';
import { f, Field } from '../../../../lib/runtime/input';
import { twilioClient } from '../../../../lib/runtime/twilio-client';
import { setUserSpendingLimit } from '../../../../lib/billing/admin';
import { CURRENCY, moneyField, toDecimal } from '../../../../lib/billing/money';
import { platformError } from '../../../../lib/contracts/error-shapes';
import { s } from '../../../../lib/contracts/schema';
import { succeeded } from '../../../../lib/contracts/answers/platform';
import { spendingLimitSchema } from '../../../../lib/contracts/answers/admin';

export const handler = defineFunction({
  summary: "Sets a user's monthly spending limit",
  access: access.user({ via: ['flex', 'bearer'], permission: 'system:manage_rates' }),
  requiresBody: true,
  input: {
    userId: f.int({ min: 1, max: 9_999_999_999 }).describe('the platform user id (as in /api/twilio/my-numbers)'),
    limit: new Field(moneyField).describe('USD per month'),
  },
  errors: platformError,
  answers: { 200: succeeded({ spendingLimit: spendingLimitSchema, message: s.string() }) },
  errorStatuses: [502],
  run: async ({ input, context, principal }) => {
    const record = await setUserSpendingLimit(twilioClient(context), context, {
      userId: input.userId,
      limitMicros: input.limit,
      by: `${principal.via}:${principal.userId}`,
    });
    return {
      success: true,
      spendingLimit: {
        userId: String(record.userId),
        monthlyLimit: toDecimal(record.limitMicros),
        priceUnit: CURRENCY,
        updatedAt: record.updatedAt,
      },
      message: 'Spending limit saved',
    };
  },
});
