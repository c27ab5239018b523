/**
 * Checks a Voice SDK Access Token as Twilio does when a device registers or connects: an HS256 JWT with
 * header `cty: twilio-fpa;v=1`, issued (`iss`) by one of the account's API keys (SK...) for this account
 * (`sub`), signed with that key's secret, inside its validity window (`nbf` .. `exp`, at most 24 hours
 * after `iat`), with an identity and a voice grant. Each failure answers Twilio's code for it:
 *   20101 Invalid Access Token (not a JWT, wrong header or algorithm, claims missing)
 *   20103 Invalid Access Token issuer/subject (not a key of this account, or another account)
 *   20104 Access Token expired or expiration date invalid (past `exp`, or `exp` beyond 24 h)
 *   20105 Access Token not yet valid (`nbf` in the future)
 *   20106 Invalid Access Token grants (no identity, no voice grant)
 *   20107 Invalid Access Token signature (signed with another secret)
 */
import jwt from 'jsonwebtoken';
import { TwilioApiError } from '../../core/wire';
import type { KeysApi } from '../keys';

const MAX_LIFETIME_S = 86_400;
const IDENTITY = /^[^\s]{1,256}$/;

export interface VoiceGrant {
  identity: string;
  keySid: string;
  /** Epoch ms. */
  expires: number;
  incoming: boolean;
  outgoingApplicationSid: string | null;
  /** `grants.voice.outgoing.params`: sent to the app's Voice URL with every outgoing call. */
  outgoingParams: Record<string, string>;
}

/** The token's problem as Twilio words it, with the detail a developer needs to fix it. */
export class AccessTokenError extends TwilioApiError {
  constructor(
    code: number,
    message: string,
    readonly detail: string,
  ) {
    super(401, code, message);
  }
}

const invalid = (detail: string): AccessTokenError => new AccessTokenError(20101, 'Invalid Access Token', detail);
const object = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

export function verifyAccessToken(token: string, accountSid: string, keys: KeysApi, now = Date.now()): VoiceGrant {
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload === 'string') throw invalid('the token is not a JWT');
  const { header, payload } = decoded;
  if (header.alg !== 'HS256') throw invalid(`alg must be HS256, not ${header.alg}`);
  if ((header as { cty?: unknown }).cty !== 'twilio-fpa;v=1') throw invalid('the header must carry cty: twilio-fpa;v=1');
  const iss = typeof payload.iss === 'string' ? payload.iss : '';
  if (payload.sub !== accountSid)
    throw new AccessTokenError(20103, 'Invalid Access Token issuer/subject', `sub must be the account SID ${accountSid}`);
  const key = /^SK[0-9a-f]{32}$/.test(iss) ? keys.get(iss) : undefined;
  if (!key)
    throw new AccessTokenError(
      20103,
      'Invalid Access Token issuer/subject',
      `iss ${iss || '(none)'} is not an API key of this account`,
    );
  try {
    jwt.verify(token, key.secret, { algorithms: ['HS256'], clockTimestamp: Math.floor(now / 1000) });
  } catch (err) {
    if (err instanceof jwt.TokenExpiredError)
      throw new AccessTokenError(
        20104,
        'Access Token expired or expiration date invalid',
        `it expired at ${err.expiredAt.toISOString()}`,
      );
    if (err instanceof jwt.NotBeforeError)
      throw new AccessTokenError(20105, 'Access Token not yet valid', `it is valid from ${err.date.toISOString()}`);
    if (err instanceof jwt.JsonWebTokenError && err.message === 'invalid signature')
      throw new AccessTokenError(20107, 'Invalid Access Token signature', `it was not signed with the secret of ${iss}`);
    throw invalid(err instanceof Error ? err.message : String(err));
  }
  const exp = payload.exp;
  const iat = typeof payload.iat === 'number' ? payload.iat : Math.floor(now / 1000);
  if (typeof exp !== 'number' || exp - iat > MAX_LIFETIME_S)
    throw new AccessTokenError(
      20104,
      'Access Token expired or expiration date invalid',
      'exp must be at most 24 hours after iat',
    );
  const grants = object((payload as Record<string, unknown>).grants);
  const identity = grants?.identity;
  if (typeof identity !== 'string' || !IDENTITY.test(identity))
    throw new AccessTokenError(20106, 'Invalid Access Token grants', 'grants.identity is required');
  const voice = object(grants?.voice);
  if (!voice) throw new AccessTokenError(20106, 'Invalid Access Token grants', 'grants.voice is required');
  const incoming = object(voice.incoming);
  const outgoing = object(voice.outgoing);
  const appSid = outgoing?.application_sid;
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(object(outgoing?.params) ?? {})) params[k] = typeof v === 'string' ? v : JSON.stringify(v);
  return {
    identity,
    keySid: key.sid,
    expires: exp * 1000,
    incoming: incoming?.allow === true,
    outgoingApplicationSid: typeof appSid === 'string' && appSid ? appSid : null,
    outgoingParams: params,
  };
}
