import { startTestEmulator, useEmulator } from '../support/emulator';

const t = useEmulator();

/** Plain HTTP to the emulator, with the given credentials (none: no Authorization header). */
async function request(method: string, path: string, credentials?: [string, string]): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = credentials
    ? { Authorization: `Basic ${Buffer.from(credentials.join(':')).toString('base64')}` }
    : {};
  const res = await fetch(`${t().url}${path}`, { method, headers });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const AUTHENTICATE = { status: 401, code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003' };

describe('the emulated Account resource', () => {
  it('answers the account for its own credentials: active, full, with its subresources', async () => {
    const { client, emu } = t();
    const account = await client.api.v2010.accounts(emu.accountSid).fetch();
    expect(account).toMatchObject({
      sid: emu.accountSid,
      ownerAccountSid: emu.accountSid,
      status: 'active',
      type: 'Full',
      authToken: emu.authToken,
      uri: `/2010-04-01/Accounts/${emu.accountSid}.json`,
    });
    expect(account.friendlyName).toEqual(expect.any(String));
    expect(account.dateCreated).toBeInstanceOf(Date);
    expect(account.subresourceUris).toMatchObject({
      messages: `/2010-04-01/Accounts/${emu.accountSid}/Messages.json`,
      calls: `/2010-04-01/Accounts/${emu.accountSid}/Calls.json`,
      incoming_phone_numbers: `/2010-04-01/Accounts/${emu.accountSid}/IncomingPhoneNumbers.json`,
    });
    // The SDK's shortcut for the same call.
    expect((await client.api.v2010.account.fetch()).sid).toBe(emu.accountSid);
  });

  it('refuses wrong credentials with 401 / 20003, and another account with 404', async () => {
    const { emu } = t();
    const path = `/api/2010-04-01/Accounts/${emu.accountSid}.json`;
    expect(await request('GET', path)).toEqual({ status: 401, body: AUTHENTICATE });
    expect(await request('GET', path, [emu.accountSid, 'not-the-token'])).toEqual({ status: 401, body: AUTHENTICATE });
    const other = `AC${'1'.repeat(32)}`;
    expect(await request('GET', `/api/2010-04-01/Accounts/${other}.json`, [emu.accountSid, emu.authToken])).toMatchObject({
      status: 404,
      body: { code: 20404 },
    });
  });
});

describe('authentication before routing', () => {
  it('answers 401 for a Twilio path the emulator does not serve when credentials are missing or wrong, 404 when right', async () => {
    const { emu } = t();
    const queues = `/api/2010-04-01/Accounts/${emu.accountSid}/Queues.json`;
    expect(await request('GET', queues)).toEqual({ status: 401, body: AUTHENTICATE });
    expect(await request('POST', queues, ['ACwrong', 'wrong'])).toEqual({ status: 401, body: AUTHENTICATE });
    expect(await request('GET', queues, [emu.accountSid, emu.authToken])).toMatchObject({ status: 404, body: { code: 20404 } });
  });

  it('does the same for paths and methods Twilio documents nowhere (outside the contract check)', async () => {
    const other = await startTestEmulator();
    try {
      const send = async (method: string, path: string, auth: boolean): Promise<number> =>
        (
          await fetch(`${other.url}${path}`, {
            method,
            headers: auth
              ? { Authorization: `Basic ${Buffer.from(`${other.emu.accountSid}:${other.emu.authToken}`).toString('base64')}` }
              : {},
          })
        ).status;
      expect(await send('GET', '/nothing/v1/Here', false)).toBe(401);
      expect(await send('GET', '/nothing/v1/Here', true)).toBe(404);
      expect(await send('GET', '/favicon.ico', false)).toBe(401);
      // A known path with a method it does not take.
      const messages = `/api/2010-04-01/Accounts/${other.emu.accountSid}/Messages.json`;
      expect(await send('PUT', messages, false)).toBe(401);
      expect(await send('PUT', messages, true)).toBe(405);
    } finally {
      await other.close();
    }
  });

  it('keeps the control API open', async () => {
    expect((await request('GET', '/_emulator/health')).status).toBe(200);
    expect((await request('GET', '/_emulator/nothing')).status).toBe(404);
  });
});
