/**
 * The SMS router end to end, through the functions and the emulator: an admin maps a phone to a user, the
 * user verifies it with the code Twilio Verify texts, an inbound SMS from it reaches the user's agent and the
 * reply is delivered; a failing reply is retried up to retry_attempts; STOP suppresses and START lifts; the
 * statistics, the usage log and the audit log show exactly what happened.
 */
import { eventually } from '../support/emulator';
import { usePlatform } from '../support/platform';
import { admin, ROUTER, RouterCaller, routerCaller, routedNumber, sentTo, textFrom } from '../support/sms-router';
import type { TestEmulator } from '../support/emulator';

const s = usePlatform({
  localEnv: async (t: TestEmulator) => {
    const service = await t.client.verify.v2.services.create({ friendlyName: 'SMS router' });
    return { TWILIO_VERIFY_SERVICE_SID: service.sid };
  },
});

interface Stats {
  total_messages: number;
  successful_routes: number;
  failed_routes: number;
  last_24_hours: { messages: number; success_rate: number };
  top_users: { user_id: number; message_count: number; phone_number: string }[];
  deliveries: { attempts: number; delivered: number; failed: number };
}
interface UsageEntry {
  user_id: number | null;
  phone_number: string;
  direction: string;
  success: boolean;
  outcome: string;
  attempt: number | null;
}

async function verifyCode(to: string): Promise<string> {
  const r = await s().t.control<{ code: string }>('GET', `/_emulator/verify/codes?to=${encodeURIComponent(to)}`);
  if (r.status !== 200) throw new Error(`no Verify code for ${to}`);
  return r.body.code;
}

