/**
 * What a developer meets on the local server (`npm start`), over HTTP: a copy of .env.example works with
 * every feature, the local server's own errors answer JSON, the landing page is at `/`, a signature failure
 * names the URL it checked, and each request is one log line.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { parse } from 'dotenv';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { localSettings, withEmulatorDefaults } from '../../scripts/dev-env';
import { twilioEvent } from '../../scripts/local-requests';
import { eventually } from '../support/emulator';
import { useService } from '../support/service';

const ROOT = join(__dirname, '..', '..');
const lines: string[] = [];
const s = useService({
  log: (line) => lines.push(line),
  // Exactly what `cp .env.example .env && npm start` gives the functions.
  localEnv: async (t) => {
    const settings = localSettings(parse(readFileSync(join(ROOT, '.env.example'))), {}, ROOT);
    if ('problems' in settings) throw new Error(settings.problems.join('\n'));
    const numbers = await t.client.incomingPhoneNumbers.list();
    return withEmulatorDefaults(
      settings.env,
      numbers.map((n) => ({ phone_number: n.phoneNumber, sms_url: n.smsUrl })),
    ).env;
  },
});

const logged = (pattern: RegExp): Promise<string> => eventually(() => lines.find((l) => pattern.test(l)));

describe('a copy of .env.example', () => {
  it('sends WhatsApp messages and places WhatsApp calls out of the box', async () => {
    const token = await s().flexToken('alice');
    const message = await s().post<{ success: boolean; type: string }>('/api/message', {
      token,
      json: { to: '+14155552671', message: 'hello', type: 'whatsapp' },
    });
    expect(message.status).toBe(200);
    expect(message.body).toMatchObject({ success: true, type: 'whatsapp' });
    const call = await s().post<{ success: boolean; from: string }>('/api/call', {
      token,
      json: { to: '+14155552671', whatsapp: true },
    });
    expect(call.status).toBe(200);
    expect(call.body).toMatchObject({ success: true, from: 'whatsapp:+14155550111' });
  });

  it('accepts the local basic-auth credentials', async () => {
    const res = await s().post('/api/message', {
      headers: { Authorization: `Basic ${Buffer.from('dev:dev-password').toString('base64')}` },
      json: { to: '+14155552671', message: 'from a script' },
    });
    expect(res.status).toBe(200);
  });
});

describe("the local server's own errors", () => {
  const big = `"${'a'.repeat(1024 * 1024)}"`;
  const chunked = (): ReadableStream<Uint8Array> =>
    new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
  const cases: [string, () => Promise<Response>, number, string][] = [
    [
      'malformed JSON',
      () => fetch(`${s().url}/api/send-sms`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"to":' }),
      400,
      'The request body is not valid JSON',
    ],
    [
      'a body over 1 MB',
      () => fetch(`${s().url}/api/send-sms`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: big }),
      413,
      'The request body is over 1 MB, the most Twilio Functions accept',
    ],
    [
      'a chunked body over 1 MB',
      () =>
        fetch(`${s().url}/api/send-sms`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: chunked(),
          duplex: 'half',
        } as RequestInit),
      413,
      'The request body is over 1 MB, the most Twilio Functions accept',
    ],
    [
      'an unsupported Content-Encoding',
      () =>
        fetch(`${s().url}/api/send-sms`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'br' },
          body: '{}',
        }),
      415,
      "The request's Content-Encoding is not supported",
    ],
    [
      'a gzip body that is not gzip',
      () =>
        fetch(`${s().url}/api/send-sms`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
          body: 'not gzip',
        }),
      400,
      'The request could not be read',
    ],
    [
      'an unsupported charset',
      () =>
        fetch(`${s().url}/webhook/incoming-message`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=klingon' },
          body: 'Body=x',
        }),
      415,
      "The request's charset is not supported",
    ],
    [
      'a path that is not valid percent-encoding',
      () => fetch(`${s().url}/api/%E0%A4%A`),
      400,
      'The request path is not valid percent-encoding',
    ],
  ];

  it.each(cases)('%s answers JSON {error} with a 4xx and no internals', async (_name, send, status, error) => {
    const res = await send();
    const text = await res.text();
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(text)).toEqual({ error });
    expect(text).not.toMatch(/node_modules|\/work\/|\bat \S+ \(|Error:/);
  });

  it('still reads a gzip-encoded body, as the dev server always did', async () => {
    const res = await fetch(`${s().url}/api/send-sms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: gzipSync('{"to":"+14155552671"}'),
    });
    expect(res.status).toBe(401); // reached the function, which wants a Flex token
  });
});

describe('landing page', () => {
  it('is served at /', async () => {
    const root = await fetch(`${s().url}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await root.text()).toBe(await (await fetch(`${s().url}/index.html`)).text());
  });
});

describe('a signature failure', () => {
  const params = { MessageSid: `SM${'1'.repeat(32)}`, From: '+14155559999', To: '+14155550111', Body: 'hi' };

  it('names the URL it checked, never the signature it expected', async () => {
    const url = `${s().url}/webhook/incoming-message`;
    const res = await s().webhook('/webhook/incoming-message', params, 'Zm9yZ2Vk');
    expect(res.status).toBe(403);
    expect(res.text).toContain(`Invalid Twilio signature for ${url}: `);
    expect(res.text).not.toContain(getExpectedTwilioSignature(s().env.AUTH_TOKEN, url, params));
  });

  it('says so when the signature is missing', async () => {
    const res = await s().post('/webhook/incoming-message', { form: params });
    expect(res.status).toBe(403);
    expect(res.text).toContain(`Missing X-Twilio-Signature (this webhook checks it for ${s().url}/webhook/incoming-message)`);
  });
});

describe('request log', () => {
  it('prints method, path, status and time, never the query', async () => {
    const token = await s().flexToken('alice');
    await s().get('/api/sms-logs', { token });
    const line = await logged(/^GET \/api\/sms-logs /);
    expect(line).toMatch(/^GET \/api\/sms-logs 200 \d+ ms$/);
  });

  it('names the Twilio event of a webhook', async () => {
    await s().t.control('POST', '/_emulator/inbound-sms', { From: '+14155559999', To: '+14155550100', Body: 'Hello' });
    expect(await logged(/^POST \/api\/receive-sms /)).toMatch(
      /^POST \/api\/receive-sms 200 \d+ ms inbound SMS from \+14155559999$/,
    );
    const callSid = `CA${'2'.repeat(32)}`;
    await s().webhook('/webhooks/twilio/call-status', { CallSid: callSid, CallStatus: 'ringing', From: '+1', To: '+1' });
    expect(await logged(/^POST \/webhooks\/twilio\/call-status .*CallStatus=ringing$/)).toMatch(/ \d+ ms CallStatus=ringing$/);
  });

  it.each([
    [{ MessageStatus: 'delivered', MessageSid: 'SM1' }, 'MessageStatus=delivered'],
    [{ CallStatus: 'in-progress', DialCallStatus: 'no-answer' }, 'DialCallStatus=no-answer'],
    [{ RecordingStatus: 'completed', CallStatus: 'completed' }, 'RecordingStatus=completed'],
    [{ SmsStatus: 'received', From: 'whatsapp:+14155559999', Body: 'x' }, 'inbound WhatsApp from whatsapp:+14155559999'],
    [{ Token: 'x' }, undefined],
  ])('describes %j as %s', (params, expected) => {
    expect(twilioEvent(params)).toBe(expected);
  });
});
