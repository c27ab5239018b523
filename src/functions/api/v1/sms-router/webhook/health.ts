// GET /api/v1/sms-router/webhook/health (001, anyone): whether the router can reach its state and Twilio.
import { defineFunction } from '../../../../../lib/runtime/handler';
import { access } from '../../../../../lib/runtime/auth';
import { twilioClient } from '../../../../../lib/runtime/twilio-client';
import { routerHealth } from '../../../../../lib/sms-router/reports';
import { routerError } from '../../../../../lib/contracts/error-shapes';
import { routerHealthSchema } from '../../../../../lib/contracts/answers/router';

export const handler = defineFunction({
  summary: 'Whether the router can reach its state and Twilio (public, for monitors)',
  access: access.public(),
  input: {},
  errors: routerError,
  answers: { 200: routerHealthSchema },
  run: async ({ context }) => routerHealth(twilioClient(context), context),
});
