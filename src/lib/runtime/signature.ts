/**
 * X-Twilio-Signature check for webhooks, done by the service itself so local runs and tests see what
 * production sees. Twilio signs the URL it requested: https://DOMAIN_NAME/PATH in production; local
 * servers (localhost, 127.0.0.1) are plain http.
 */
import type { ServiceContext } from './env';
import { serviceUrl } from './urls';

export function webhookUrl(context: Pick<ServiceContext, 'DOMAIN_NAME' | 'PATH'>): string {
  return serviceUrl(context, context.PATH);
}

/** Params Twilio signed: everything in the event except what the runtime adds. */
export function signedParams(event: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(event)) {
    if (k === 'request') continue;
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  }
  return out;
}

/** Whether `signature` is Twilio's signature of `url` and the event's parameters. */
export function isValidTwilioSignature(
  authToken: string,
  signature: string,
  url: string,
  event: Record<string, unknown>,
): boolean {
  // Loaded on first use: the webhook helpers only, not the whole SDK.
  const { validateRequest } = require('twilio/lib/webhooks/webhooks') as typeof import('twilio/lib/webhooks/webhooks');
  return validateRequest(authToken, signature, url, signedParams(event));
}
