import twilio from 'twilio';
import jwt from 'jsonwebtoken';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startTestEmulator, useEmulator } from '../support/emulator';
import { twiml, untilDone, untilView, useFakeService } from '../support/fake-service';

const t = useEmulator();
const fake = useFakeService(t);

const { AccessToken } = twilio.jwt;
const { VoiceGrant } = AccessToken;

interface Key {
  sid: string;
  secret: string;
}

interface Device {
  device_sid: string;
  identity: string;
  incoming: boolean;
  outgoing_application_sid: string | null;
  ringing?: { call_sid: string; parent_call_sid: string | null; to: string; status: string }[];
}

interface Refusal {
  code: number;
  message: string;
  status: number;
  detail: string;
}

/** An Access Token for the Voice SDK, minted by the twilio library as the service mints it. */
function voiceToken(
  key: Key,
  identity: string,
  opts: { appSid?: string; incoming?: boolean; ttl?: number; nbf?: number; secret?: string } = {},
): string {
  const token = new AccessToken(t().emu.accountSid, key.sid, opts.secret ?? key.secret, {
    identity,
    ttl: opts.ttl ?? 3600,
    ...(opts.nbf !== undefined ? { nbf: opts.nbf } : {}),
  });
  token.addGrant(new VoiceGrant({ incomingAllow: opts.incoming ?? true, outgoingApplicationSid: opts.appSid }));
  return token.toJwt();
}

