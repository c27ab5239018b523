// GET /api/v1/sms-router/webhook/health (001, anyone): whether the router can reach its state and Twilio.
import { defineFunction } from '../../../../../lib/runtime/handler';
import { access } from '../../../../../lib/runtime/auth';
import { twilioClient } from '../../../../../lib/runtime/twilio-client';
import { routerHealth } from '../../../../../lib/sms-router/reports';
import { routerError } from '../../../../../lib/contracts/error-shapes';

export const handler = defineFunction({
  access: access.public(),
  input: {},
  errors: routerError,
  run: async ({ context }) => routerHealth(twilioClient(context), context),
});
