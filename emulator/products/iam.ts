/**
 * IAM: Flex token validation, `POST /v1/Accounts/{AccountSid}/Tokens/validate`, as the
 * `twilio-flex-token-validator` package calls it (basic auth with the account's credentials, JSON body
 * `{token}`), and the control route `POST /_emulator/flex-token` that mints the tokens Flex would hand
 * its users.
 *
 * Tokens: a real Flex token is an opaque JWE; the emulator's is a JWT signed HS256 with the account's
 * auth token (header `cty: twilio-fpa;v=1` like Twilio Access Tokens) whose claims are
 * `{jti, iss: AccountSid, sub: AccountSid, iat, exp, realm_user_id, identity, roles, worker_sid}`.
 *
 * Answers (the validator resolves on `valid: true` and rejects with `message` otherwise; it ignores the
 * HTTP status):
 * - valid: 200 `{valid: true, code: 0, message: null, expiration, realm_user_id, identity, roles, worker_sid}`
 *   with `expiration` as in the validator's README (ISO 8601 with milliseconds);
 * - invalid: 401 (Twilio rejects a bad token as unauthenticated) with `{valid: false, code, message}` plus
 *   the same identity fields as null, where code is 20101 "Invalid Access Token" (not a JWT / malformed
 *   claims), 20107 "Invalid Access Token signature" (forged: signed with another secret), 20104 "Access
 *   Token expired or expiration date invalid" (past `exp`) or 20103 "Invalid Access Token issuer/subject"
 *   (issued for another account);
 * - no token in the body: 400 with Twilio's error body (code 20001) plus `valid: false`.
 * A request whose credentials are wrong is 401 / 20003 and a path AccountSid other than the credentials'
 * is 404, as for every emulated API.
 */
import { randomBytes } from 'crypto';
import jwt from 'jsonwebtoken';
import type { Emulator } from '../core/emulator';
import { json } from '../core/router';
import { first, TwilioApiError } from '../core/wire';
import { workerSidForIdentity } from './taskrouter';

export type FlexRole = 'admin' | 'supervisor' | 'agent' | 'guest';
const ROLES: readonly FlexRole[] = ['admin', 'supervisor', 'agent', 'guest'];
const DEFAULT_TTL = 3600;
const MAX_TTL = 86_400;

export interface FlexTokenClaims {
  jti: string;
  iss: string;
  sub: string;
  iat: number;
  exp: number;
  realm_user_id: string;
  identity: string;
  roles: FlexRole[];
  worker_sid: string | null;
}

export interface FlexTokenRequest {
  identity: string;
  roles?: FlexRole[];
  worker_sid?: string;
  realm_user_id?: string;
  ttl?: number;
}

const bad = (message: string): TwilioApiError => new TwilioApiError(400, 20001, message);

/** The control body, checked: a 400 names the first problem. */
function readTokenRequest(body: unknown): Required<Omit<FlexTokenRequest, 'worker_sid'>> & { worker_sid: string | undefined } {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw bad('The body must be a JSON object: {identity, roles?, worker_sid?, ttl?}');
  const b = body as Record<string, unknown>;
  if (typeof b.identity !== 'string' || !b.identity.trim()) throw bad('identity is required (a non-empty string)');
  if (b.identity.length > 256) throw bad('identity must be at most 256 characters');
  let roles: FlexRole[] = ['agent'];
  if (b.roles !== undefined) {
    if (!Array.isArray(b.roles) || b.roles.length === 0) throw bad(`roles must be a non-empty array of ${ROLES.join(', ')}`);
    for (const r of b.roles)
      if (!ROLES.includes(r as FlexRole)) throw bad(`Unknown role ${JSON.stringify(r)}: roles are ${ROLES.join(', ')}`);
    roles = [...new Set(b.roles as FlexRole[])];
  }
  if (b.worker_sid !== undefined && (typeof b.worker_sid !== 'string' || !/^WK[0-9a-fA-F]{32}$/.test(b.worker_sid))) {
    throw bad('worker_sid must be a Worker SID (WK followed by 32 hex digits)');
  }
  if (b.realm_user_id !== undefined && (typeof b.realm_user_id !== 'string' || !b.realm_user_id))
    throw bad('realm_user_id must be a non-empty string');
  let ttl = DEFAULT_TTL;
  if (b.ttl !== undefined) {
    if (typeof b.ttl !== 'number' || !Number.isInteger(b.ttl) || b.ttl < 1 || b.ttl > MAX_TTL)
      throw bad(`ttl must be an integer from 1 to ${MAX_TTL} seconds`);
    ttl = b.ttl;
  }
  return {
    identity: b.identity,
    roles,
    worker_sid: b.worker_sid as string | undefined,
    realm_user_id: (b.realm_user_id as string | undefined) ?? b.identity,
    ttl,
  };
}

