// POST /api/twilio/voice (004, the TwiML App's Voice URL, signed): a call from the browser (Voice SDK connect:
// From=client:<identity>, To, callerId?, record?) is dialled from the user's own active number or refused aloud;
// an inbound call to a number bought with the App rings its owner's browser.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { f } from '../../../lib/runtime/input';
import { Reply } from '../../../lib/runtime/reply';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { finishBrowserCall, placeBrowserCall } from '../../../lib/voice/browser-calls';
import { identityToRing } from '../../../lib/voice/inbound-calls';
import { ringSoftphone, voiceFallback } from '../../../lib/voice/twiml';
import { platformError } from '../../../lib/contracts/error-shapes';
import { s } from '../../../lib/contracts/schema';

export const handler = defineFunction({
  summary: "The TwiML App's Voice URL: dials a browser call from the user's number, rings the owner of a called number",
  access: access.webhook(),
  input: {
    CallSid: f.sid('CA', 'a call SID'),
    From: f.string({ max: 160 }),
    To: f.string({ max: 128 }).default(''),
    CallStatus: f.string({ max: 32 }).default('ringing'),
    callerId: f.string({ max: 32 }).optional().describe('which of the user’s numbers to call from'),
    record: f.bool().default(false).describe('record the call from the answer'),
    DialCallStatus: f.string({ max: 32 }).optional().describe('set when Twilio reports how the Dial ended'),
    DialCallDuration: f.int({ min: 0 }).optional(),
  },
  errors: platformError,
  answers: { 200: { contentType: 'text/xml', schema: s.twiml() } },
  fallback: () => Reply.twiml(voiceFallback()),
  run: async ({ input, context }) => {
    const client = twilioClient(context);
    if (input.DialCallStatus) {
      return Reply.twiml(
        await finishBrowserCall(client, context, input.CallSid, {
          status: input.DialCallStatus,
          duration: input.DialCallDuration,
        }),
      );
    }
    const call = { callSid: input.CallSid, from: input.From, to: input.To, callStatus: input.CallStatus };
    if (input.From.startsWith('client:')) {
      return Reply.twiml(await placeBrowserCall(client, context, { ...call, callerId: input.callerId, record: input.record }));
    }
    return Reply.twiml(ringSoftphone(context, await identityToRing(client, context, call)));
  },
});
