/**
 * Verify v2 through the twilio SDK: Services, Verifications (SMS), VerificationCheck, with the code read
 * from the SMS the emulator sends and from the control API, and Verify's limits and error codes.
 */
import { eventually, useEmulator } from '../support/emulator';
import { VERIFY_SENDER } from '../../emulator/products/verify/verifications';

const t = useEmulator({ functionsBaseUrl: 'http://127.0.0.1:9' });

interface CodeView {
  to: string;
  code: string;
  service_sid: string;
  verification_sid: string;
  status: string;
  message_sid: string;
}

const verify = () => t().client.verify.v2;

/** Handsets the emulated Lookup calls `type` (it decides line types, so Verify refuses its landlines). */
async function handsets(type: 'mobile' | 'landline', count: number): Promise<string[]> {
  const found: string[] = [];
  for (let n = 3000; found.length < count && n < 3200; n++) {
    const number = `+1415555${n}`;
    const lookup = await t().client.lookups.v2.phoneNumbers(number).fetch({ fields: 'line_type_intelligence' });
    if ((lookup.lineTypeIntelligence as { type?: string } | null)?.type === type) found.push(number);
  }
  return found;
}

async function latestCode(to: string): Promise<CodeView> {
  const r = await t().control<CodeView>('GET', `/_emulator/verify/codes?to=${encodeURIComponent(to)}`);
  expect(r.status).toBe(200);
  return r.body;
}

let mobiles: string[] = [];
let serviceSid = '';
beforeAll(async () => {
  mobiles = await handsets('mobile', 8);
  serviceSid = (await verify().services.create({ friendlyName: 'Acme' })).sid;
});
afterEach(() => jest.useRealTimers());

