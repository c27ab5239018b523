import jwt from 'jsonwebtoken';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { invoke, fakeContext } from '../../support/harness';
import { expectLogged } from '../../support/console';
import { defineFunction } from '../../../src/lib/runtime/handler';
import { access } from '../../../src/lib/runtime/auth';
import { f } from '../../../src/lib/runtime/input';
import { ApiError } from '../../../src/lib/runtime/errors';
import { Reply } from '../../../src/lib/runtime/reply';
import { routerError } from '../../../src/lib/contracts/error-shapes';

const shape = (e: ApiError): unknown => ({ error: e.message, code: e.code });

describe('defineFunction', () => {
  it('parses inputs and answers JSON with CORS headers', async () => {
    const h = defineFunction({
      summary: 'a test function',
      answers: { 200: {} },
      access: access.public(),
      input: { n: f.int({ min: 1, max: 5 }), name: f.string().optional() },
      errors: shape,
      run: async ({ input }) => ({ doubled: input.n * 2, name: input.name ?? null }),
    });
    const res = await invoke(h, { n: '2' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toEqual({ doubled: 4, name: null });
    expect(res.raw).toBe('{"doubled":4,"name":null}');
    expect(res.headers['Access-Control-Allow-Origin']).toBe('*');
    expect(res.headers['Content-Type']).toBe('application/json');
  });

  it('refuses bad input in the endpoint shape before running anything', async () => {
    const run = jest.fn();
    const h = defineFunction({
      summary: 'a test function',
      answers: { 200: {} },
      access: access.public(),
      input: { n: f.int({ max: 5 }) },
      errors: shape,
      run,
    });
    const res = await invoke(h, { n: '9' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toEqual({ error: 'n must be at most 5', code: 'VALIDATION_ERROR' });
    expect(run).not.toHaveBeenCalled();
  });

  it('never leaks an unexpected error: 500 with a generic message, the cause in the log', async () => {
    const h = defineFunction({
      summary: 'a test function',
      answers: { 200: {} },
      access: access.public(),
      input: {},
      errors: shape,
      run: async () => {
        throw new Error('secret database password in stack');
      },
    });
    const res = await invoke(h, {});
    expect(res.statusCode).toBe(500);
    expect(JSON.stringify(res.body)).not.toMatch(/secret|stack|at /);
    expectLogged(/^\[\/test\] Error: secret database password in stack\n\s+at /);
  });

  it('answers at its deadline with the declared safe reply', async () => {
    const h = defineFunction({
      summary: 'a test function',
      answers: { 200: {} },
      access: access.public(),
      input: {},
      errors: shape,
      deadlineMs: 50,
      fallback: () => Reply.twiml('<Response/>'),
      run: () => new Promise(() => undefined),
    });
    const started = Date.now();
    const res = await invoke(h, {});
    expect(Date.now() - started).toBeLessThan(500);
    expect(res.body).toBe('<Response/>');
    expect(res.headers['Content-Type']).toBe('text/xml');
    expectLogged(/^\[\/test\] deadline of 50 ms passed$/);
  });

  it('answers 503 in the endpoint shape at the deadline by default', async () => {
    const h = defineFunction({
      summary: 'a test function',
      answers: { 200: {} },
      access: access.public(),
      input: {},
      errors: routerError,
      deadlineMs: 30,
      run: () => new Promise(() => undefined),
    });
    const res = await invoke(h, {});
    expect(res.statusCode).toBe(503);
    expect(res.body).toMatchObject({ error_code: 'DEADLINE_EXCEEDED', status: 'error' });
    expectLogged(/^\[\/test\] deadline of 30 ms passed$/);
  });
});

describe('webhook access', () => {
  const ctx = fakeContext({ DOMAIN_NAME: 'svc-1234.twil.io', PATH: '/api/receive-sms' });
  const h = defineFunction({
    summary: 'a test function',
    answers: { 200: {} },
    access: access.webhook(),
    input: { Body: f.string() },
    errors: shape,
    run: async ({ input }) => input.Body,
  });
  const params = { Body: 'hi', From: '+14155559999' };

  it("accepts Twilio's signature over https://DOMAIN_NAME/PATH", async () => {
    const sig = getExpectedTwilioSignature(ctx.AUTH_TOKEN as string, 'https://svc-1234.twil.io/api/receive-sms', params);
    const res = await invoke(h, params, ctx, { 'x-twilio-signature': sig });
    expect(res.statusCode).toBe(200);
    expect(res.headers['Access-Control-Allow-Origin']).toBeUndefined();
  });

  it('refuses a signature over http:// for a deployed domain', async () => {
    const sig = getExpectedTwilioSignature(ctx.AUTH_TOKEN as string, 'http://svc-1234.twil.io/api/receive-sms', params);
    const res = await invoke(h, params, ctx, { 'x-twilio-signature': sig });
    expect(res.statusCode).toBe(403);
  });

  it('accepts http:// for a local server', async () => {
    const local = fakeContext({ DOMAIN_NAME: 'localhost:3000', PATH: '/api/receive-sms' });
    const sig = getExpectedTwilioSignature(local.AUTH_TOKEN as string, 'http://localhost:3000/api/receive-sms', params);
    expect((await invoke(h, params, local, { 'x-twilio-signature': sig })).statusCode).toBe(200);
  });

  it('refuses a signature made with another auth token', async () => {
    const sig = getExpectedTwilioSignature('another-token', 'https://svc-1234.twil.io/api/receive-sms', params);
    expect((await invoke(h, params, ctx, { 'x-twilio-signature': sig })).statusCode).toBe(403);
  });
});

describe('bearer and basic access', () => {
  const secret = 'unit-secret';
  const ctx = fakeContext({ JWT_SECRET: secret, API_USERNAME: 'api', API_PASSWORD: 'pw' });
  const h = defineFunction({
    summary: 'a test function',
    answers: { 200: {} },
    access: access.user({ via: ['bearer', 'basic'], permission: 'system:view_sms_status' }),
    input: {},
    errors: shape,
    run: async ({ principal }) => principal,
  });
  const open = defineFunction({
    summary: 'a test function',
    answers: { 200: {} },
    access: access.user({ via: ['bearer', 'basic'] }),
    input: {},
    errors: shape,
    run: async ({ principal }) => principal,
  });
  const bearer = (claims: object, key = secret, opts: jwt.SignOptions = {}): Record<string, string> => ({
    authorization: `Bearer ${jwt.sign(claims, key, { algorithm: 'HS256', ...opts })}`,
  });

  it('maps a bearer JWT to a principal with its permissions', async () => {
    const res = await invoke(h, {}, ctx, bearer({ sub: '42', permissions: ['system:view_sms_status'] }));
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatchObject({ userId: '42', via: 'bearer', permissions: ['system:view_sms_status'] });
  });

  it('gives admins every permission and supervisors the view ones', async () => {
    const admin = await invoke(open, {}, ctx, bearer({ sub: 'a', roles: ['admin'] }));
    expect((admin.body as { permissions: string[] }).permissions).toContain('system:manage_sms_config');
    const sup = await invoke(open, {}, ctx, bearer({ sub: 's', roles: ['supervisor'] }));
    const perms = (sup.body as { permissions: string[] }).permissions;
    expect(perms).toContain('system:view_sms_usage');
    expect(perms).not.toContain('system:manage_sms_config');
  });

  it('answers 403 without the permission', async () => {
    expect((await invoke(h, {}, ctx, bearer({ sub: '42', permissions: [] }))).statusCode).toBe(403);
  });

  it.each([
    ['forged', bearer({ sub: '42', permissions: ['system:view_sms_status'] }, 'other-secret')],
    ['expired', bearer({ sub: '42', permissions: ['system:view_sms_status'] }, secret, { expiresIn: -10 })],
    ['subject-less', bearer({ permissions: ['system:view_sms_status'] })],
    ['alg none', { authorization: `Bearer ${jwt.sign({ sub: '42' }, '', { algorithm: 'none' })}` }],
    ['missing', {}],
  ])('answers 401 for a %s token', async (_name, headers) => {
    expect((await invoke(h, {}, ctx, headers)).statusCode).toBe(401);
  });

  it('accepts the right basic credentials and refuses wrong ones', async () => {
    const basic = (u: string, p: string): Record<string, string> => ({
      authorization: `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`,
    });
    expect((await invoke(open, {}, ctx, basic('api', 'pw'))).statusCode).toBe(200);
    expect((await invoke(open, {}, ctx, basic('api', 'pW'))).statusCode).toBe(401);
    expect((await invoke(open, {}, ctx, basic('apI', 'pw'))).statusCode).toBe(401);
  });

  it('refuses basic auth when the service has no credentials configured', async () => {
    const res = await invoke(open, {}, fakeContext({ JWT_SECRET: secret }), {
      authorization: `Basic ${Buffer.from(':').toString('base64')}`,
    });
    expect(res.statusCode).toBe(401);
  });

  it('never takes the user id from the body', async () => {
    const res = await invoke(open, { userId: 'evil', user_id: 'evil', sub: 'evil' }, ctx, bearer({ sub: '42' }));
    expect((res.body as { userId: string }).userId).toBe('42');
  });
});
