/**
 * Flex token validation. Against Twilio: `twilio-flex-token-validator`. Against the emulator: the same
 * request to the emulator's IAM endpoint (the library only knows Twilio's host). One result shape.
 * Valid results are cached briefly (never past the token's expiry) so a busy agent's plugin does not
 * cost an IAM round trip per call.
 * Two kinds of failure: the token is invalid (FlexTokenError, the caller answers 401), or IAM could not
 * say (FlexTokenUnavailable: an IAM error, a timeout, no connection; the caller answers 503, since a 401
 * signs a Flex agent out). The latter is tried once more while the request's deadline allows.
 */
import { createHash } from 'crypto';
import { validator } from 'twilio-flex-token-validator';
import type { ServiceEnv } from './env';

export interface FlexTokenResult {
  identity: string;
  roles: string[];
  worker_sid?: string;
  expiration: string;
  realm_user_id?: string;
}

const CACHE_MS = 60_000;
const CACHE_MAX = 500;
type Cache = Map<string, { result: FlexTokenResult; until: number }>;
/** Shared by every function bundle loaded in the same process (each bundle inlines this module). */
const cache: Cache = ((globalThis as { [k: symbol]: Cache | undefined })[Symbol.for('flex-token-cache')] ??= new Map());

export class FlexTokenError extends Error {}
export class FlexTokenUnavailable extends Error {}

/** One IAM attempt at most; a second one only if it can have at least MIN_ATTEMPT_MS before the deadline. */
const ATTEMPT_MS = 3000;
const MIN_ATTEMPT_MS = 1000;
/** Left for the rest of the request after validation. */
const DEADLINE_MARGIN_MS = 500;

function asResult(body: unknown): FlexTokenResult {
  const b = (body ?? {}) as Record<string, unknown>;
  if (b.valid !== true) throw new FlexTokenError(typeof b.message === 'string' ? b.message : 'Token is not valid');
  if (typeof b.identity !== 'string' || typeof b.expiration !== 'string')
    throw new FlexTokenError('Token validation answered without an identity');
  return {
    identity: b.identity,
    roles: Array.isArray(b.roles) ? b.roles.filter((r): r is string => typeof r === 'string') : [],
    ...(typeof b.worker_sid === 'string' ? { worker_sid: b.worker_sid } : {}),
    expiration: b.expiration,
    ...(typeof b.realm_user_id === 'string' ? { realm_user_id: b.realm_user_id } : {}),
  };
}

async function validateWithEmulator(
  emulatorUrl: string,
  token: string,
  sid: string,
  authToken: string,
  timeoutMs: number,
): Promise<FlexTokenResult> {
  let body: unknown;
  try {
    const res = await fetch(`${emulatorUrl}/iam/v1/Accounts/${sid}/Tokens/validate`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${sid}:${authToken}`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ token }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (res.status >= 500 || res.status === 429) throw new FlexTokenUnavailable(`IAM answered ${res.status}`);
    body = await res.json();
  } catch (err) {
    if (err instanceof FlexTokenUnavailable) throw err;
    // By name: the abort error may come from another realm than this bundle's Error.
    const timedOut = (err as { name?: unknown } | null)?.name === 'TimeoutError';
    throw new FlexTokenUnavailable(timedOut ? `no answer from IAM in ${timeoutMs} ms` : 'IAM could not be reached');
  }
  return asResult(body);
}

/**
 * The library rejects with a bare message and hides the HTTP status, so its failures are told apart by
 * what they say: IAM's refusals of a token all speak of the token ("Invalid Access Token", "Access Token
 * expired ..."); errors, unreadable answers and lost connections do not.
 */
async function validateWithTwilio(token: string, sid: string, authToken: string, timeoutMs: number): Promise<FlexTokenResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FlexTokenUnavailable(`no answer from IAM in ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return asResult({ valid: true, ...(await Promise.race([validator(token, sid, authToken), timeout])) });
  } catch (err) {
    if (err instanceof FlexTokenUnavailable || err instanceof FlexTokenError) throw err;
    const message = typeof err === 'string' ? err : err instanceof Error ? err.message : '';
    // A garbled answer ("Unexpected token < ... JSON") is IAM failing, not a verdict on the token.
    if (/token/i.test(message) && !/JSON/.test(message)) throw new FlexTokenError(message);
    throw new FlexTokenUnavailable(message ? `IAM failed: ${message}` : 'IAM failed');
  } finally {
    clearTimeout(timer);
  }
}

function validateOnce(env: ServiceEnv, token: string, timeoutMs: number): Promise<FlexTokenResult> {
  const { ACCOUNT_SID: sid, AUTH_TOKEN: authToken, TWILIO_EMULATOR_URL: emulator } = env;
  if (!sid || !authToken) throw new Error('ACCOUNT_SID and AUTH_TOKEN must be set to validate Flex tokens');
  return emulator
    ? validateWithEmulator(emulator.replace(/\/$/, ''), token, sid, authToken, timeoutMs)
    : validateWithTwilio(token, sid, authToken, timeoutMs);
}

/** The token's claims, FlexTokenError when it is not valid, FlexTokenUnavailable when IAM could not say. */
export async function validateFlexToken(
  env: ServiceEnv,
  token: string,
  deadlineAt = Date.now() + ATTEMPT_MS * 2,
): Promise<FlexTokenResult> {
  const key = createHash('sha256').update(token).digest('hex');
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.until > now) return hit.result;
  const budget = (): number => Math.min(ATTEMPT_MS, deadlineAt - DEADLINE_MARGIN_MS - Date.now());
  let result: FlexTokenResult;
  try {
    result = await validateOnce(env, token, Math.max(budget(), MIN_ATTEMPT_MS));
  } catch (err) {
    if (!(err instanceof FlexTokenUnavailable) || budget() < MIN_ATTEMPT_MS) throw err;
    result = await validateOnce(env, token, budget());
  }
  const expires = Date.parse(result.expiration);
  if (!Number.isFinite(expires) || expires <= Date.now()) throw new FlexTokenError('Token has expired');
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, { result, until: Math.min(Date.now() + CACHE_MS, expires) });
  return result;
}