describe('the SMS router end to end', () => {
  let user: RouterCaller;
  let owned: { userId: number; number: string };
  const phone = '+14155556001';
  const failing = '+14155550301';

  it('maps a phone, verifies it by SMS code, and routes its messages to the user’s agent', async () => {
    owned = await routedNumber(s(), 'e2e-user');
    user = routerCaller(s(), 'e2e-user');
    const created = await admin(s()).post<{ mapping_id: number }>('/admin/phone-mappings/create', {
      user_id: owned.userId,
      phone_number: phone,
      is_primary: true,
      verification_method: 'sms',
    });
    expect(created.status).toBe(200);
    const mappingId = created.body.mapping_id;
    // Someone else's mapping is as if it did not exist.
    const stranger = await routerCaller(s(), 'e2e-stranger').post<{ error_code: string }>('/phone-mappings/verify/start', {
      mapping_id: mappingId,
    });
    expect([stranger.status, stranger.body.error_code]).toEqual([404, 'PHONE_NUMBER_NOT_FOUND']);
    const started = await user.post('/phone-mappings/verify/start', { mapping_id: mappingId });
    expect([started.status, started.body]).toEqual([
      200,
      { message: 'Verification code sent', mapping_id: mappingId, phone_number: phone, verification_status: 'pending' },
    ]);
    const code = await verifyCode(phone);
    const wrong = await user.post<{ error_code: string; detail: string }>('/phone-mappings/verify/check', {
      mapping_id: mappingId,
      code: code === '000000' ? '111111' : '000000',
    });
    expect([wrong.status, wrong.body.error_code, wrong.body.detail]).toEqual([
      400,
      'VALIDATION_ERROR',
      'The code is not correct',
    ]);
    const checked = await user.post<{ mapping: Record<string, unknown> }>('/phone-mappings/verify/check', {
      mapping_id: mappingId,
      code,
    });
    expect(checked.status).toBe(200);
    expect(checked.body.mapping).toMatchObject({
      id: mappingId,
      is_verified: true,
      verification_method: 'sms',
      verified_at: expect.any(String),
    });
    const again = await user.post<{ mapping: { is_verified: boolean } }>('/phone-mappings/verify/check', {
      mapping_id: mappingId,
      code: '123456',
    });
    expect([again.status, again.body.mapping.is_verified]).toEqual([200, true]);

    // The verified phone texts the service's own number (owned by nobody): the mapping names the user.
    const [service] = await s().t.client.incomingPhoneNumbers.list({ phoneNumber: s().env.TWILIO_PHONE_NUMBER });
    await s()
      .t.client.incomingPhoneNumbers(service.sid)
      .update({ smsUrl: `${s().url}${ROUTER}/webhook/sms` });
    const answer = await textFrom(s(), phone, s().env.TWILIO_PHONE_NUMBER, 'numbers');
    expect(answer.twiml).toContain('<Redirect');
    const reply = await eventually(async () =>
      (await sentTo(s(), phone)).find((m) => m.body.startsWith('Your numbers') && m.status === 'delivered'),
    );
    expect(reply.body).toBe(`Your numbers: ${owned.number}. Phones that can text you here: ${phone} (primary).`);
    expect(reply.from).toBe(s().env.TWILIO_PHONE_NUMBER);
  });

  it('retries a reply that is not delivered up to retry_attempts, then gives up', async () => {
    expect((await admin(s()).post('/admin/config/update', { config_key: 'retry_attempts', config_value: '2' })).status).toBe(200);
    expect((await admin(s()).post('/admin/config/update', { config_key: 'retry_backoff_ms', config_value: '20' })).status).toBe(
      200,
    );
    await textFrom(s(), failing, owned.number, 'calls');
    const replies = await eventually(async () => {
      const m = (await sentTo(s(), failing)).filter((x) => x.body === 'You have no calls yet.');
      return m.length === 3 && m.every((x) => x.status === 'undelivered') ? m : undefined;
    }, 10_000);
    expect(replies).toHaveLength(3);
    // The last attempt's end is in the usage log once its callback is handled.
    await eventually(async () => {
      const usage = await admin(s()).get<{ logs: UsageEntry[] }>('/admin/usage');
      return usage.body.logs.filter((l) => l.phone_number === failing && l.direction === 'outbound').length === 3
        ? true
        : undefined;
    });
  });

  it('suppresses everything to a phone that said STOP until it says START', async () => {
    await textFrom(s(), phone, owned.number, 'STOP');
    const quiet = await textFrom(s(), phone, s().env.TWILIO_PHONE_NUMBER, 'numbers');
    expect(quiet.replies).toEqual([]);
    await textFrom(s(), phone, owned.number, 'START');
    await textFrom(s(), phone, s().env.TWILIO_PHONE_NUMBER, 'usage');
    await eventually(async () =>
      (await sentTo(s(), phone)).find((m) => m.body.startsWith('This month (') && m.status === 'delivered'),
    );
  });

  it('shows exactly what happened in the statistics, the usage log and the audit log', async () => {
    await new Promise((r) => setTimeout(r, 300));
    const stats = (await admin(s()).get<Stats>('/webhook/stats')).body;
    // Routed: numbers, calls (failing), STOP, numbers (suppressed), START, usage.
    expect(stats).toMatchObject({
      total_messages: 6,
      successful_routes: 5,
      failed_routes: 1,
      last_24_hours: { messages: 6, success_rate: 83.3 },
      deliveries: { attempts: 5, delivered: 2, failed: 3 },
    });
    expect(stats.top_users).toEqual([{ user_id: owned.userId, message_count: 6, phone_number: expect.any(String) }]);
    const usage = (await admin(s()).get<{ total: number; logs: UsageEntry[] }>('/admin/usage')).body;
    expect(usage.total).toBe(11);
    expect(usage.logs.map((l) => [l.direction, l.phone_number, l.success, l.outcome, l.attempt]).reverse()).toEqual([
      ['inbound', phone, true, 'answered', null],
      ['outbound', phone, true, 'delivered', 1],
      ['inbound', failing, true, 'answered', null],
      ['outbound', failing, false, 'undelivered', 1],
      ['outbound', failing, false, 'undelivered', 2],
      ['outbound', failing, false, 'undelivered', 3],
      ['inbound', phone, true, 'opted_out', null],
      ['inbound', phone, false, 'suppressed', null],
      ['inbound', phone, true, 'opted_in', null],
      ['inbound', phone, true, 'answered', null],
      ['outbound', phone, true, 'delivered', 1],
    ]);
    expect(usage.logs.every((l) => l.user_id === owned.userId)).toBe(true);
    const audit = (await admin(s()).get<{ entries: { action: string; actor: { principal: string } }[] }>('/admin/audit')).body;
    expect(audit.entries.map((e) => [e.action, e.actor.principal]).reverse()).toEqual([
      ['phone_mapping.create', 'router-admin'],
      ['phone_mapping.verification_start', 'e2e-user'],
      ['phone_mapping.verify', 'e2e-user'],
      ['config.update', 'router-admin'],
      ['config.update', 'router-admin'],
    ]);
  });
});
