/**
 * The platform's numbers and identity over HTTP: access tokens, the user directory, searching, buying
 * (cap, Twilio's refusals, no double purchase), listing, changing and releasing numbers.
 */
import jwt from 'jsonwebtoken';
import { buyIn, callerFor, NumberView, PlatformError, usePlatform } from '../../support/platform';

const s = usePlatform({ env: { MAX_NUMBERS_PER_USER: '3' } });

interface TokenAnswer {
  success: true;
  token: string;
  identity: string;
  ttl: number;
}

describe('GET /api/twilio/access-token', () => {
  it('issues a Voice SDK token with a VoiceGrant for the user’s stable identity, 3600 s by default', async () => {
    const ann = callerFor(s(), 'ann@example.com');
    const r = await ann.get<TokenAnswer>('/api/twilio/access-token');
    expect(r.status).toBe(200);
    expect(r.body.identity).toMatch(/^u\d+_ann_example_com$/);
    const claims = jwt.verify(r.body.token, s().env.TWILIO_API_SECRET) as jwt.JwtPayload;
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(claims.grants).toEqual({
      identity: r.body.identity,
      voice: { incoming: { allow: true }, outgoing: { application_sid: s().env.TWILIO_APP_SID } },
    });
    const again = await ann.get<TokenAnswer>('/api/twilio/access-token', { ttl: '86400' });
    expect(again.body.identity).toBe(r.body.identity);
    expect((jwt.decode(again.body.token) as jwt.JwtPayload).exp! - (jwt.decode(again.body.token) as jwt.JwtPayload).iat!).toBe(
      86400,
    );
  });

  it('gives a Flex agent and a bearer user of the same name different ids, and a long odd name a valid identity', async () => {
    const flex = await s().get<TokenAnswer>('/api/twilio/access-token', { token: await s().flexToken('ann@example.com') });
    const viaBearer = await callerFor(s(), 'ann@example.com').get<TokenAnswer>('/api/twilio/access-token');
    expect(flex.status).toBe(200);
    expect(flex.body.identity).not.toBe(viaBearer.body.identity);
    const odd = await callerFor(s(), `Ünïcode user/${'x'.repeat(200)}`).get<TokenAnswer>('/api/twilio/access-token');
    expect(odd.body.identity).toMatch(/^[A-Za-z0-9_]{1,121}$/);
    expect(odd.body.identity).toHaveLength(121);
  });

  it('allocates one id to parallel first requests of a user, and different ids to different users', async () => {
    const same = await Promise.all(
      Array.from({ length: 6 }, () => callerFor(s(), 'parallel-user').get<TokenAnswer>('/api/twilio/access-token')),
    );
    expect(new Set(same.map((r) => r.body.identity)).size).toBe(1);
    const others = await Promise.all(
      Array.from({ length: 6 }, (_, i) => callerFor(s(), `user-${i}`).get<TokenAnswer>('/api/twilio/access-token')),
    );
    const ids = others.map((r) => /^u(\d+)_/.exec(r.body.identity)?.[1]);
    expect(new Set(ids).size).toBe(6);
  });

  it('refuses a ttl above 86400 and callers without credentials', async () => {
    const tooLong = await callerFor(s(), 'ann').get<PlatformError>('/api/twilio/access-token', { ttl: '86401' });
    expect([tooLong.status, tooLong.body]).toEqual([
      400,
      { success: false, error: 'VALIDATION_ERROR', message: 'ttl must be at most 86400' },
    ]);
    const anonymous = await s().get<PlatformError>('/api/twilio/access-token');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ success: false, error: 'UNAUTHORIZED' });
  });
});

