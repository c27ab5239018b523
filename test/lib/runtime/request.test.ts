import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { FakeResponse, fakeContext, invoke } from '../../support/harness';
import { expectLogged } from '../../support/console';
import { defineFunction, Handler } from '../../../src/lib/runtime/handler';
import { access } from '../../../src/lib/runtime/auth';
import { f } from '../../../src/lib/runtime/input';
import { ApiError } from '../../../src/lib/runtime/errors';
import { Reply } from '../../../src/lib/runtime/reply';

const shape = (e: ApiError): unknown => ({ error: e.message, code: e.code });

/** Calls the handler with the event exactly as given: `request` included, as a body could set it. */
function invokeRaw(h: Handler, event: Record<string, unknown>, context = fakeContext()): Promise<FakeResponse> {
  return new Promise((resolve, reject) => {
    h(context, event, (err, res) => (err ? reject(new Error(String(err))) : resolve(res as unknown as FakeResponse))).catch(
      reject,
    );
  });
}

const echo = defineFunction({
  summary: 'a test function',
  answers: { 200: {} },
  access: access.public(),
  input: { name: f.string().optional() },
  errors: shape,
  run: async ({ input, headers }) => ({ name: input.name ?? null, origin: headers.origin ?? null }),
});

describe('the request the runtime builds', () => {
  it.each([
    ['a header value that is an object', { headers: { x: { toString: 1 } }, cookies: {} }],
    ['no cookies and an object value (the crash request)', { headers: { x: { toString: 1 } } }],
    ['a string', 'x'],
    ['a list', [{ headers: {} }]],
    ['headers that are a list', { headers: ['a'], cookies: {} }],
    ['a cookie that is an object', { headers: {}, cookies: { a: {} } }],
    ['an empty list as a header', { headers: { origin: [] }, cookies: {} }],
    ['headers without cookies', { headers: { origin: 'https://a.example' } }],
    ['an empty object', {}],
  ])('refuses a `request` parameter made of %s with 400', async (_, request) => {
    const res = await invokeRaw(echo, { request });
    expect(res.statusCode).toBe(400);
    expect(res.body).toEqual({ code: 'RESERVED_PARAMETER', error: expect.stringMatching(/request. is reserved/) });
  });

  it('reads string headers, the first of repeated ones, and lowercases names', async () => {
    const res = await invokeRaw(echo, {
      request: { headers: { Origin: ['https://a.example', 'https://b.example'] }, cookies: {} },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toEqual({ name: null, origin: 'https://a.example' });
  });

  it('never reads a parameter from the prototype a `__proto__` key gave the event', async () => {
    const event = JSON.parse('{"__proto__":{"name":"from-proto"}}') as Record<string, unknown>;
    const merged = Object.assign({ request: { headers: {}, cookies: {} } }, event);
    expect((merged as { name?: unknown }).name).toBe('from-proto');
    const res = await invokeRaw(echo, merged);
    expect(res.body).toEqual({ name: null, origin: null });
  });

  it('answers plainly when even the error shape throws', async () => {
    const h = defineFunction({
      summary: 'a test function',
      answers: { 200: {} },
      access: access.public(),
      input: {},
      errors: () => {
        throw new Error('shape broke');
      },
      run: async () => {
        throw new ApiError(400, 'X', 'bad');
      },
    });
    const res = await invoke(h, {});
    expect(res.statusCode).toBe(500);
    expect(res.body).toEqual({ error: 'An internal error occurred' });
    expectLogged(/^\[\/test\] Error: shape broke/);
  });

  it('answers an unserialisable result with 500, not a crash', async () => {
    const h = defineFunction({
      summary: 'a test function',
      answers: { 200: {} },
      access: access.public(),
      input: {},
      errors: shape,
      run: async () => ({ n: BigInt(1) }),
    });
    const res = await invoke(h, {});
    expect(res.statusCode).toBe(500);
    expectLogged(/BigInt/);
  });
});

describe('webhook parameters the signature cannot cover', () => {
  const ctx = fakeContext({ DOMAIN_NAME: 'svc-1234.twil.io', PATH: '/hook' });
  const h = defineFunction({
    summary: 'a test function',
    answers: { 200: {} },
    access: access.webhook(),
    input: { Body: f.string() },
    errors: shape,
    run: async ({ input }) => Reply.twiml(`<Response>${input.Body}</Response>`),
  });
  const signed = { Body: 'hi' };
  const sig = getExpectedTwilioSignature(ctx.AUTH_TOKEN as string, 'https://svc-1234.twil.io/hook', signed);

  it.each([
    ['a list (repeated keys)', ['a', 'b']],
    ['an object (a[b]= keys or JSON)', { b: 'c' }],
    ['null (JSON)', null],
  ])('refuses an extra parameter that is %s with 400, whatever the signature', async (_, value) => {
    const res = await invoke(h, { ...signed, Extra: value }, ctx, { 'x-twilio-signature': sig });
    expect(res.statusCode).toBe(400);
    expect(res.body).toEqual({
      code: 'UNSIGNED_PARAMETER',
      error: 'Extra is not a single value, which a Twilio signature never covers',
    });
  });

  it('accepts the same request with single values', async () => {
    expect((await invoke(h, signed, ctx, { 'x-twilio-signature': sig })).statusCode).toBe(200);
  });
});