describe('simulated Voice SDK devices', () => {
  let key: Key;
  let appSid: string;
  beforeAll(async () => {
    const k = await t().client.newKeys.create({ friendlyName: 'devices test' });
    key = { sid: k.sid, secret: k.secret };
    const voiceUrl = fake().on('/app/voice', (params) =>
      twiml(`<Dial callerId="+14155550100"><Number>${params.To}</Number></Dial>`),
    );
    appSid = (await t().client.applications.create({ friendlyName: 'Browser calls', voiceUrl })).sid;
  });

  const register = (token: string) => t().control<Device & Refusal>('POST', '/_emulator/devices', { token });

  it('registers a device with a valid token, for incoming calls and through the app', async () => {
    const r = await register(voiceToken(key, 'alice', { appSid }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ identity: 'alice', incoming: true, outgoing_application_sid: appSid });
    const listed = await t().control<{ devices: Device[] }>('GET', '/_emulator/devices?identity=alice');
    expect(listed.body.devices.map((d) => d.device_sid)).toEqual([r.body.device_sid]);
  });

  it('refuses tokens as Twilio does: wrong secret, expired, not yet valid, unknown key, no grant', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = jwt.sign(
      { jti: 'x', iss: key.sid, sub: t().emu.accountSid, iat: now - 7200, exp: now - 3600, grants: { identity: 'a', voice: {} } },
      key.secret,
      { header: { alg: 'HS256', typ: 'JWT', cty: 'twilio-fpa;v=1' } as jwt.JwtHeader },
    );
    const noVoice = new AccessToken(t().emu.accountSid, key.sid, key.secret, { identity: 'a' }).toJwt();
    const cases: [string, number, string][] = [
      [voiceToken(key, 'mallory', { secret: 'not-the-secret-of-this-key-00000' }), 20107, 'Invalid Access Token signature'],
      [expired, 20104, 'Access Token expired or expiration date invalid'],
      [voiceToken(key, 'a', { ttl: 90_000 }), 20104, 'Access Token expired or expiration date invalid'],
      [voiceToken(key, 'a', { nbf: now + 600 }), 20105, 'Access Token not yet valid'],
      [voiceToken({ sid: `SK${'1'.repeat(32)}`, secret: key.secret }, 'a'), 20103, 'Invalid Access Token issuer/subject'],
      [noVoice, 20106, 'Invalid Access Token grants'],
      ['not-a-jwt', 20101, 'Invalid Access Token'],
    ];
    for (const [token, code, message] of cases) {
      const r = await register(token);
      expect({ status: r.status, code: r.body.code, message: r.body.message }).toEqual({ status: 401, code, message });
    }
    // A deleted key's tokens stop working.
    const k = await t().client.newKeys.create();
    const token = voiceToken({ sid: k.sid, secret: k.secret }, 'bob');
    expect((await register(token)).status).toBe(201);
    await t().client.keys(k.sid).remove();
    expect((await register(token)).body.code).toBe(20103);
  });

  it('rings the registered device on an inbound <Dial><Client>, which answers it', async () => {
    const { client, control } = t();
    await register(voiceToken(key, 'carol'));
    const n = await client.incomingPhoneNumbers.create({
      areaCode: '206',
      voiceUrl: fake().on('/inbound', twiml('<Dial timeout="20"><Client>carol</Client></Dial>')),
    });
    const call = await control<{ call_sid: string }>('POST', '/_emulator/inbound-call', {
      From: '+14155559999',
      To: n.phoneNumber,
    });
    const ringing = await untilView(t(), call.body.call_sid, (v) => v.waiting?.kind === 'client');
    const [device] = (await control<{ devices: Device[] }>('GET', '/_emulator/devices?identity=carol')).body.devices;
    expect(device.ringing).toEqual([
      expect.objectContaining({ parent_call_sid: call.body.call_sid, to: 'client:carol', status: 'ringing' }),
    ]);
    expect(ringing.children[0].call_sid).toBe(device.ringing?.[0].call_sid);
    const answered = await control('POST', '/_emulator/devices/carol/answer', { duration: 30 });
    expect(answered).toMatchObject({ status: 200, body: { call_sid: ringing.children[0].call_sid, accepted: true } });
    const done = await untilDone(t(), call.body.call_sid);
    expect(done.verbs[0]).toMatchObject({ verb: 'Dial', client: 'carol', outcome: 'completed', duration: 30 });
    expect((await control('POST', '/_emulator/devices/carol/answer', {})).status).toBe(409);
    expect((await control('POST', '/_emulator/devices/nobody/answer', {})).status).toBe(404);
  });

  it('declines a ringing call from the device', async () => {
    const { client, control } = t();
    await register(voiceToken(key, 'dave'));
    const url = fake().on('/dial-dave', twiml('<Dial><Client>dave</Client></Dial>'));
    const call = await client.calls.create({ to: '+14155558123', from: '+14155550100', url });
    await untilView(t(), call.sid, (v) => v.waiting?.kind === 'client');
    expect((await control('POST', '/_emulator/devices/dave/decline', {})).status).toBe(200);
    const done = await untilDone(t(), call.sid);
    expect(done.verbs[0]).toMatchObject({ verb: 'Dial', client: 'dave', outcome: 'busy' });
  });

  it("connects like device.connect(): the app's Voice URL gets a signed request and its <Dial> makes the child leg", async () => {
    const { client, control } = t();
    await register(voiceToken(key, 'erin', { appSid, incoming: false }));
    const r = await control<{ call_sid: string; application_sid: string }>('POST', '/_emulator/devices/erin/connect', {
      To: '+14155557788',
      params: { recording: 'true', From: '+19999999999' },
    });
    expect(r).toMatchObject({ status: 200, body: { application_sid: appSid } });
    const hits = await fake().waitFor('/app/voice');
    const hit = hits.find((h) => h.params.CallSid === r.body.call_sid);
    expect(hit?.signatureValid).toBe(true);
    expect(hit?.params).toMatchObject({
      AccountSid: t().emu.accountSid,
      ApplicationSid: appSid,
      From: 'client:erin',
      Caller: 'client:erin',
      To: '+14155557788',
      Direction: 'inbound',
      recording: 'true',
    });
    const done = await untilDone(t(), r.body.call_sid);
    expect(done.status).toBe('completed');
    expect(done.children).toEqual([expect.objectContaining({ to: '+14155557788', status: 'completed' })]);
    const [leg] = await client.calls.list({ parentCallSid: r.body.call_sid });
    expect(leg).toMatchObject({ from: '+14155550100', to: '+14155557788', direction: 'outbound-dial' });
    // erin's token allows no incoming calls: nothing can be answered from it.
    expect((await control('POST', '/_emulator/devices/erin/answer', {})).status).toBe(404);
  });

  it('refuses to connect without an outgoing application, and unregisters', async () => {
    const { control } = t();
    const d = await register(voiceToken(key, 'frank'));
    expect((await control('POST', '/_emulator/devices/frank/connect', { To: '+14155550123' })).status).toBe(403);
    expect((await control('POST', '/_emulator/devices/nobody/connect', {})).status).toBe(404);
    expect((await control('DELETE', `/_emulator/devices/${d.body.device_sid}`)).status).toBe(204);
    expect((await control<{ devices: Device[] }>('GET', '/_emulator/devices?identity=frank')).body.devices).toEqual([]);
  });

  it('keeps registered devices across a restart, and forgets them on reset', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'emu-devices-'));
    const first = await startTestEmulator({ stateDir });
    const k = await first.client.newKeys.create();
    const token = new AccessToken(first.emu.accountSid, k.sid, k.secret, { identity: 'gina' });
    token.addGrant(new VoiceGrant({ incomingAllow: true }));
    expect((await first.control('POST', '/_emulator/devices', { token: token.toJwt() })).status).toBe(201);
    await first.close();
    const second = await startTestEmulator({ stateDir });
    try {
      const listed = await second.control<{ devices: Device[] }>('GET', '/_emulator/devices');
      expect(listed.body.devices.map((d) => d.identity)).toEqual(['gina']);
      await second.control('POST', '/_emulator/reset');
      expect((await second.control<{ devices: Device[] }>('GET', '/_emulator/devices')).body.devices).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
