// GET /api/admin/rates (issue 9): the rate card history, seed 004's default first, so every past charge can be
// explained by the card it names; which card is in force now.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { rateCardHistory } from '../../../lib/billing/reports';
import { cardAt, rateCardView } from '../../../lib/billing/rate-card';
import { platformError } from '../../../lib/contracts/error-shapes';
import { s } from '../../../lib/contracts/schema';
import { succeeded } from '../../../lib/contracts/answers/platform';
import { rateCardSchema } from '../../../lib/contracts/answers/admin';

export const handler = defineFunction({
  summary: "The rate card history, seed 004's default first, and which card is in force now",
  access: access.user({ via: ['flex', 'bearer'], permission: 'system:manage_rates' }),
  input: {},
  errors: platformError,
  answers: { 200: succeeded({ currentRateCardId: s.string(), rateCards: s.array(rateCardSchema) }) },
  errorStatuses: [502],
  run: async ({ context }) => {
    const cards = await rateCardHistory(twilioClient(context), context);
    return {
      success: true,
      currentRateCardId: cardAt(cards, new Date().toISOString()).id,
      rateCards: cards.map(rateCardView),
    };
  },
});
