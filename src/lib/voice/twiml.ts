/**
 * Voice TwiML of the softphone, the phone API and calls placed from the browser through the TwiML App.
 */
import type { ServiceContext } from '../runtime/env';
import { ROUTES, serviceUrl } from '../runtime/urls';
import { twimlResponse, verb } from '../twiml/document';

export const RING_TIMEOUT_S = 20;
export const VOICEMAIL_MAX_S = 120;

/** Rings the browser softphone; when nobody answers, Twilio posts DialCallStatus back to the same URL. */
export function ringSoftphone(context: ServiceContext, identity: string): string {
  const dial = { timeout: RING_TIMEOUT_S, action: serviceUrl(context, ROUTES.incomingCall), method: 'POST' };
  return twimlResponse(verb('Dial', dial, verb('Client', {}, identity)));
}

/** After the Dial: hang up if the call was answered, otherwise take a voicemail. */
export function afterDial(context: ServiceContext, dialStatus: string): string {
  if (dialStatus === 'completed' || dialStatus === 'answered') return twimlResponse(verb('Hangup'));
  return twimlResponse(
    verb('Say', {}, 'Nobody is available to take your call. Please leave a message after the tone.'),
    verb('Record', {
      // Without an action Twilio would request this document again and ring the softphone a second time.
      action: serviceUrl(context, ROUTES.incomingCall),
      maxLength: VOICEMAIL_MAX_S,
      playBeep: true,
      recordingStatusCallback: serviceUrl(context, ROUTES.recordingStatus),
      recordingStatusCallbackEvent: ['completed'],
    }),
    verb('Say', {}, 'We did not receive a message. Goodbye.'),
    verb('Hangup'),
  );
}

/** After the voicemail was recorded. */
export function voicemailTaken(): string {
  return twimlResponse(verb('Say', {}, 'Thank you. Your message has been recorded. Goodbye.'), verb('Hangup'));
}

/** Connects an answered outbound call to a softphone identity (click-to-call). */
export function connectToClient(identity: string): string {
  return twimlResponse(verb('Dial', { timeout: RING_TIMEOUT_S }, verb('Client', {}, identity)));
}

/** The phone API's default call: a short spoken message, served by this service. */
export function defaultCallTwiml(): string {
  return twimlResponse(verb('Say', {}, 'Hello. This is a call from the contact centre. Goodbye.'), verb('Hangup'));
}

/** Safe answer when a voice webhook runs out of time: apologise and end the call cleanly. */
export function voiceFallback(): string {
  return twimlResponse(verb('Say', {}, 'Sorry, we cannot take your call right now. Please try again later.'), verb('Hangup'));
}

/** How long a browser call may ring the callee before it counts as no-answer. */
const CALLEE_RING_S = 30;

/**
 * Dials the callee from the user's number. Twilio reports how the Dial ended to /api/twilio/voice (the
 * call's outcome for the user's log) and the recording, when asked for, to the recording callback.
 */
export function dialFromBrowser(context: ServiceContext, call: { to: string; callerId: string; record: boolean }): string {
  const dial = {
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
  };
  return twimlResponse(verb('Dial', dial, verb('Number', {}, call.to)));
}

/** A call the platform does not place: the caller hears why, then the call ends. */
export function refuseBrowserCall(message: string): string {
  return twimlResponse(verb('Say', {}, message), verb('Hangup'));
}

/** The browser call's Dial is over: nothing more to do on the caller's leg. */
export function endBrowserCall(): string {
  return twimlResponse(verb('Hangup'));
}
