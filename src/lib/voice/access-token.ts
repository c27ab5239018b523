/**
 * Voice SDK access tokens: an AccessToken with one VoiceGrant (outgoing calls through the TwiML App
 * TWILIO_APP_SID, incoming calls to the user's identity), signed with a standard API key.
 */
import { ApiError } from '../runtime/errors';
import type { ServiceEnv } from '../runtime/env';

export const DEFAULT_TOKEN_TTL_S = 3600;
/** Twilio's ceiling for an access token's lifetime. */
export const MAX_TOKEN_TTL_S = 86_400;

function setting(env: ServiceEnv, name: 'TWILIO_API_KEY' | 'TWILIO_API_SECRET' | 'TWILIO_APP_SID' | 'ACCOUNT_SID'): string {
  const v = env[name]?.trim();
  if (v) return v;
  const why =
    name === 'TWILIO_APP_SID'
      ? 'TWILIO_APP_SID is not set: browser calls need a TwiML App whose Voice URL is /api/twilio/voice'
      : name === 'ACCOUNT_SID'
        ? 'ACCOUNT_SID is not set'
        : 'TWILIO_API_KEY and TWILIO_API_SECRET must be set (a standard API key, Console > API keys) to issue Voice SDK access tokens';
  throw new ApiError(500, 'CONFIGURATION_ERROR', why);
}

/** Signs tokens for identities; checks the settings first, so a misconfigured service says so at once. */
export function voiceTokenSigner(env: ServiceEnv): (identity: string, ttl: number) => string {
  const accountSid = setting(env, 'ACCOUNT_SID');
  const apiKey = setting(env, 'TWILIO_API_KEY');
  const apiSecret = setting(env, 'TWILIO_API_SECRET');
  const appSid = setting(env, 'TWILIO_APP_SID');
  return (identity, ttl) => {
    // Loaded on first use, and only the token builder: the whole SDK would cost the cold start far more.
    const AccessToken = require('twilio/lib/jwt/AccessToken') as typeof import('twilio/lib/jwt/AccessToken');
    const token = new AccessToken(accountSid, apiKey, apiSecret, { identity, ttl });
    token.addGrant(new AccessToken.VoiceGrant({ outgoingApplicationSid: appSid, incomingAllow: true }));
    return token.toJwt();
  };
}
