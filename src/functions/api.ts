// GET /api: confirms the API is available (000). Public.
import { defineFunction } from '../lib/runtime/handler';
import { access } from '../lib/runtime/auth';
import { pluginError } from '../lib/contracts/error-shapes';
import { greetingSchema } from '../lib/contracts/answers/plugin';

export const handler = defineFunction({
  summary: 'Says the Flex plugin API is available',
  access: access.public(),
  input: {},
  errors: pluginError,
  answers: { 200: greetingSchema },
  run: async () => 'Hello, Twilio Plugin!',
});
