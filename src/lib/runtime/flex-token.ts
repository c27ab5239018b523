/**
 * Flex token validation. Against Twilio: `twilio-flex-token-validator`. Against the emulator: the same
 * request to the emulator's IAM endpoint (the library only knows Twilio's host). One result shape.
 * Valid results are cached briefly (never past the token's expiry) so a busy agent's plugin does not
 * cost an IAM round trip per call.
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
): Promise<FlexTokenResult> {
  const res = await fetch(`${emulatorUrl}/iam/v1/Accounts/${sid}/Tokens/validate`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${sid}:${authToken}`).toString('base64')}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ token }),
    signal: AbortSignal.timeout(3000),
  });
  return asResult(await res.json().catch(() => ({})));
}

export async function validateFlexToken(env: ServiceEnv, token: string): Promise<FlexTokenResult> {
  const key = createHash('sha256').update(token).digest('hex');
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.until > now) return hit.result;
  const { ACCOUNT_SID: sid, AUTH_TOKEN: authToken, TWILIO_EMULATOR_URL: emulator } = env;
  if (!sid || !authToken) throw new Error('ACCOUNT_SID and AUTH_TOKEN must be set to validate Flex tokens');
  let result: FlexTokenResult;
  try {
    result = emulator
      ? await validateWithEmulator(emulator.replace(/\/$/, ''), token, sid, authToken)
      : asResult({ valid: true, ...(await validator(token, sid, authToken)) });
  } catch (err) {
    if (err instanceof FlexTokenError) throw err;
    throw new FlexTokenError(typeof err === 'string' ? err : 'Token could not be validated');
  }
  const expires = Date.parse(result.expiration);
  if (!Number.isFinite(expires) || expires <= now) throw new FlexTokenError('Token has expired');
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, { result, until: Math.min(now + CACHE_MS, expires) });
  return result;
}
