/**
 * The deploy rehearsal end to end: this project's build deployed to the emulator by the Serverless Toolkit's
 * own deploy code, then used as Twilio would use it. The deployed functions answer like the local ones (both
 * run against the same emulator), a signed inbound SMS reaches the deployed webhook through the emulator, and
 * the gateway refuses what Twilio's refuses.
 */
import type { DeployResult } from '@twilio-labs/serverless-api';
import { deployThisBuild, domainClient } from '../support/deployed';
import { SERVICE_DEFAULTS, useService } from '../support/service';

const svc = useService();
let deployed: DeployResult;
let gateway: ReturnType<typeof domainClient>;

beforeAll(async () => {
  const { emu, url } = svc().t;
  deployed = await deployThisBuild({ url, accountSid: emu.accountSid, authToken: emu.authToken }, SERVICE_DEFAULTS);
  gateway = domainClient(url, deployed.domain, emu.authToken);
}, 60_000);

describe('the build deployed to the emulator', () => {
  it('is served at its domain, every function of the build with it', async () => {
    expect(deployed.domain).toMatch(/^flex-contact-centre-backend-\d{4}-dev\.twil\.io$/);
    const env = svc().t.deployments.byDomain(deployed.domain);
    expect(env?.functions.length).toBeGreaterThan(50);
    const res = await gateway.send('/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys((JSON.parse(res.text) as { paths: object }).paths).length).toBe(
      env!.functions.filter((f) => f.visibility !== 'private').length,
    );
  });

  it('answers like the local functions: public, Flex-token and bearer requests, and refusals', async () => {
    const token = await svc().flexToken('alice', ['agent']);
    const probes: [string, RequestInit?][] = [
      ['/api'],
      ['/phone/health'],
      [`/api/call-location-name?phone_number=%2B14155550100&Token=${token}`],
      [`/api/twilio/my-numbers?Token=${token}`],
      ['/api/twilio/my-numbers'],
      [
        '/api/send-sms',
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ Token: token }) },
      ],
    ];
    for (const [path, init] of probes) {
      const local = await fetch(`${svc().url}${path}`, init);
      const remote = await gateway.send(path, init);
      expect({ path, status: remote.status }).toEqual({ path, status: local.status });
      expect(JSON.parse(remote.text)).toEqual(JSON.parse(await local.text()));
    }
  });

  it('takes a signed inbound SMS from the emulator at its protected webhook and answers TwiML', async () => {
    const { t } = svc();
    const [number] = await t.client.incomingPhoneNumbers.list({ limit: 1 });
    await t.client.incomingPhoneNumbers(number.sid).update({ smsUrl: `https://${deployed.domain}/api/receive-sms` });
    await t.control('DELETE', '/_emulator/requests');
    const sent = await t.control<{ sid: string }>('POST', '/_emulator/inbound-sms', {
      From: '+14155559999',
      To: number.phoneNumber,
      Body: 'Hello from the rehearsal',
    });
    expect(sent.status).toBeLessThan(300);
    const log = await t.control<{ requests: { kind: string; host: string; path: string; status: number }[] }>(
      'GET',
      '/_emulator/requests',
    );
    const webhook = log.body.requests.find((r) => r.kind === 'webhook' && r.host === deployed.domain);
    expect(webhook).toMatchObject({ path: '/api/receive-sms', status: 200 });
    await t.emu.quiesce();
    const replies = await t.client.messages.list({ from: number.phoneNumber, to: '+14155559999', limit: 5 });
    expect(replies.map((m) => m.body)).toContainEqual(
      expect.stringContaining("your message 'Hello from the rehea...' was received by our service number"),
    );
  });

  it('refuses a forged webhook at the gateway with 400, before the function runs', async () => {
    const res = await gateway.webhook('/api/receive-sms', { From: '+14155559999', To: '+14155550111', Body: 'x' }, 'forged');
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/at \S+\.js|\/work\//);
  });

  it('keeps private what is private and refuses methods functions do not answer', async () => {
    expect((await gateway.send('/api', { method: 'PUT' })).status).toBe(405);
    expect((await gateway.send('/no/such/function')).status).toBe(404);
  });
});