describe('Verify Services', () => {
  it('creates, fetches, lists, updates and deletes a service', async () => {
    const created = await verify().services.create({ friendlyName: 'Router', codeLength: 8 });
    expect(created).toMatchObject({ friendlyName: 'Router', codeLength: 8, accountSid: t().emu.accountSid });
    expect(created.sid).toMatch(/^VA[0-9a-f]{32}$/);
    expect((await verify().services(created.sid).fetch()).friendlyName).toBe('Router');
    expect((await verify().services.list()).map((s) => s.sid)).toContain(created.sid);
    const updated = await verify().services(created.sid).update({ friendlyName: 'SMS Router', codeLength: 4 });
    expect(updated).toMatchObject({ friendlyName: 'SMS Router', codeLength: 4 });
    await expect(verify().services(created.sid).remove()).resolves.toBe(true);
    await expect(verify().services(created.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it.each([
    ['a CodeLength below 4', { friendlyName: 'x', codeLength: 3 }],
    ['a CodeLength above 10', { friendlyName: 'x', codeLength: 11 }],
    ['no FriendlyName', { friendlyName: '' }],
    ['a FriendlyName over 30 characters', { friendlyName: 'x'.repeat(31) }],
  ])('refuses %s with 60200', async (_, params) => {
    await expect(verify().services.create(params)).rejects.toMatchObject({ status: 400, code: 60200 });
  });
});

describe('Verifications over SMS', () => {
  it('sends the code by SMS, and the right code approves the verification', async () => {
    const to = mobiles[0];
    const v = await verify().services(serviceSid).verifications.create({ to, channel: 'sms' });
    expect(v).toMatchObject({ status: 'pending', valid: false, channel: 'sms', to, serviceSid });
    expect(v.sid).toMatch(/^VE[0-9a-f]{32}$/);
    const code = await latestCode(to);
    expect(code).toMatchObject({ verification_sid: v.sid, service_sid: serviceSid, status: 'pending' });
    expect(code.code).toMatch(/^\d{6}$/);
    const sms = await eventually(async () => (await t().client.messages.list({ to, from: VERIFY_SENDER }))[0]);
    expect(sms).toMatchObject({ sid: code.message_sid, body: `Your Acme verification code is: ${code.code}` });

    const wrong = code.code === '000000' ? '111111' : '000000';
    const miss = await verify().services(serviceSid).verificationChecks.create({ to, code: wrong });
    expect(miss).toMatchObject({ status: 'pending', valid: false, sid: v.sid });
    const hit = await verify().services(serviceSid).verificationChecks.create({ to, code: code.code });
    expect(hit).toMatchObject({ status: 'approved', valid: true, sid: v.sid });
    expect((await verify().services(serviceSid).verifications(v.sid).fetch()).status).toBe('approved');
    // An approved verification is no longer there to check.
    await expect(verify().services(serviceSid).verificationChecks.create({ to, code: code.code })).rejects.toMatchObject({
      status: 404,
      code: 20404,
    });
  });

  it('checks by VerificationSid, with the service code length', async () => {
    const service = await verify().services.create({ friendlyName: 'Short', codeLength: 4 });
    const v = await verify().services(service.sid).verifications.create({ to: mobiles[1], channel: 'sms' });
    const { code } = await latestCode(mobiles[1]);
    expect(code).toMatch(/^\d{4}$/);
    const check = await verify().services(service.sid).verificationChecks.create({ verificationSid: v.sid, code });
    expect(check.status).toBe('approved');
  });

  it('resends the same code to a pending verification, and refuses the sixth send with 60203', async () => {
    const to = mobiles[2];
    const first = await verify().services(serviceSid).verifications.create({ to, channel: 'sms' });
    const firstCode = (await latestCode(to)).code;
    const again = await verify().services(serviceSid).verifications.create({ to, channel: 'sms' });
    expect(again.sid).toBe(first.sid);
    expect(again.sendCodeAttempts).toHaveLength(2);
    expect((await latestCode(to)).code).toBe(firstCode);
    for (let i = 0; i < 3; i++) await verify().services(serviceSid).verifications.create({ to, channel: 'sms' });
    await expect(verify().services(serviceSid).verifications.create({ to, channel: 'sms' })).rejects.toMatchObject({
      status: 429,
      code: 60203,
    });
  });

  it('refuses the sixth check with 60202, even with the right code', async () => {
    const to = mobiles[3];
    await verify().services(serviceSid).verifications.create({ to, channel: 'sms' });
    const { code } = await latestCode(to);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      await expect(verify().services(serviceSid).verificationChecks.create({ to, code: wrong })).resolves.toMatchObject({
        status: 'pending',
      });
    }
    await expect(verify().services(serviceSid).verificationChecks.create({ to, code })).rejects.toMatchObject({
      status: 429,
      code: 60202,
    });
  });

  it('cancels or approves by update; a canceled verification cannot be checked', async () => {
    const canceled = await verify().services(serviceSid).verifications.create({ to: mobiles[4], channel: 'sms' });
    const { code } = await latestCode(mobiles[4]);
    expect((await verify().services(serviceSid).verifications(canceled.sid).update({ status: 'canceled' })).status).toBe(
      'canceled',
    );
    await expect(
      verify().services(serviceSid).verificationChecks.create({ verificationSid: canceled.sid, code }),
    ).rejects.toMatchObject({ status: 404, code: 20404 });
    const approved = await verify().services(serviceSid).verifications.create({ to: mobiles[5], channel: 'sms' });
    const done = await verify().services(serviceSid).verifications(approved.sid).update({ status: 'approved' });
    expect(done).toMatchObject({ status: 'approved', valid: true });
    await expect(
      verify()
        .services(serviceSid)
        .verifications(approved.sid)
        .update({ status: 'pending' as 'canceled' }),
    ).rejects.toMatchObject({ status: 400, code: 60200 });
  });

  it('is gone ten minutes after it was created (20404)', async () => {
    const to = mobiles[6];
    const v = await verify().services(serviceSid).verifications.create({ to, channel: 'sms' });
    const { code } = await latestCode(to);
    jest.useFakeTimers({
      doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
      now: Date.now() + 10 * 60_000 + 1000,
    });
    await expect(verify().services(serviceSid).verifications(v.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
    await expect(verify().services(serviceSid).verificationChecks.create({ to, code })).rejects.toMatchObject({
      status: 404,
      code: 20404,
    });
  });

  it.each([
    ['no Channel', { to: '+14155559999', channel: '' }],
    ['a channel the emulator does not have', { to: '+14155559999', channel: 'call' }],
    ['a To that is not E.164', { to: '4155559999', channel: 'sms' }],
    ['a To that is not a number', { to: '+1415', channel: 'sms' }],
  ])('refuses %s with 60200', async (_, params) => {
    await expect(verify().services(serviceSid).verifications.create(params)).rejects.toMatchObject({ status: 400, code: 60200 });
  });

  it('refuses a landline with 60205', async () => {
    const [landline] = await handsets('landline', 1);
    await expect(verify().services(serviceSid).verifications.create({ to: landline, channel: 'sms' })).rejects.toMatchObject({
      status: 400,
      code: 60205,
    });
  });

  it('refuses a check without Code, or without To and VerificationSid, with 60200', async () => {
    await expect(verify().services(serviceSid).verificationChecks.create({ to: mobiles[7] })).rejects.toMatchObject({
      code: 60200,
    });
    await expect(verify().services(serviceSid).verificationChecks.create({ code: '123456' })).rejects.toMatchObject({
      code: 60200,
    });
  });

  it('answers 404 in the control API for a handset that was sent no code', async () => {
    const r = await t().control('GET', '/_emulator/verify/codes?to=%2B14155550000');
    expect(r.status).toBe(404);
    expect((await t().control('GET', '/_emulator/verify/codes')).status).toBe(400);
  });
});
