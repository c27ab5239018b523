// GET /api/twilio/available-numbers?areaCode&country&limit&type&contains&capabilities (004): numbers for sale.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { f } from '../../../lib/runtime/input';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { CAPABILITIES, NUMBER_TYPES, searchAvailableNumbers } from '../../../lib/numbers/search';
import { platformError } from '../../../lib/contracts/error-shapes';
import { s } from '../../../lib/contracts/schema';
import { availableNumberSchema, succeeded } from '../../../lib/contracts/answers/platform';

export const handler = defineFunction({
  summary: 'Searches the numbers Twilio has for sale, by type, area code, digits and capabilities',
  access: access.user({ via: ['bearer', 'flex'] }),
  input: {
    areaCode: f.int({ min: 100, max: 999 }).optional().describe('area code, e.g. 415'),
    country: f.string({ pattern: /^[A-Z]{2}$/, patternHint: 'must be an ISO country code such as US' }).default('US'),
    limit: f.int({ min: 1, max: 50 }).default(10),
    type: f.oneOf(NUMBER_TYPES).default('local'),
    contains: f.string({ max: 16, pattern: /^[0-9*A-Za-z]+$/, patternHint: 'may hold digits, letters and *' }).optional(),
    capabilities: f.list(f.oneOf(CAPABILITIES), { max: 3 }).default([]).describe('voice, sms, mms: all required'),
  },
  errors: platformError,
  answers: { 200: succeeded({ availableNumbers: s.array(availableNumberSchema) }) },
  errorStatuses: [502],
  run: async ({ input, context }) => {
    const availableNumbers = await searchAvailableNumbers(twilioClient(context), input);
    return { success: true, availableNumbers };
  },
});
