/**
 * Hostile input against every function the build serves (see test/support/fuzz.ts), mostly with valid
 * credentials so input parsing is what is exercised: nothing answers 5xx, nothing leaks a stack trace,
 * every error is in the endpoint's documented shape, and the server process survives all of it.
 */
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { usePlatform } from '../support/platform';
import { answerProblems, FUZZ_TABLE, fuzzCase, fuzzTargets, rng, sendFuzzCase } from '../support/fuzz';

// Configured as `npm start` configures it (TwiML App and API key included), so every function gets past its setup.
const s = usePlatform();

// A rejection nobody handles kills a Functions process (and `npm start`); here it is caught and counted.
const escaped: unknown[] = [];
const onEscape = (err: unknown): void => void escaped.push(err);
beforeAll(() => {
  process.on('unhandledRejection', onEscape);
  process.on('uncaughtException', onEscape);
});
afterAll(() => {
  process.off('unhandledRejection', onEscape);
  process.off('uncaughtException', onEscape);
});
afterEach(async () => {
  // Let anything a request left behind settle before judging the process.
  await new Promise((r) => setTimeout(r, 20));
  expect(escaped.map(String)).toEqual([]);
});

const { targets, missing } = fuzzTargets();
const basic = (): string => `Basic ${Buffer.from(`${s().env.API_USERNAME}:${s().env.API_PASSWORD}`).toString('base64')}`;
const RUNS = 30;

it('has a fuzz entry for every function the build serves, and none for a function that is gone', () => {
  expect(missing).toEqual([]);
  expect(Object.keys(FUZZ_TABLE).filter((p) => !targets.some((t) => t.path === p))).toEqual([]);
});

describe('the request that used to kill the process', () => {
  it('answers 400 without credentials, and the server still answers afterwards', async () => {
    const crash = await s().post('/phone/health', { json: { request: { headers: { x: { toString: 1 } } } } });
    expect([crash.status, crash.body]).toEqual([
      400,
      { detail: '`request` is reserved for the request headers; it cannot be sent as a parameter' },
    ]);
    const after = await s().get('/phone/health');
    expect(after.status).toBe(200);
  });

  it('refuses `request` sent as a form field', async () => {
    const res = await fetch(`${s().url}/api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: basic() },
      body: 'to=%2B14155559999&request=x',
    });
    expect(res.status).toBe(400);
  });

  it("a `request` in the query shaped like the runtime's replaces the real headers, and so gains nothing", async () => {
    // The runtime merges the query over its own `request`: the real Authorization and Content-Type are gone.
    const res = await fetch(`${s().url}/api/call?request[headers][content-type]=application/json&request[cookies][a]=b`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: basic() },
      body: JSON.stringify({ to: '+14155559999' }),
    });
    expect([res.status, await res.json()]).toEqual([
      401,
      { error: 'Authentication required: basic auth or a Flex token (Token)' },
    ]);
  });

  it('never takes a webhook signature from a body-supplied `request`', async () => {
    const params = { From: '+14155559999', To: '+14155550100', Body: 'x' };
    const sig = getExpectedTwilioSignature(s().t.emu.authToken, `${s().url}/api/receive-sms`, params);
    const res = await s().post('/api/receive-sms', {
      json: { ...params, request: { headers: { 'x-twilio-signature': { sig } } } },
    });
    expect(res.status).toBe(400);
  });
});

describe.each(targets)('$method $path', (target) => {
  it(`answers ${RUNS} hostile requests without a 5xx or a stack trace, in its error shape`, async () => {
    const next = rng([...target.path].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 7));
    const token = await s().flexToken('fuzzer', ['admin']);
    for (let i = 0; i < RUNS; i++) {
      const c = fuzzCase(target, next);
      const res = await sendFuzzCase(s(), target, c, token);
      const sent = `case ${i}: ${JSON.stringify(c).slice(0, 300)} -> ${res.status} ${res.text.slice(0, 200)}`;
      expect({ sent, problems: answerProblems(target, res) }).toEqual({ sent, problems: [] });
    }
    expect((await s().get('/phone/health')).status).toBe(200);
  });
});
