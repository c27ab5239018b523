/**
 * Authentication for every kind of caller. Each function declares its access once; this module turns
 * the request into a Principal or refuses it. A user id never comes from the request body.
 */
import { createHash, timingSafeEqual } from 'crypto';
import jwt from 'jsonwebtoken';
import { ApiError } from './errors';
import type { ServiceContext } from './env';
import { FlexTokenError, FlexTokenUnavailable, validateFlexToken } from './flex-token';
import { logWarning } from './log';
import type { IncomingRequest } from './request';
import { isPermission, isRole, Permission, permissionsForRoles, Principal, Role } from './principal';
import { isValidTwilioSignature, webhookUrl } from './signature';

export type Credential = 'flex' | 'bearer' | 'basic';

export type Access =
  | { kind: 'public' }
  | { kind: 'webhook' }
  | { kind: 'user'; via: readonly Credential[]; permission?: Permission; allowGuest?: boolean };

export const access = {
  /** Anyone. */
  public: (): { kind: 'public' } => ({ kind: 'public' }),
  /** Twilio itself: a valid X-Twilio-Signature. */
  webhook: (): { kind: 'webhook' } => ({ kind: 'webhook' }),
  /** A signed-in user; Flex token unless other credentials are listed. */
  user: (opts: { via?: readonly Credential[]; permission?: Permission; allowGuest?: boolean } = {}) =>
    ({ kind: 'user', via: opts.via ?? ['flex'], ...opts }) as const,
};

const unauthorized = (message: string): ApiError => new ApiError(401, 'UNAUTHORIZED', message);
const forbidden = (message: string): ApiError => new ApiError(403, 'FORBIDDEN', message);

function sameSecret(a: string, b: string): boolean {
  // Hash first so the comparison takes the same time whatever the lengths.
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

async function fromFlex(context: ServiceContext, token: string, allowGuest: boolean, deadlineAt: number): Promise<Principal> {
  let result;
  try {
    result = await validateFlexToken(context, token, deadlineAt);
  } catch (err) {
    if (err instanceof FlexTokenError) throw unauthorized(`Invalid Flex token: ${err.message}`);
    if (err instanceof FlexTokenUnavailable) {
      // Never a 401: the agent's token may well be valid, and a 401 would sign them out of Flex.
      logWarning(context.PATH, `Flex token validation unavailable: ${err.message}`);
      throw new ApiError(503, 'TOKEN_VALIDATION_UNAVAILABLE', 'Could not validate your token now; try again shortly');
    }
    throw err;
  }
  const roles = result.roles.filter(isRole);
  if (roles.length === 0 && !allowGuest) throw forbidden('Guest tokens cannot use this endpoint');
  return {
    userId: result.identity,
    roles: roles.length ? roles : ['agent'],
    permissions: permissionsForRoles(roles),
    via: 'flex',
    ...(result.worker_sid ? { workerSid: result.worker_sid } : {}),
  };
}

function fromBearer(context: ServiceContext, token: string): Principal {
  if (!context.JWT_SECRET) throw unauthorized('Bearer tokens are not enabled on this service (JWT_SECRET is not set)');
  let claims: jwt.JwtPayload | string;
  try {
    claims = jwt.verify(token, context.JWT_SECRET, { algorithms: ['HS256'] });
  } catch (err) {
    const expired = err instanceof jwt.TokenExpiredError;
    throw unauthorized(expired ? 'Bearer token has expired' : 'Invalid bearer token');
  }
  if (typeof claims === 'string' || typeof claims.sub !== 'string' || claims.sub === '') {
    throw unauthorized('Bearer token has no subject');
  }
  const roles: Role[] = Array.isArray(claims.roles) ? claims.roles.filter(isRole) : [];
  const granted: Permission[] = Array.isArray(claims.permissions) ? claims.permissions.filter(isPermission) : [];
  const permissions = [...new Set([...granted, ...permissionsForRoles(roles)])];
  return { userId: claims.sub, roles: roles.length ? roles : ['agent'], permissions, via: 'bearer' };
}

function fromBasic(context: ServiceContext, encoded: string): Principal {
  if (!context.API_USERNAME || !context.API_PASSWORD) {
    throw unauthorized('Basic auth is not enabled on this service (API_USERNAME / API_PASSWORD are not set)');
  }
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const split = decoded.indexOf(':');
  const user = split >= 0 ? decoded.slice(0, split) : '';
  const pass = split >= 0 ? decoded.slice(split + 1) : '';
  const okUser = sameSecret(user, context.API_USERNAME);
  const okPass = sameSecret(pass, context.API_PASSWORD);
  if (!okUser || !okPass) throw unauthorized('Invalid username or password');
  return { userId: user, roles: ['agent'], permissions: [], via: 'basic' };
}

/** The principal for a `user` access, or a 401/403 ApiError. */
export async function authenticateUser(
  context: ServiceContext,
  spec: Extract<Access, { kind: 'user' }>,
  req: IncomingRequest,
  deadlineAt: number,
): Promise<Principal> {
  const token = typeof req.params.Token === 'string' && req.params.Token !== '' ? req.params.Token : undefined;
  const header = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const basic = /^Basic\s+(\S+)$/i.exec(header)?.[1];
  let principal: Principal | undefined;
  if (token && spec.via.includes('flex')) principal = await fromFlex(context, token, spec.allowGuest ?? false, deadlineAt);
  else if (bearer && spec.via.includes('bearer')) principal = fromBearer(context, bearer);
  else if (basic && spec.via.includes('basic')) principal = fromBasic(context, basic);
  if (!principal) {
    const wanted = spec.via.map((v) => ({ flex: 'a Flex token (Token)', bearer: 'a bearer token', basic: 'basic auth' })[v]);
    throw unauthorized(`Authentication required: ${wanted.join(' or ')}`);
  }
  if (spec.permission && !principal.permissions.includes(spec.permission)) {
    throw forbidden(`Permission required: ${spec.permission}`);
  }
  return principal;
}

/**
 * A webhook must carry Twilio's signature for exactly this URL and these parameters. The refusal names the
 * URL checked (never the expected signature), so a developer can compare it with the webhook setting.
 */
export function authenticateWebhook(context: ServiceContext, req: IncomingRequest): void {
  if (!context.AUTH_TOKEN) throw new ApiError(500, 'CONFIGURATION_ERROR', 'AUTH_TOKEN is not set; webhooks cannot be verified');
  const url = webhookUrl(context);
  const signature = req.headers['x-twilio-signature'];
  if (!signature)
    throw new ApiError(403, 'TWILIO_WEBHOOK_INVALID', `Missing X-Twilio-Signature (this webhook checks it for ${url})`);
  if (!isValidTwilioSignature(context.AUTH_TOKEN, signature, url, req.params)) {
    throw new ApiError(
      403,
      'TWILIO_WEBHOOK_INVALID',
      `Invalid Twilio signature for ${url}: the webhook setting must be exactly this URL (method POST, no query string) on the account whose AUTH_TOKEN this service has`,
    );
  }
}
