/**
 * This project's real build, deployed to a domain of the emulator and served by its gateway next to the local
 * server: Twilio's webhooks (signed, forged, sent by the emulator itself), Flex's requests, and what the gateway
 * refuses before any function runs.
 */
import { DOMAIN_PREFIX } from '../../emulator/core/emulator';
import { registerGateway } from '../../emulator/gateway/gateway';
import { builtService, domainClient, MemoryDeployments } from '../support/deployed';
import { SERVICE_DEFAULTS, useService } from '../support/service';

const s = useService();
const deployments = new MemoryDeployments();
const DOMAIN = 'flex-contact-centre-backend-1234-dev.twil.io';
const site = () => domainClient(s().t.url, DOMAIN, s().t.emu.authToken);
const SERVICE_NUMBER = '+14155550111';
const INBOUND = { From: '+14155550188', To: SERVICE_NUMBER, Body: 'Is anyone there?', MessageSid: `SM${'7'.repeat(32)}` };

beforeAll(() => {
  registerGateway(s().t.emu, { deployments });
  const built = builtService();
  deployments.deploy(DOMAIN, {
    variables: SERVICE_DEFAULTS,
    functions: [
      ...built.functions,
      { path: '/internal/ledger-tools', visibility: 'private', content: 'exports.handler = (c, e, cb) => cb(null, "reached");' },
    ],
    assets: built.assets,
  });
});

describe('a deployed build behind the gateway', () => {
  it('answers a signed inbound SMS to a protected webhook with TwiML', async () => {
    const res = await site().webhook('/api/receive-sms', INBOUND);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/xml/);
    expect(res.text).toContain(
      `<Message>Hello, your message &apos;Is anyone there?&apos; was received by our service number ${SERVICE_NUMBER}</Message>`,
    );
  });

  it('refuses a forged or missing signature at the gateway with 400, before the function could answer its own 403', async () => {
    const forged = await site().webhook('/api/receive-sms', INBOUND, 'bm90IGEgc2lnbmF0dXJl');
    expect(forged.status).toBe(400);
    expect(JSON.parse(forged.text)).toEqual({ status: 400, message: expect.stringMatching(/X-Twilio-Signature/) });
    const unsigned = await site().send('/api/receive-sms', { method: 'POST', body: new URLSearchParams(INBOUND) });
    expect(unsigned.status).toBe(400);
  });

  it('answers a Flex-token request as the local server does', async () => {
    const token = await s().flexToken('gateway-agent');
    const local = await s().get('/api/twilio/my-numbers', { token });
    const deployed = await site().send(`/api/twilio/my-numbers?Token=${encodeURIComponent(token)}`);
    expect(local.status).toBe(200);
    expect(deployed.status).toBe(local.status);
    expect(JSON.parse(deployed.text)).toEqual(local.body);
  });

  it('serves the landing page at / and the assets at their paths', async () => {
    const root = await site().send('/');
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toMatch(/html/);
    expect((await site().send('/index.html')).text).toBe(root.text);
  });

  it('keeps private functions, unknown paths and undeployed domains unreachable (404)', async () => {
    expect((await site().send('/internal/ledger-tools')).status).toBe(404);
    expect((await site().send('/api/no-such-function')).status).toBe(404);
    const elsewhere = await domainClient(s().t.url, 'nothing-here-0000-dev.twil.io', s().t.emu.authToken).send(
      '/api/receive-sms',
    );
    expect(elsewhere.status).toBe(404);
  });

  it('refuses PUT with 405 (OPTIONS is answered) and a body over 1 MB with 413', async () => {
    const put = await site().send('/api/send-sms', {
      method: 'PUT',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST, OPTIONS');
    const preflight = await site().send('/api/send-sms', { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    const big = await site().send('/api/send-sms', {
      method: 'POST',
      body: JSON.stringify({ to: '+14155550100', message: 'x'.repeat(1_100_000) }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(big.status).toBe(413);
  });

  it("delivers the emulator's own webhook for https://<domain>/... to the deployed function, validly signed", async () => {
    const { client } = s().t;
    const [number] = await client.incomingPhoneNumbers.list({ phoneNumber: SERVICE_NUMBER });
    const previous = number.smsUrl;
    await client.incomingPhoneNumbers(number.sid).update({ smsUrl: `https://${DOMAIN}/api/receive-sms` });
    try {
      const res = await s().t.control<{ webhook: { status: number; url: string }; replies: unknown[]; errors: unknown[] }>(
        'POST',
        '/_emulator/inbound-sms',
        { From: '+14155550177', To: SERVICE_NUMBER, Body: 'Reached the deployed build?' },
      );
      expect(res.body.webhook).toMatchObject({ status: 200, url: `https://${DOMAIN}/api/receive-sms` });
      expect(res.body.errors).toEqual([]);
      expect(res.body.replies).toHaveLength(1);
    } finally {
      await client.incomingPhoneNumbers(number.sid).update({ smsUrl: previous });
    }
  });

  it("signs a webhook set to the emulator's address of the domain for the domain's https URL", async () => {
    const client = s().t.client;
    const [number] = await client.incomingPhoneNumbers.list({ phoneNumber: SERVICE_NUMBER });
    const previous = number.smsUrl;
    const alias = `${s().t.url}${DOMAIN_PREFIX}${DOMAIN}/api/receive-sms`;
    await client.incomingPhoneNumbers(number.sid).update({ smsUrl: alias });
    try {
      const res = await s().t.control<{ webhook: { status: number; url: string }; replies: unknown[]; errors: unknown[] }>(
        'POST',
        '/_emulator/inbound-sms',
        { From: '+14155550178', To: SERVICE_NUMBER, Body: 'By the printed address' },
      );
      expect(res.body.webhook).toMatchObject({ status: 200, url: alias });
      expect(res.body.errors).toEqual([]);
      expect(res.body.replies).toHaveLength(1);
    } finally {
      await client.incomingPhoneNumbers(number.sid).update({ smsUrl: previous });
    }
  });
});
