/**
 * Voice TwiML of the softphone and the phone API, built with the SDK's VoiceResponse.
 */
import type { ServiceContext } from '../runtime/env';
import { ROUTES, serviceUrl } from '../runtime/urls';

type VoiceResponse = InstanceType<(typeof import('twilio'))['twiml']['VoiceResponse']>;

function voiceResponse(): VoiceResponse {
  const { twiml } = require('twilio') as typeof import('twilio');
  return new twiml.VoiceResponse();
}

export const RING_TIMEOUT_S = 20;
export const VOICEMAIL_MAX_S = 120;

/** Rings the browser softphone; when nobody answers, Twilio posts DialCallStatus back to the same URL. */
export function ringSoftphone(context: ServiceContext, identity: string): string {
  const r = voiceResponse();
  const dial = r.dial({ timeout: RING_TIMEOUT_S, action: serviceUrl(context, ROUTES.incomingCall), method: 'POST' });
  dial.client(identity);
  return r.toString();
}

/** After the Dial: hang up if the call was answered, otherwise take a voicemail. */
export function afterDial(context: ServiceContext, dialStatus: string): string {
  const r = voiceResponse();
  if (dialStatus === 'completed' || dialStatus === 'answered') {
    r.hangup();
    return r.toString();
  }
  r.say('Nobody is available to take your call. Please leave a message after the tone.');
  r.record({
    // Without an action Twilio would request this document again and ring the softphone a second time.
    action: serviceUrl(context, ROUTES.incomingCall),
    maxLength: VOICEMAIL_MAX_S,
    playBeep: true,
    recordingStatusCallback: serviceUrl(context, ROUTES.recordingStatus),
    recordingStatusCallbackEvent: ['completed'],
  });
  r.say('We did not receive a message. Goodbye.');
  r.hangup();
  return r.toString();
}

/** After the voicemail was recorded. */
export function voicemailTaken(): string {
  const r = voiceResponse();
  r.say('Thank you. Your message has been recorded. Goodbye.');
  r.hangup();
  return r.toString();
}

/** Connects an answered outbound call to a softphone identity (click-to-call). */
export function connectToClient(identity: string): string {
  const r = voiceResponse();
  r.dial({ timeout: RING_TIMEOUT_S }).client(identity);
  return r.toString();
}

/** The phone API's default call: a short spoken message, served by this service. */
export function defaultCallTwiml(): string {
  const r = voiceResponse();
  r.say('Hello. This is a call from the contact centre. Goodbye.');
  r.hangup();
  return r.toString();
}

/** Safe answer when a voice webhook runs out of time: apologise and end the call cleanly. */
export function voiceFallback(): string {
  return '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Sorry, we cannot take your call right now. Please try again later.</Say><Hangup/></Response>';
}
