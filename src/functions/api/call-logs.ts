// GET /api/call-logs (000): the last 50 calls.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { recentCalls } from '../../lib/voice/call-history';
import { pluginError } from '../../lib/contracts/error-shapes';

export const handler = defineFunction({
  access: access.user(),
  input: {},
  errors: pluginError,
  run: ({ context }) => recentCalls(twilioClient(context), 50),
});