describe('numbers', () => {
  const buyer = () => callerFor(s(), 'number-buyer');

  it('searches numbers for sale by area code, type, contains and capabilities', async () => {
    const r = await buyer().get<{ availableNumbers: { phoneNumber: string; region: string; capabilities: object }[] }>(
      '/api/twilio/available-numbers',
      { areaCode: '415', limit: '3', capabilities: 'voice,sms' },
    );
    expect(r.status).toBe(200);
    expect(r.body.availableNumbers).toHaveLength(3);
    for (const n of r.body.availableNumbers) {
      expect(n).toMatchObject({
        phoneNumber: expect.stringMatching(/^\+1415/),
        region: 'CA',
        capabilities: { voice: true, sms: true },
      });
    }
    const tollFree = await buyer().get<{ availableNumbers: { phoneNumber: string }[] }>('/api/twilio/available-numbers', {
      type: 'toll-free',
      limit: '2',
    });
    expect(tollFree.body.availableNumbers).toHaveLength(2);
    const bad = await buyer().get<PlatformError>('/api/twilio/available-numbers', { type: 'premium' });
    expect(bad.body).toEqual({
      success: false,
      error: 'VALIDATION_ERROR',
      message: 'type must be one of: local, toll-free, mobile',
    });
  });

  it('buys a number pointed at the TwiML App and this service, and lists it with the seed’s fields', async () => {
    const offered = await buyer().get<{ availableNumbers: { phoneNumber: string }[] }>('/api/twilio/available-numbers', {
      areaCode: '212',
      limit: '1',
    });
    const phoneNumber = offered.body.availableNumbers[0].phoneNumber;
    const r = await buyer().post<{ phoneNumber: NumberView; message: string }>('/api/twilio/buy-number', {
      phoneNumber,
      websiteId: '456',
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      success: true,
      message: 'Phone number purchased successfully',
      phoneNumber: {
        id: expect.stringMatching(/^\d+$/),
        number: phoneNumber,
        userId: expect.stringMatching(/^\d+$/),
        twilioSid: expect.stringMatching(/^PN/),
        websiteId: '456',
        provider: 'twilio',
        monthlyFee: 1,
        callCount: 0,
        status: 'active',
        country: 'US',
        region: 'NY',
        locality: expect.any(String),
        capabilities: { voice: true, sms: true },
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    });
    const atTwilio = await s().t.client.incomingPhoneNumbers(r.body.phoneNumber.twilioSid).fetch();
    expect(atTwilio.voiceApplicationSid).toBe(s().env.TWILIO_APP_SID);
    expect(atTwilio.smsUrl).toBe(`${s().url}/webhook/incoming-message`);
    expect(atTwilio.statusCallback).toBe(`${s().url}/webhooks/twilio/call-status`);
    const mine = await buyer().get<{ phoneNumbers: NumberView[] }>('/api/twilio/my-numbers');
    expect(mine.body.phoneNumbers).toEqual([r.body.phoneNumber]);
    // A retried purchase of the same number answers the number bought, and buys nothing more.
    const retry = await buyer().post<{ phoneNumber: NumberView }>('/api/twilio/buy-number', { phoneNumber });
    expect(retry.body.phoneNumber.id).toBe(r.body.phoneNumber.id);
    expect(await s().t.client.incomingPhoneNumbers.list({ phoneNumber })).toHaveLength(1);
  });

  it('never buys twice for one idempotency key, even when Twilio’s answer was lost', async () => {
    const keyed = callerFor(s(), 'keyed-buyer');
    await s().t.control('POST', '/_emulator/faults', { match: 'POST /api/2010-04-01/Accounts/AC', delay_ms: 4000, count: 1 });
    try {
      const first = await keyed.post<{ phoneNumber: NumberView }>('/api/twilio/buy-number', {
        areaCode: '303',
        idempotency_key: 'buy-303',
      });
      const second = await keyed.post<{ phoneNumber: NumberView }>('/api/twilio/buy-number', {
        areaCode: '303',
        idempotency_key: 'buy-303',
      });
      expect(first.status).toBe(200);
      expect(second.body.phoneNumber.number).toBe(first.body.phoneNumber.number);
    } finally {
      await s().t.control('DELETE', '/_emulator/faults');
    }
    const mine = await keyed.get<{ phoneNumbers: NumberView[] }>('/api/twilio/my-numbers');
    expect(mine.body.phoneNumbers).toHaveLength(1);
  });

  it.each([
    [{ phoneNumber: '+15005550001' }, 'INVALID_PHONE_NUMBER'],
    [{ phoneNumber: '+15005550000' }, 'PHONE_NUMBER_NOT_AVAILABLE'],
    [{ areaCode: '211' }, 'INVALID_AREA_CODE'],
    [{ areaCode: '533' }, 'NO_NUMBERS_IN_AREA_CODE'],
    [{}, 'VALIDATION_ERROR'],
  ])('answers Twilio’s refusal of %j as a 400 %s', async (body, error) => {
    const r = await callerFor(s(), 'refused-buyer').post<PlatformError>('/api/twilio/buy-number', body);
    expect([r.status, r.body]).toEqual([400, { success: false, error, message: expect.any(String) }]);
  });

  it.each([
    [21649, 'Bundle required', 'BUNDLE_REQUIRED'],
    [21615, 'Phone Number Requires a Local Address', 'ADDRESS_REQUIRED'],
  ])('answers Twilio’s %i as a 400 %s', async (code, message, error) => {
    await s().t.control('POST', '/_emulator/faults', {
      match: 'POST /api/2010-04-01/Accounts/AC',
      status: 400,
      code,
      message,
      count: 1,
    });
    try {
      const r = await callerFor(s(), 'regulated-buyer').post<PlatformError>('/api/twilio/buy-number', { areaCode: '415' });
      expect([r.status, r.body.error]).toEqual([400, error]);
    } finally {
      await s().t.control('DELETE', '/_emulator/faults');
    }
  });

  it('stops at MAX_NUMBERS_PER_USER numbers held; a released one frees a place and stays out of my-numbers', async () => {
    const collector = callerFor(s(), 'collector');
    const bought = [await buyIn(collector, '512'), await buyIn(collector, '617'), await buyIn(collector, '702')];
    const fourth = await collector.post<PlatformError>('/api/twilio/buy-number', { areaCode: '404' });
    expect([fourth.status, fourth.body.error]).toEqual([400, 'NUMBER_LIMIT_REACHED']);
    const released = await collector.post('/api/twilio/my-numbers/release', { id: bought[0].id });
    expect(released.body).toEqual({ success: true, message: 'Phone number released successfully' });
    await expect(s().t.client.incomingPhoneNumbers(bought[0].twilioSid).fetch()).rejects.toMatchObject({ status: 404 });
    const mine = await collector.get<{ phoneNumbers: NumberView[] }>('/api/twilio/my-numbers');
    expect(mine.body.phoneNumbers.map((n) => n.id)).toEqual([bought[1].id, bought[2].id]);
    expect((await collector.post('/api/twilio/buy-number', { areaCode: '404' })).status).toBe(200);
    const again = await collector.post<PlatformError>('/api/twilio/my-numbers/release', { id: bought[0].id });
    expect([again.status, again.body.error]).toEqual([404, 'PHONE_NUMBER_NOT_FOUND']);
  });

  it('updates websiteId and status; refuses other statuses and unknown ids', async () => {
    const owner = callerFor(s(), 'updater');
    const n = await buyIn(owner, '408');
    const r = await owner.post<{ phoneNumber: NumberView; message: string }>('/api/twilio/my-numbers/update', {
      id: n.id,
      websiteId: '789',
      status: 'inactive',
    });
    expect(r.body).toMatchObject({
      success: true,
      message: 'Phone number updated successfully',
      phoneNumber: { id: n.id, websiteId: '789', status: 'inactive' },
    });
    const bad = await owner.post<PlatformError>('/api/twilio/my-numbers/update', { id: n.id, status: 'released' });
    expect([bad.status, bad.body.error]).toEqual([400, 'VALIDATION_ERROR']);
    const unknown = await owner.post<PlatformError>('/api/twilio/my-numbers/update', { id: '999999', status: 'active' });
    expect([unknown.status, unknown.body]).toEqual([
      404,
      { success: false, error: 'PHONE_NUMBER_NOT_FOUND', message: 'Phone number not found or not owned by user' },
    ]);
  });
});
