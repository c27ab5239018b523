import { useEmulator } from '../support/emulator';
import { FakeService } from '../support/fake-service';

const t = useEmulator();

describe('Applications (TwiML Apps) through the twilio SDK', () => {
  it('creates, fetches, lists by FriendlyName, updates and deletes an app', async () => {
    const { client } = t();
    const app = await client.applications.create({
      friendlyName: 'Browser calls',
      voiceUrl: 'https://example.com/voice',
      voiceMethod: 'POST',
      statusCallback: 'https://example.com/status',
    });
    expect(app.sid).toMatch(/^AP[0-9a-f]{32}$/);
    expect(app).toMatchObject({ friendlyName: 'Browser calls', voiceUrl: 'https://example.com/voice', smsUrl: '' });
    await client.applications.create({ friendlyName: 'Other', voiceUrl: 'https://example.com/other' });
    const named = await client.applications.list({ friendlyName: 'Browser calls' });
    expect(named.map((a) => a.sid)).toEqual([app.sid]);
    const updated = await client.applications(app.sid).update({ voiceUrl: 'https://example.com/v2', voiceMethod: 'GET' });
    expect(updated).toMatchObject({ voiceUrl: 'https://example.com/v2', voiceMethod: 'GET', friendlyName: 'Browser calls' });
    expect((await client.applications(app.sid).fetch()).voiceUrl).toBe('https://example.com/v2');
    await expect(client.applications(app.sid).update({ voiceMethod: 'PUT' })).rejects.toMatchObject({ status: 400 });
    expect(await client.applications(app.sid).remove()).toBe(true);
    await expect(client.applications(app.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
    expect(await client.applications.list({ friendlyName: 'Browser calls' })).toEqual([]);
  });
});

describe('Keys through the twilio SDK', () => {
  it('shows the secret once, at creation; lists, renames and deletes keys', async () => {
    const { client } = t();
    const key = await client.newKeys.create({ friendlyName: 'softphone tokens' });
    expect(key.sid).toMatch(/^SK[0-9a-f]{32}$/);
    expect(key.secret).toMatch(/^\S{32}$/);
    const fetched = await client.keys(key.sid).fetch();
    expect(fetched.friendlyName).toBe('softphone tokens');
    expect(fetched.toJSON()).not.toHaveProperty('secret');
    const listed = await client.keys.list();
    expect(listed.map((k) => k.sid)).toContain(key.sid);
    expect((await client.keys(key.sid).update({ friendlyName: 'renamed' })).friendlyName).toBe('renamed');
    expect(await client.keys(key.sid).remove()).toBe(true);
    await expect(client.keys(key.sid).fetch()).rejects.toMatchObject({ status: 404 });
  });
});

describe('a number answered by a TwiML App', () => {
  let svc: FakeService;
  beforeAll(async () => {
    svc = await new FakeService(t().emu.authToken).start();
  });
  afterAll(() => svc.close());

  it("runs the app's Voice URL for an inbound call, with ApplicationSid, instead of the number's own", async () => {
    const { client, control } = t();
    const voiceUrl = svc.on('/app/voice', '<Response><Say>Hello from the app</Say></Response>');
    svc.on('/number/voice', '<Response><Say>Number</Say></Response>');
    const app = await client.applications.create({ friendlyName: 'Inbound app', voiceUrl });
    const n = await client.incomingPhoneNumbers.create({
      areaCode: '415',
      voiceUrl: `${svc.url}/number/voice`,
      voiceApplicationSid: app.sid,
    });
    expect(n.voiceApplicationSid).toBe(app.sid);
    const started = await control<{ call_sid: string }>('POST', '/_emulator/inbound-call', {
      From: '+14155559999',
      To: n.phoneNumber,
    });
    expect(started.status).toBe(200);
    const [hit] = await svc.waitFor('/app/voice');
    expect(hit.signatureValid).toBe(true);
    expect(hit.params).toMatchObject({ ApplicationSid: app.sid, CallSid: started.body.call_sid, To: n.phoneNumber });
    expect(svc.hitsTo('/number/voice')).toHaveLength(0);
    // Unsetting the app gives the number its own URL back.
    await client.incomingPhoneNumbers(n.sid).update({ voiceApplicationSid: '' });
    await control('POST', '/_emulator/inbound-call', { From: '+14155559999', To: n.phoneNumber });
    await svc.waitFor('/number/voice');
  });
});
