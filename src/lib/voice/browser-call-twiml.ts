/**
 * TwiML of calls placed from the browser (Voice SDK) through the TwiML App: the Dial to the callee with
 * the user's caller ID, and the spoken refusal when the call is not allowed. Built with the SDK's
 * VoiceResponse, loaded on first use like the rest of the voice TwiML.
 */
import type { ServiceContext } from '../runtime/env';
import { ROUTES, serviceUrl } from '../runtime/urls';

type VoiceResponse = InstanceType<(typeof import('twilio'))['twiml']['VoiceResponse']>;

function voiceResponse(): VoiceResponse {
  const { twiml } = require('twilio') as typeof import('twilio');
  return new twiml.VoiceResponse();
}

/** How long a browser call may ring the callee before it counts as no-answer. */
const CALLEE_RING_S = 30;

/**
 * Dials the callee from the user's number. Twilio reports how the Dial ended to /api/twilio/voice (the
 * call's outcome for the user's log) and the recording, when asked for, to the recording callback.
 */
export function dialFromBrowser(context: ServiceContext, call: { to: string; callerId: string; record: boolean }): string {
  const r = voiceResponse();
  const dial = r.dial({
    callerId: call.callerId,
    timeout: CALLEE_RING_S,
    action: serviceUrl(context, ROUTES.platformVoice),
    method: 'POST',
    ...(call.record
      ? {
          record: 'record-from-answer',
          recordingStatusCallback: serviceUrl(context, ROUTES.recordingStatus),
          recordingStatusCallbackMethod: 'POST',
          recordingStatusCallbackEvent: ['completed'],
        }
      : {}),
  });
  dial.number(call.to);
  return r.toString();
}

/** A call the platform does not place: the caller hears why, then the call ends. */
export function refuseBrowserCall(message: string): string {
  const r = voiceResponse();
  r.say(message);
  r.hangup();
  return r.toString();
}

/** The browser call's Dial is over: nothing more to do on the caller's leg. */
export function endBrowserCall(): string {
  const r = voiceResponse();
  r.hangup();
  return r.toString();
}
