import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { useEmulator, startTestEmulator } from '../support/emulator';
import { FakeService } from '../support/fake-service';

const t = useEmulator();

describe('AvailablePhoneNumbers through the twilio SDK', () => {
  it('lists the countries with their number types', async () => {
    const countries = await t().client.availablePhoneNumbers.list();
    expect(countries.map((c) => c.countryCode)).toEqual(['US', 'CA', 'GB']);
    const us = await t().client.availablePhoneNumbers('US').fetch();
    expect(us.subresourceUris).toEqual({
      local: `/2010-04-01/Accounts/${t().emu.accountSid}/AvailablePhoneNumbers/US/Local.json`,
      toll_free: `/2010-04-01/Accounts/${t().emu.accountSid}/AvailablePhoneNumbers/US/TollFree.json`,
    });
    await expect(t().client.availablePhoneNumbers('ZZ').fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it('offers the same numbers of an area code on every search, with their place', async () => {
    const { client } = t();
    const first = await client.availablePhoneNumbers('US').local.list({ areaCode: 415, limit: 5 });
    const again = await client.availablePhoneNumbers('US').local.list({ areaCode: 415, limit: 5 });
    expect(first).toHaveLength(5);
    expect(again.map((n) => n.phoneNumber)).toEqual(first.map((n) => n.phoneNumber));
    for (const n of first) {
      expect(n.phoneNumber).toMatch(/^\+1415\d{7}$/);
      expect(n).toMatchObject({ locality: 'San Francisco', region: 'CA', isoCountry: 'US', addressRequirements: 'none' });
      expect(n.latitude).toBeCloseTo(37.77, 1);
      expect(n.friendlyName).toMatch(/^\(415\) \d{3}-\d{4}$/);
    }
  });

  it('filters by Contains (with * wildcards and keypad letters) and by capabilities', async () => {
    const { client } = t();
    const all = await client.availablePhoneNumbers('US').local.list({ areaCode: 212, limit: 60 });
    const digit = all[0].phoneNumber.slice(-2);
    const contains = await client.availablePhoneNumbers('US').local.list({ areaCode: 212, contains: `**${digit}`, limit: 60 });
    expect(contains.length).toBeGreaterThan(0);
    for (const n of contains) expect(n.phoneNumber.slice(2)).toMatch(new RegExp(`\\d\\d${digit}`));
    const letters = await client.availablePhoneNumbers('US').local.list({ areaCode: 212, contains: 'ad', limit: 60 });
    const digits = await client.availablePhoneNumbers('US').local.list({ areaCode: 212, contains: '23', limit: 60 });
    expect(letters.map((n) => n.phoneNumber)).toEqual(digits.map((n) => n.phoneNumber));
    const anchored = await client.availablePhoneNumbers('US').local.list({ contains: '+1212*******', limit: 3 });
    expect(anchored.map((n) => n.phoneNumber.slice(0, 5))).toEqual(['+1212', '+1212', '+1212']);
    const noSms = await client.availablePhoneNumbers('US').local.list({ smsEnabled: false, limit: 5 });
    expect(noSms.length).toBeGreaterThan(0);
    for (const n of noSms) expect(n.capabilities).toMatchObject({ voice: true, sms: false });
    const mms = await client.availablePhoneNumbers('US').local.list({ areaCode: 212, mmsEnabled: true, limit: 60 });
    expect(mms.length).toBeLessThan(all.length);
    expect(mms.every((n) => n.capabilities.mms)).toBe(true);
    const inRegion = await client.availablePhoneNumbers('US').local.list({ inRegion: 'TX', limit: 100 });
    expect(new Set(inRegion.map((n) => n.locality))).toEqual(new Set(['Austin', 'Houston']));
    const near = await client.availablePhoneNumbers('US').local.list({ nearLatLong: '37.80,-122.27', distance: 10, limit: 200 });
    expect(new Set(near.map((n) => n.locality))).toEqual(new Set(['San Francisco', 'Oakland']));
  });

  it('offers toll-free and UK mobile numbers; no mobile numbers in the US', async () => {
    const { client } = t();
    const tollFree = await client.availablePhoneNumbers('US').tollFree.list({ areaCode: 888, limit: 2 });
    expect(tollFree.map((n) => n.phoneNumber.slice(0, 5))).toEqual(['+1888', '+1888']);
    expect(tollFree[0]).toMatchObject({ locality: null, region: null, latitude: null });
    const mobile = await client.availablePhoneNumbers('GB').mobile.list({ limit: 2 });
    expect(mobile.map((n) => n.phoneNumber)).toEqual(['+447700900000', '+447700900001']);
    await expect(client.availablePhoneNumbers('US').mobile.list()).rejects.toMatchObject({ status: 404 });
  });

  it('answers PageSize numbers and refuses a malformed area code with 21451', async () => {
    const { client } = t();
    const page = await client.availablePhoneNumbers('US').local.page({ pageSize: 7 });
    expect(page.instances).toHaveLength(7);
    expect(page.nextPageUrl).toBeUndefined();
    await expect(client.availablePhoneNumbers('US').local.list({ areaCode: 12 })).rejects.toMatchObject({
      status: 400,
      code: 21451,
    });
    expect(await client.availablePhoneNumbers('US').local.list({ areaCode: 533 })).toEqual([]);
  });
});

describe('IncomingPhoneNumbers: buy, configure, release', () => {
  let svc: FakeService;
  beforeAll(async () => {
    svc = await new FakeService(t().emu.authToken).start();
  });
  afterAll(() => svc.close());

  it('buys an offered number, which is then no longer offered, and releases it back on offer', async () => {
    const { client } = t();
    const [offer] = await client.availablePhoneNumbers('US').local.list({ areaCode: 617, limit: 1 });
    const bought = await client.incomingPhoneNumbers.create({
      phoneNumber: offer.phoneNumber,
      voiceUrl: `${svc.url}/voice`,
      smsUrl: `${svc.url}/sms`,
      statusCallback: `${svc.url}/status`,
      friendlyName: 'Boston line',
    });
    expect(bought).toMatchObject({
      phoneNumber: offer.phoneNumber,
      voiceUrl: `${svc.url}/voice`,
      smsUrl: `${svc.url}/sms`,
      statusCallback: `${svc.url}/status`,
      friendlyName: 'Boston line',
      voiceApplicationSid: null,
    });
    expect(bought.sid).toMatch(/^PN[0-9a-f]{32}$/);
    const [next] = await client.availablePhoneNumbers('US').local.list({ areaCode: 617, limit: 1 });
    expect(next.phoneNumber).not.toBe(offer.phoneNumber);
    await expect(client.incomingPhoneNumbers.create({ phoneNumber: offer.phoneNumber })).rejects.toMatchObject({
      status: 400,
      code: 21422,
    });
    const updated = await client.incomingPhoneNumbers(bought.sid).update({ voiceUrl: `${svc.url}/voice2`, voiceMethod: 'GET' });
    expect(updated).toMatchObject({ voiceUrl: `${svc.url}/voice2`, voiceMethod: 'GET', smsUrl: `${svc.url}/sms` });
    expect(await client.incomingPhoneNumbers(bought.sid).remove()).toBe(true);
    await expect(client.incomingPhoneNumbers(bought.sid).fetch()).rejects.toMatchObject({ status: 404 });
    const [back] = await client.availablePhoneNumbers('US').local.list({ areaCode: 617, limit: 1 });
    expect(back.phoneNumber).toBe(offer.phoneNumber);
  });

  it('buys the first offered number of an AreaCode', async () => {
    const { client } = t();
    const [offer] = await client.availablePhoneNumbers('US').local.list({ areaCode: 303, limit: 1 });
    const bought = await client.incomingPhoneNumbers.create({ areaCode: '303' });
    expect(bought.phoneNumber).toBe(offer.phoneNumber);
    expect(bought.friendlyName).toMatch(/^\(303\) /);
  });

  it("answers the magic numbers of Twilio's test credentials with their errors", async () => {
    const { client } = t();
    const cases: [Record<string, string>, number, string][] = [
      [{ phoneNumber: '+15005550000' }, 21422, 'PhoneNumber is not available'],
      [{ phoneNumber: '+15005550001' }, 21421, 'PhoneNumber is invalid'],
      [{ areaCode: '533' }, 21452, 'No phone numbers found in area code 533'],
      [{ areaCode: '12' }, 21451, 'Invalid area code'],
      [{ phoneNumber: '4155550100' }, 21421, 'PhoneNumber is invalid'],
      [{ phoneNumber: '+14155550100' }, 21422, 'PhoneNumber is not available'],
    ];
    for (const [params, code, message] of cases)
      await expect(client.incomingPhoneNumbers.create(params)).rejects.toMatchObject({ status: 400, code, message });
    const valid = await client.incomingPhoneNumbers.create({ phoneNumber: '+15005550006' });
    expect(valid.phoneNumber).toBe('+15005550006');
    await expect(client.incomingPhoneNumbers.create({ areaCode: '500' })).rejects.toMatchObject({ code: 21452 });
  });

  it('refuses bad settings without buying anything', async () => {
    const { client } = t();
    const before = (await client.incomingPhoneNumbers.list()).length;
    await expect(client.incomingPhoneNumbers.create({ areaCode: '206', voiceUrl: 'not a url' })).rejects.toMatchObject({
      code: 21502,
    });
    await expect(
      client.incomingPhoneNumbers.create({ areaCode: '206', voiceApplicationSid: `AP${'0'.repeat(32)}` }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await client.incomingPhoneNumbers.list()).toHaveLength(before);
  });

  it('keeps bought numbers and their settings across a restart', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'emu-numbers-'));
    const first = await startTestEmulator({ stateDir });
    const app = await first.client.applications.create({ friendlyName: 'IVR', voiceUrl: 'https://example.com/ivr' });
    const n = await first.client.incomingPhoneNumbers.create({ areaCode: '512', voiceApplicationSid: app.sid });
    await first.close();
    const second = await startTestEmulator({ stateDir });
    try {
      expect(await second.client.incomingPhoneNumbers(n.sid).fetch()).toMatchObject({
        phoneNumber: n.phoneNumber,
        voiceApplicationSid: app.sid,
      });
      const [offer] = await second.client.availablePhoneNumbers('US').local.list({ areaCode: 512, limit: 1 });
      expect(offer.phoneNumber).not.toBe(n.phoneNumber);
    } finally {
      await second.close();
    }
  });
});