function isClaims(p: unknown): p is FlexTokenClaims {
  if (!p || typeof p !== 'object') return false;
  const c = p as Record<string, unknown>;
  return (
    typeof c.sub === 'string' &&
    typeof c.exp === 'number' &&
    typeof c.identity === 'string' &&
    typeof c.realm_user_id === 'string' &&
    Array.isArray(c.roles) &&
    c.roles.every((r) => ROLES.includes(r as FlexRole)) &&
    (c.worker_sid === null || typeof c.worker_sid === 'string')
  );
}

export function registerIam(emu: Emulator): void {
  /** A Flex token for this account; the Worker defaults to the TaskRouter Worker of that identity. */
  const mint = (input: ReturnType<typeof readTokenRequest>): { token: string; expiration: string } => {
    const iat = Math.floor(Date.now() / 1000);
    const claims: FlexTokenClaims = {
      jti: `FT${randomBytes(16).toString('hex')}`,
      iss: emu.accountSid,
      sub: emu.accountSid,
      iat,
      exp: iat + input.ttl,
      realm_user_id: input.realm_user_id,
      identity: input.identity,
      roles: input.roles,
      worker_sid: input.worker_sid ?? workerSidForIdentity(emu, input.identity),
    };
    const token = jwt.sign(claims, emu.authToken, {
      algorithm: 'HS256',
      header: { alg: 'HS256', typ: 'JWT', cty: 'twilio-fpa;v=1' },
    });
    return { token, expiration: new Date(claims.exp * 1000).toISOString() };
  };

  emu.router.add('POST', '/_emulator/flex-token', (req) => json(200, mint(readTokenRequest(req.json))), { auth: false });

  const rejected = (code: number, message: string) =>
    json(401, {
      valid: false,
      code,
      message,
      expiration: null,
      realm_user_id: null,
      identity: null,
      roles: null,
      worker_sid: null,
    });

  emu.router.add('POST', '/iam/v1/Accounts/{AccountSid}/Tokens/validate', (req) => {
    const body = req.json;
    const token =
      body && typeof body === 'object' && 'token' in body && typeof body.token === 'string'
        ? body.token
        : (first(req.form, 'token') ?? first(req.form, 'Token'));
    if (!token) return json(400, { ...bad('Missing required parameter token in the body').body(), valid: false });
    let payload: unknown;
    try {
      payload = jwt.verify(token, emu.authToken, { algorithms: ['HS256'] });
    } catch (err) {
      if (err instanceof jwt.TokenExpiredError) return rejected(20104, 'Access Token expired or expiration date invalid');
      if (err instanceof jwt.JsonWebTokenError && err.message === 'invalid signature')
        return rejected(20107, 'Invalid Access Token signature');
      return rejected(20101, 'Invalid Access Token');
    }
    if (!isClaims(payload)) return rejected(20101, 'Invalid Access Token');
    if (payload.sub !== req.params.AccountSid) return rejected(20103, 'Invalid Access Token issuer/subject');
    return json(200, {
      valid: true,
      code: 0,
      message: null,
      expiration: new Date(payload.exp * 1000).toISOString(),
      realm_user_id: payload.realm_user_id,
      identity: payload.identity,
      roles: payload.roles,
      worker_sid: payload.worker_sid,
    });
  });
}
