// POST /webhook/incoming-call (002, Twilio voice webhook): rings the softphone; unanswered, takes a voicemail.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { f } from '../../lib/runtime/input';
import { Reply } from '../../lib/runtime/reply';
import { afterDial, ringSoftphone, voiceFallback, voicemailTaken } from '../../lib/voice/twiml';
import { softphoneIdentity } from '../../lib/voice/softphone';
import { softphoneError } from '../../lib/contracts/error-shapes';

export const handler = defineFunction({
  access: access.webhook(),
  input: {
    CallSid: f.string({ max: 64 }),
    To: f.string({ max: 128 }),
    From: f.string({ max: 128 }),
    DialCallStatus: f.string({ max: 32 }).optional().describe('set when Twilio reports how the Dial ended'),
    RecordingUrl: f.string({ max: 512 }).optional().describe('set when Twilio reports the voicemail'),
  },
  errors: softphoneError,
  deadlineMs: 7000,
  fallback: () => Reply.twiml(voiceFallback()),
  run: async ({ input, context }) => {
    if (input.RecordingUrl) return Reply.twiml(voicemailTaken());
    if (input.DialCallStatus) return Reply.twiml(afterDial(context, input.DialCallStatus));
    return Reply.twiml(ringSoftphone(context, softphoneIdentity(context)));
  },
});
