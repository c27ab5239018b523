/**
 * The console's local-only routes (`/_dev/...`, scripts/local-dev-routes.ts) over HTTP: against the emulator
 * they mint Flex tokens and drive the simulated Voice SDK device, checking what they pass on; without the
 * emulator they do not exist.
 */
import { startFunctions } from '../../scripts/local-server';
import { usePlatform } from '../support/platform';

const s = usePlatform();

interface Minted {
  token: string;
  expiration: number;
}

describe('dev routes against the emulator', () => {
  it('offer the dev sign-in, and mint a Flex token the functions accept with the role asked for', async () => {
    const offer = await s().get('/_dev/sign-in');
    expect([offer.status, offer.body]).toEqual([200, { roles: ['agent', 'supervisor', 'admin'] }]);
    const agent = await s().post<Minted>('/_dev/sign-in', { json: { identity: 'dana', role: 'agent' } });
    expect(agent.status).toBe(200);
    expect((await s().get('/api/twilio/my-numbers', { token: agent.body.token })).status).toBe(200);
    expect((await s().get('/api/admin/users', { token: agent.body.token })).status).toBe(403);
    const admin = await s().post<Minted>('/_dev/sign-in', { json: { identity: 'dana', role: 'admin' } });
    expect((await s().get('/api/admin/users', { token: admin.body.token })).status).toBe(200);
  });

  it.each([
    [{ identity: '', role: 'agent' }, 'identity must be letters, digits and . _ @ - (1 to 64)'],
    [{ identity: 'x'.repeat(65), role: 'agent' }, 'identity must be letters, digits and . _ @ - (1 to 64)'],
    [{ identity: { $ne: 1 }, role: 'agent' }, 'identity must be letters, digits and . _ @ - (1 to 64)'],
    [{ identity: 'dana', role: 'owner' }, 'role must be one of agent, supervisor, admin'],
    [{ identity: 'dana', role: ['admin'] }, 'role must be one of agent, supervisor, admin'],
  ])('refuse a sign-in of %j with 400 naming the field', async (json, error) => {
    const res = await s().post('/_dev/sign-in', { json });
    expect([res.status, res.body]).toEqual([400, { error }]);
  });

  it('register a device with the agent’s access token, place a call from it, and see who it rings', async () => {
    const minted = await s().post<Minted>('/_dev/sign-in', { json: { identity: 'erin', role: 'agent' } });
    const access = await s().get<{ token: string; identity: string }>('/api/twilio/access-token', { token: minted.body.token });
    const device = await s().post<{ identity: string; incoming: boolean }>('/_dev/devices', {
      json: { token: access.body.token },
    });
    expect([device.status, device.body.identity, device.body.incoming]).toEqual([201, access.body.identity, true]);
    const listed = await s().get<{ devices: { identity: string; ringing: unknown[] }[] }>('/_dev/devices', {
      query: { identity: access.body.identity },
    });
    expect(listed.body.devices).toEqual([expect.objectContaining({ identity: access.body.identity, ringing: [] })]);
    const call = await s().post<{ call_sid: string }>(`/_dev/devices/${access.body.identity}/connect`, {
      json: { params: { To: '+14155557788', record: 'false' } },
    });
    expect(call.status).toBe(200);
    expect(call.body.call_sid).toMatch(/^CA[0-9a-f]{32}$/);
    // Nothing rings the agent, so there is nothing to answer: the emulator's 409 comes back as it is.
    const answer = await s().post<{ message: string }>(`/_dev/devices/${access.body.identity}/answer`, { json: {} });
    expect(answer.status).toBe(409);
  });

  it('pass on the emulator’s refusals and refuse malformed requests themselves', async () => {
    const forged = await s().post<{ code: number }>('/_dev/devices', { json: { token: 'not.a.token' } });
    expect([forged.status, forged.body.code]).toEqual([401, 20101]);
    expect((await s().post('/_dev/devices', { json: { token: 42 } })).body).toEqual({ error: 'token must be an access token' });
    const badTo = await s().post('/_dev/devices/u1_erin/connect', { json: { params: { To: '911' } } });
    expect([badTo.status, badTo.body]).toEqual([400, { error: 'To must be a phone number in E.164 (+14155557788)' }]);
    const badSid = await s().post('/_dev/devices/u1_erin/decline', { json: { call_sid: '../reset' } });
    expect([badSid.status, badSid.body]).toEqual([400, { error: 'call_sid must be a call SID (CA...)' }]);
    expect((await s().post('/_dev/devices/..%2F..%2F_emulator%2Freset/answer', { json: {} })).status).toBe(400);
    expect((await s().get('/_dev/devices', { query: { identity: '' } })).status).toBe(400);
    expect((await s().post('/_dev/reset')).status).toBe(404);
    // A form post (which another site's page could send without a preflight) is not taken.
    const form = await s().post('/_dev/sign-in', { form: { identity: 'mallory', role: 'admin' } });
    expect([form.status, form.body]).toEqual([400, { error: 'The body must be JSON (Content-Type: application/json)' }]);
  });
});

describe('dev routes against a real account', () => {
  it('do not exist', async () => {
    const fns = await startFunctions({ env: { ACCOUNT_SID: `AC${'0'.repeat(32)}`, AUTH_TOKEN: 'x' } });
    try {
      const res = await fetch(`${fns.url}/_dev/sign-in`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type') ?? '').not.toMatch(/json/);
    } finally {
      await fns.close();
    }
  });
});
