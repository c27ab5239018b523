// POST /phone/default-twiml (Twilio voice webhook): the TwiML of a /phone/call placed without twiml_url.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { Reply } from '../../lib/runtime/reply';
import { defaultCallTwiml, voiceFallback } from '../../lib/voice/twiml';
import { phoneError } from '../../lib/contracts/error-shapes';
import { callTwimlAnswer } from '../../lib/contracts/answers/phone';

export const handler = defineFunction({
  summary: 'The TwiML of a call placed without twiml_url',
  access: access.webhook(),
  input: {},
  errors: phoneError,
  answers: { 200: callTwimlAnswer },
  fallback: () => Reply.twiml(voiceFallback()),
  run: async () => Reply.twiml(defaultCallTwiml()),
});
