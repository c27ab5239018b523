/**
 * This service's own public URLs (for TwiML actions and status callbacks). Deployed: https://DOMAIN_NAME;
 * the local server (localhost, 127.0.0.1) is plain http.
 */
import type { ServiceContext } from './env';

const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/;

export function serviceBaseUrl(context: Pick<ServiceContext, 'DOMAIN_NAME'>): string {
  const scheme = LOCAL_HOST.test(context.DOMAIN_NAME) ? 'http' : 'https';
  return `${scheme}://${context.DOMAIN_NAME}`;
}

export function serviceUrl(context: Pick<ServiceContext, 'DOMAIN_NAME'>, path: string): string {
  return `${serviceBaseUrl(context)}${path}`;
}

/** The paths other code points Twilio at: one place, so a renamed function breaks here, visibly. */
export const ROUTES = {
  callStatus: '/webhooks/twilio/call-status',
  recordingStatus: '/webhooks/twilio/recording-status',
  incomingCall: '/webhook/incoming-call',
  incomingMessage: '/webhook/incoming-message',
  /** The TwiML App's Voice URL: browser calls, and inbound calls to numbers bought through the App. */
  platformVoice: '/api/twilio/voice',
  defaultCallTwiml: '/phone/default-twiml',
  /** The SMS router's replies' status callbacks. */
  smsRouterDeliveryStatus: '/api/v1/sms-router/webhook/delivery-status',
} as const;
