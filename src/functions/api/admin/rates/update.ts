// POST /api/admin/rates/update {phoneNumberMonthly?, outboundCallPerMinute?, inboundCallPerMinute?,
// recordingPerMinute?, smsPerSegment?, effectiveAt?} (issue 9): a new rate card for events from its effective time
// (at least a minute from now); rates not given carry over; old cards are kept.
import { defineFunction } from '../../../../lib/runtime/handler';
import { access } from '../../../../lib/runtime/auth';
import { f, Field, invalid } from '../../../../lib/runtime/input';
import { twilioClient } from '../../../../lib/runtime/twilio-client';
import { setRateCard } from '../../../../lib/billing/admin';
import { moneyField } from '../../../../lib/billing/money';
import { RATE_NAMES, rateCardView } from '../../../../lib/billing/rate-card';
import { platformError } from '../../../../lib/contracts/error-shapes';
import { s } from '../../../../lib/contracts/schema';
import { succeeded } from '../../../../lib/contracts/answers/platform';
import { rateCardSchema } from '../../../../lib/contracts/answers/admin';

const rate = (what: string): Field<number | undefined> => new Field(moneyField).optional().describe(what);

export const handler = defineFunction({
  summary: 'A new rate card for events from its effective time; rates not given carry over',
  access: access.user({ via: ['flex', 'bearer'], permission: 'system:manage_rates' }),
  requiresBody: true,
  input: {
    phoneNumberMonthly: rate('USD per number per month'),
    outboundCallPerMinute: rate('USD per started minute of an outbound call leg'),
    inboundCallPerMinute: rate('USD per started minute of an inbound call leg'),
    recordingPerMinute: rate('USD per started minute of a recording'),
    smsPerSegment: rate('USD per SMS segment, inbound or outbound'),
    effectiveAt: f.string({ max: 40 }).optional().describe('ISO 8601; at least 60 s from now, which is the default'),
  },
  errors: platformError,
  answers: { 200: succeeded({ rateCard: rateCardSchema, message: s.string() }) },
  errorStatuses: [502],
  run: async ({ input, context, principal }) => {
    const rates = Object.fromEntries(RATE_NAMES.filter((r) => input[r] !== undefined).map((r) => [r, input[r]]));
    if (Object.keys(rates).length === 0) throw invalid('rates', `give at least one of: ${RATE_NAMES.join(', ')}`);
    const card = await setRateCard(twilioClient(context), context, {
      rates,
      effectiveAt: input.effectiveAt,
      by: `${principal.via}:${principal.userId}`,
    });
    return { success: true, rateCard: rateCardView(card), message: 'Rate card saved' };
  },
});
