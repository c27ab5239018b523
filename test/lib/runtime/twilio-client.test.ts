import { useEmulator } from '../../support/emulator';

const t = useEmulator();

describe('Twilio client factory against the emulator', () => {
  it('rewrites every Twilio host to the emulator', async () => {
    const numbers = await t().client.incomingPhoneNumbers.list();
    expect(numbers.map((n) => n.phoneNumber)).toEqual(expect.arrayContaining(['+14155550100', '+14155550111']));
  });

  it('retries 503 with jitter and succeeds', async () => {
    await t().control('POST', '/_emulator/faults', { match: 'IncomingPhoneNumbers.json', status: 503, count: 2 });
    const numbers = await t().client.incomingPhoneNumbers.list();
    expect(numbers.length).toBeGreaterThan(0);
    await t().control('DELETE', '/_emulator/faults');
  });

  it("gives up after its attempts and surfaces Twilio's error", async () => {
    await t().control('POST', '/_emulator/faults', { match: 'IncomingPhoneNumbers.json', status: 429 });
    const client = t().clientWith({ maxAttempts: 2, baseDelayMs: 5 });
    await expect(client.incomingPhoneNumbers.list()).rejects.toMatchObject({ status: 429, code: 20429 });
    await t().control('DELETE', '/_emulator/faults');
  });

  it('keeps total retry sleep within its budget', async () => {
    await t().control('POST', '/_emulator/faults', { match: 'IncomingPhoneNumbers.json', status: 503 });
    const client = t().clientWith({ maxAttempts: 10, baseDelayMs: 400, maxTotalSleepMs: 300 });
    const started = Date.now();
    await expect(client.incomingPhoneNumbers.list()).rejects.toMatchObject({ status: 503 });
    expect(Date.now() - started).toBeLessThan(1000);
    await t().control('DELETE', '/_emulator/faults');
  });

  it('times out a slow Twilio and does not repeat a POST that may have landed', async () => {
    await t().control('POST', '/_emulator/faults', { match: 'POST /api/2010-04-01/Accounts/', delay_ms: 400, count: 1 });
    const client = t().clientWith({ timeoutMs: 100 });
    await t().control('DELETE', '/_emulator/requests');
    await expect(client.messages.create({ to: '+14155559999', from: '+14155550100', body: 'slow' })).rejects.toBeDefined();
    const log = await t().control<{ requests: { method: string; path: string }[] }>('GET', '/_emulator/requests');
    await new Promise((r) => setTimeout(r, 450));
    const posts = (
      await t().control<{ requests: { method: string; path: string }[] }>('GET', '/_emulator/requests')
    ).body.requests.filter((r) => r.method === 'POST');
    expect(log.status).toBe(200);
    expect(posts).toHaveLength(1);
    await t().control('DELETE', '/_emulator/faults');
  });

  it("refuses wrong credentials with Twilio's 401 / 20003", async () => {
    const res = await fetch(`${t().url}/api/2010-04-01/Accounts/${t().emu.accountSid}/Messages.json`, {
      headers: { Authorization: `Basic ${Buffer.from(`${t().emu.accountSid}:wrong`).toString('base64')}` },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      code: 20003,
      message: 'Authenticate',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    });
  });
});
