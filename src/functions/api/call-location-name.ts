// GET /api/call-location-name?phone_number=+14155550100 (000): location and friendly name of a number.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { f } from '../../lib/runtime/input';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { callerInfo } from '../../lib/lookup/caller';
import { errorShape } from '../../lib/runtime/errors';
import { pluginError } from '../../lib/contracts/error-shapes';
import { callerInfoSchema, unknownCallerSchema } from '../../lib/contracts/answers/plugin';

/** The seed answers an invalid number with "unknown" values (its 400 answer below), everything else with `{error}`. */
const errors = errorShape(
  (e) => (e.status === 400 ? { location: 'Unknown Location', friendly_name: 'Unknown phone number' } : { error: e.message }),
  pluginError.schema!,
);

export const handler = defineFunction({
  summary: "Where a phone number is from and whose it is (the caller's name where Twilio Lookup knows it)",
  access: access.user(),
  input: { phone_number: f.phone().describe('the number to describe, E.164') },
  errors,
  answers: { 200: callerInfoSchema, 400: unknownCallerSchema },
  errorStatuses: [502],
  run: ({ input, context }) => callerInfo(twilioClient(context), input.phone_number),
});
