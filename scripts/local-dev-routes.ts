/**
 * Local-only routes for the console (`/console`) when the local server runs against the emulator: they let a
 * browser sign in without Flex and use the emulator's simulated Voice SDK device, by passing a few of the
 * emulator's control calls through. They live in the local server (never in src/functions), so they are never
 * deployed, and exist only when TWILIO_EMULATOR_URL is set: against a real account `/_dev/...` is not found,
 * and the console shows no dev sign-in.
 *
 *   GET  /_dev/sign-in                         200 {roles}: the dev sign-in is on offer
 *   POST /_dev/sign-in {identity, role}        a Flex token minted by the emulator -> {token, expiration}
 *   POST /_dev/devices {token}                 registers a simulated device with a Voice SDK access token
 *   GET  /_dev/devices?identity=               that identity's devices and the calls ringing them
 *   POST /_dev/devices/{identity}/connect {params:{To, record?}}   places a call as device.connect() does
 *   POST /_dev/devices/{identity}/answer|decline {call_sid?}       answers or declines the call ringing it
 * Input is checked here and only the fields named above are passed on; the emulator's answers (JSON, no
 * internals) come back with their status. A POST must be JSON: another site's page cannot send JSON here
 * without a CORS preflight, which these routes never grant, so it cannot drive the developer's emulator.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'http';
import { E164 } from '../src/lib/phone/e164';

export const DEV_ROLES = ['agent', 'supervisor', 'admin'] as const;
const IDENTITY = /^[A-Za-z0-9_.@-]{1,64}$/;
/** A Voice SDK device's identity as the service makes it (`u<userId>_<name>`), or any a token names. */
const DEVICE_IDENTITY = /^[A-Za-z0-9_.@-]{1,121}$/;
const CALL_SID = /^CA[0-9a-f]{32}$/;
const MAX_TOKEN = 8192;

class BadRequest extends Error {}

type Body = Record<string, unknown>;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

const bodyOf = (req: IncomingMessage): Body => {
  const b = (req as IncomingMessage & { body?: unknown }).body;
  return typeof b === 'object' && b !== null && !Array.isArray(b) ? (b as Body) : {};
};

function text(body: Body, name: string, pattern: RegExp, what: string): string {
  const v = body[name];
  if (typeof v !== 'string' || !pattern.test(v)) throw new BadRequest(`${name} must be ${what}`);
  return v;
}

/** The emulator's control API, answered with its own status and body. */
async function control(
  emulatorUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: Body,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${emulatorUrl}${path}`, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(5000),
  });
  const answer: unknown = await res.json().catch(() => ({ error: `The emulator answered ${res.status}` }));
  return { status: res.status, body: answer };
}

/** What the request asks of the emulator, after checking it; undefined when it is not a dev route. */
function route(req: IncomingMessage): { method: 'GET' | 'POST'; path: string; body?: Body } | undefined {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const body = bodyOf(req);
  if (req.method !== 'GET' && req.method !== 'POST') throw new BadRequest('Only GET and POST are answered here');
  const method = req.method;
  if (method === 'POST' && !(req.headers['content-type'] ?? '').startsWith('application/json'))
    throw new BadRequest('The body must be JSON (Content-Type: application/json)');
  if (url.pathname === '/_dev/sign-in') {
    if (method === 'GET') return { method, path: '' };
    const identity = text(body, 'identity', IDENTITY, 'letters, digits and . _ @ - (1 to 64)');
    const role = text(body, 'role', /^(agent|supervisor|admin)$/, `one of ${DEV_ROLES.join(', ')}`);
    return { method, path: '/_emulator/flex-token', body: { identity, roles: [role] } };
  }
  if (url.pathname === '/_dev/devices') {
    if (method === 'POST') {
      const token = body.token;
      if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN)
        throw new BadRequest('token must be an access token');
      return { method, path: '/_emulator/devices', body: { token } };
    }
    const identity = url.searchParams.get('identity') ?? '';
    if (!DEVICE_IDENTITY.test(identity)) throw new BadRequest('identity must be a device identity');
    return { method, path: `/_emulator/devices?${new URLSearchParams({ identity, PageSize: '20' }).toString()}` };
  }
  const action = /^\/_dev\/devices\/([^/]+)\/(connect|answer|decline)$/.exec(url.pathname);
  if (action && method === 'POST') {
    const identity = decodeURIComponent(action[1]);
    if (!DEVICE_IDENTITY.test(identity)) throw new BadRequest('identity must be a device identity');
    const path = `/_emulator/devices/${encodeURIComponent(identity)}/${action[2]}`;
    if (action[2] === 'connect') {
      const params = typeof body.params === 'object' && body.params !== null ? (body.params as Body) : {};
      const to = text(params, 'To', E164, 'a phone number in E.164 (+14155557788)');
      const record = params.record === 'true' ? 'true' : 'false';
      return { method, path, body: { params: { To: to, record } } };
    }
    if (body.call_sid === undefined) return { method, path, body: {} };
    return { method, path, body: { call_sid: text(body, 'call_sid', CALL_SID, 'a call SID (CA...)') } };
  }
  return undefined;
}

/** `app` with the dev routes in front of it; `app` alone when there is no emulator. */
export function withDevRoutes(app: RequestListener, emulatorUrl: string | undefined): RequestListener {
  if (!emulatorUrl) return app;
  return (req, res) => {
    if (!(req.url ?? '').startsWith('/_dev/')) return app(req, res);
    let wanted;
    try {
      wanted = route(req);
    } catch (err) {
      return send(res, 400, { error: err instanceof BadRequest ? err.message : 'The request could not be read' });
    }
    if (!wanted) return send(res, 404, { error: 'No such dev route' });
    if (wanted.path === '') return send(res, 200, { roles: DEV_ROLES });
    control(emulatorUrl, wanted.method, wanted.path, wanted.body).then(
      (answer) => send(res, answer.status, answer.body),
      () => send(res, 502, { error: 'The local emulator did not answer' }),
    );
  };
}
