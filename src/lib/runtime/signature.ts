/**
 * X-Twilio-Signature check for webhooks, done by the service itself so local runs and tests see what
 * production sees. Twilio signs the URL it requested: https://DOMAIN_NAME/PATH in production; local
 * servers (localhost, 127.0.0.1) are plain http.
 */
import type { ServiceContext } from './env';
import { ApiError } from './errors';
import { serviceUrl } from './urls';

export function webhookUrl(context: Pick<ServiceContext, 'DOMAIN_NAME' | 'PATH'>): string {
  return serviceUrl(context, context.PATH);
}

/**
 * The parameters as Twilio signs them: single values. A list or an object (repeated keys, `a[b]=` keys, a
 * JSON body) is something the signature cannot be shown to cover, so the request is refused (400) rather
 * than checked without it and then read with it.
 */
export function signedParams(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
    else throw new ApiError(400, 'UNSIGNED_PARAMETER', `${k} is not a single value, which a Twilio signature never covers`);
  }
  return out;
}

/** Whether `signature` is Twilio's signature of `url` and the parameters (400 for one it cannot cover). */
export function isValidTwilioSignature(
  authToken: string,
  signature: string,
  url: string,
  params: Record<string, unknown>,
): boolean {
  // Loaded on first use: the webhook helpers only, not the whole SDK.
  const { validateRequest } = require('twilio/lib/webhooks/webhooks') as typeof import('twilio/lib/webhooks/webhooks');
  return validateRequest(authToken, signature, url, signedParams(params));
}
