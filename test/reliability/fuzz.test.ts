/**
 * Malformed input against every function, with valid credentials so the input parsing is what is
 * exercised: nothing answers 5xx, nothing leaks a stack trace, every answer is in its documented shape.
 * Seeded, so a failure names a payload that can be replayed.
 */
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { useService } from '../support/service';

const s = useService();

type Caller = 'flex' | 'basic' | 'webhook' | 'none';
interface Target {
  path: string;
  method: 'GET' | 'POST';
  caller: Caller;
  fields: string[];
  /** Keys the JSON error body has (XML answers are checked for a <Response>). */
  errorKeys: string[];
}

const TARGETS: Target[] = [
  {
    path: '/api/call-location-name',
    method: 'GET',
    caller: 'flex',
    fields: ['phone_number'],
    errorKeys: ['location', 'friendly_name'],
  },
  { path: '/api/send-sms', method: 'POST', caller: 'flex', fields: ['to', 'from', 'body'], errorKeys: ['error'] },
  {
    path: '/api/receive-sms',
    method: 'POST',
    caller: 'webhook',
    fields: ['From', 'To', 'Body'],
    errorKeys: ['status', 'message'],
  },
  { path: '/api/call', method: 'POST', caller: 'basic', fields: ['to', 'whatsapp'], errorKeys: ['error'] },
  { path: '/api/message', method: 'POST', caller: 'basic', fields: ['to', 'message', 'type', 'media_url'], errorKeys: ['error'] },
  {
    path: '/webhook/incoming-call',
    method: 'POST',
    caller: 'webhook',
    fields: ['CallSid', 'To', 'From', 'DialCallStatus', 'RecordingUrl'],
    errorKeys: ['error'],
  },
  {
    path: '/webhook/incoming-message',
    method: 'POST',
    caller: 'webhook',
    fields: ['MessageSid', 'From', 'To', 'Body', 'NumMedia', 'ProfileName', 'MediaUrl0'],
    errorKeys: ['error'],
  },
  { path: '/phone/call', method: 'POST', caller: 'flex', fields: ['to_number', 'twiml_url'], errorKeys: ['detail'] },
  { path: '/phone/call-status', method: 'GET', caller: 'flex', fields: ['call_sid'], errorKeys: ['detail'] },
  { path: '/phone/calls', method: 'GET', caller: 'flex', fields: ['limit'], errorKeys: ['detail'] },
  {
    path: '/webhooks/twilio/call-status',
    method: 'POST',
    caller: 'webhook',
    fields: ['CallSid', 'CallStatus', 'CallDuration', 'SequenceNumber', 'Timestamp', 'Price'],
    errorKeys: ['success', 'error', 'message'],
  },
  {
    path: '/webhooks/twilio/recording-status',
    method: 'POST',
    caller: 'webhook',
    fields: ['RecordingSid', 'CallSid', 'RecordingStatus', 'RecordingDuration', 'RecordingUrl', 'RecordingChannels'],
    errorKeys: ['success', 'error', 'message'],
  },
];

const STRINGS = [
  '',
  ' ',
  '+',
  '+1',
  '0',
  '-1',
  '1e309',
  'NaN',
  'true',
  'null',
  'undefined',
  '%00',
  '\u0000',
  '\ud800',
  '😀'.repeat(300),
  'x'.repeat(5000),
  '<Response><Hangup/></Response>',
  "'; DROP TABLE calls; --",
  '../../etc/passwd',
  'whatsapp:',
  'whatsapp:+14155559999',
  '+14155559999',
  '+14155550100',
  'CA' + '0'.repeat(32),
  'SM' + 'f'.repeat(32),
  'https://example.com/a.jpg',
  'javascript:alert(1)',
  'completed',
  '{"$gt":""}',
];
const JSON_VALUES: unknown[] = [
  ...STRINGS,
  0,
  -1,
  1.5,
  1e308,
  true,
  false,
  null,
  {},
  [],
  ['a', 'b'],
  { nested: { deep: [1] } },
  [{}],
  Array(50).fill('https://example.com/x.png'),
];

/** mulberry32: small, seeded, good enough to pick test values. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function payload(target: Target, next: () => number): Record<string, unknown> {
  const pool = target.method === 'POST' && target.caller !== 'webhook' ? JSON_VALUES : STRINGS;
  const out: Record<string, unknown> = {};
  for (const f of target.fields) if (next() < 0.8) out[f] = pool[Math.floor(next() * pool.length)];
  if (next() < 0.2) out[`extra_${Math.floor(next() * 100)}`] = pool[Math.floor(next() * pool.length)];
  return out;
}

const STACK = /\bat [\w.<>]+ \(|node_modules|\.(js|ts):\d+:\d+/;
const RUNS = 30;

describe.each(TARGETS)('$method $path', (target) => {
  it(`answers ${RUNS} malformed requests without a 5xx or a stack trace`, async () => {
    const next = rng(target.path.length * 7919);
    const token = target.caller === 'flex' ? await s().flexToken('fuzzer', ['admin']) : undefined;
    for (let i = 0; i < RUNS; i++) {
      const body = payload(target, next);
      let res: { status: number; text: string; headers: Headers };
      if (target.caller === 'webhook') {
        const form: Record<string, string> = {};
        for (const [k, v] of Object.entries(body)) form[k] = String(v);
        res = await s().webhook(target.path, form);
      } else if (target.method === 'GET') {
        const query: Record<string, string> = {};
        for (const [k, v] of Object.entries(body)) query[k] = typeof v === 'string' ? v : JSON.stringify(v);
        res = await s().get(target.path, { query, ...(token ? { token } : {}) });
      } else {
        const headers: Record<string, string> =
          target.caller === 'basic'
            ? { Authorization: `Basic ${Buffer.from(`${s().env.API_USERNAME}:${s().env.API_PASSWORD}`).toString('base64')}` }
            : {};
        res = await s().post(target.path, { json: body, headers, ...(token ? { token } : {}) });
      }
      const context = `payload ${i}: ${JSON.stringify(body).slice(0, 300)} -> ${res.status} ${res.text.slice(0, 300)}`;
      expect({ context, serverError: res.status >= 500 }).toEqual({ context, serverError: false });
      expect(res.text).not.toMatch(STACK);
      if ((res.headers.get('content-type') ?? '').includes('json') && res.status >= 400) {
        expect(Object.keys(JSON.parse(res.text) as object).sort()).toEqual(expect.arrayContaining(target.errorKeys.sort()));
      } else if (
        res.status === 200 &&
        target.caller === 'webhook' &&
        target.path !== '/webhooks/twilio/call-status' &&
        target.path !== '/webhooks/twilio/recording-status'
      ) {
        expect(res.text).toMatch(/<Response>/);
      }
    }
  });
});

it('a webhook signed for one URL is refused at another', async () => {
  const params = { From: '+14155559999', To: '+14155550100', Body: 'x' };
  const sig = getExpectedTwilioSignature(s().t.emu.authToken, `${s().url}/webhook/incoming-message`, params);
  const res = await s().webhook('/api/receive-sms', params, sig);
  expect(res.status).toBe(403);
});
