// POST /webhook/incoming-call (002, Twilio voice webhook): rings the browser of the number's owner (004), or the
// softphone for numbers nobody owns; unanswered, takes a voicemail.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { f } from '../../lib/runtime/input';
import { Reply } from '../../lib/runtime/reply';
import { afterDial, ringSoftphone, voiceFallback, voicemailTaken } from '../../lib/voice/twiml';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { identityToRing } from '../../lib/voice/inbound-calls';
import { softphoneError } from '../../lib/contracts/error-shapes';
import { voiceTwimlAnswer } from '../../lib/contracts/answers/softphone';

export const handler = defineFunction({
  summary: "Twilio's voice webhook: rings the browser of the number's owner or the softphone; unanswered, takes a voicemail",
  access: access.webhook(),
  input: {
    CallSid: f.string({ max: 64 }),
    To: f.string({ max: 128 }),
    From: f.string({ max: 128 }),
    CallStatus: f.string({ max: 32 }).default('ringing'),
    DialCallStatus: f.string({ max: 32 }).optional().describe('set when Twilio reports how the Dial ended'),
    RecordingUrl: f.string({ max: 512 }).optional().describe('set when Twilio reports the voicemail'),
  },
  errors: softphoneError,
  answers: { 200: voiceTwimlAnswer },
  deadlineMs: 7000,
  fallback: () => Reply.twiml(voiceFallback()),
  run: async ({ input, context }) => {
    if (input.RecordingUrl) return Reply.twiml(voicemailTaken());
    if (input.DialCallStatus) return Reply.twiml(afterDial(context, input.DialCallStatus));
    const call = { callSid: input.CallSid, from: input.From, to: input.To, callStatus: input.CallStatus };
    return Reply.twiml(ringSoftphone(context, await identityToRing(twilioClient(context), context, call)));
  },
});
