// GET /api: confirms the API is available (000). Public.
import { defineFunction } from '../lib/runtime/handler';
import { access } from '../lib/runtime/auth';
import { pluginError } from '../lib/contracts/error-shapes';

export const handler = defineFunction({
  access: access.public(),
  input: {},
  errors: pluginError,
  run: async () => 'Hello, Twilio Plugin!',
});
