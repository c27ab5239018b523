/**
 * The SMS router's limits and delivery: rate limits and message length from config, answered politely;
 * replies that fail are retried up to config retry_attempts, each attempt in the usage log; status
 * callbacks only move forward.
 */
import { eventually } from '../../support/emulator';
import { usePlatform } from '../../support/platform';
import { admin, ROUTER, routedNumber, sentTo, textFrom } from '../../support/sms-router';
import { expectLogged } from '../../support/console';
import { addAttempt, DeliveryAttempt } from '../../../src/lib/store/router-outbound';

const s = usePlatform();

interface UsageLog {
  logs: {
    phone_number: string;
    direction: string;
    success: boolean;
    outcome: string;
    attempt: number | null;
    error_code: number | null;
    message_sid: string;
  }[];
}
const usage = async (): Promise<UsageLog> => (await admin(s()).get<UsageLog>('/admin/usage', { limit: '1000' })).body;
const setConfig = async (config_key: string, config_value: string): Promise<void> => {
  const r = await admin(s()).post('/admin/config/update', { config_key, config_value });
  if (r.status !== 200) throw new Error(`config update: ${r.status} ${r.text}`);
};
const RATE_LIMITED = '<Message>You are sending messages faster than we can answer. Please wait a minute and try again.</Message>';

describe('the router’s limits', () => {
  afterEach(async () => {
    for (const key of ['rate_limit_per_sender_per_minute', 'rate_limit_per_user_per_minute', 'max_message_length']) {
      await setConfig(key, key === 'max_message_length' ? '1600' : '1000');
    }
  });

  it('answers a sender over its per-minute limit politely, processes nothing, and logs it', async () => {
    await setConfig('rate_limit_per_sender_per_minute', '2');
    const { number } = await routedNumber(s(), 'limit-sender');
    const handset = '+14155553001';
    const answers = [];
    for (const body of ['one', 'two', 'three']) answers.push(await textFrom(s(), handset, number, body));
    expect(answers.map((a) => a.twiml.includes('<Redirect'))).toEqual([true, true, false]);
    expect(answers[2].twiml).toContain(RATE_LIMITED);
    expect((await usage()).logs.find((l) => l.phone_number === handset && l.direction === 'inbound')).toMatchObject({
      success: false,
      outcome: 'sender_limited',
    });
  });

  it('limits all senders of one user together', async () => {
    await setConfig('rate_limit_per_user_per_minute', '2');
    const { number } = await routedNumber(s(), 'limit-user');
    const answers = [];
    for (const handset of ['+14155553011', '+14155553012', '+14155553013'])
      answers.push(await textFrom(s(), handset, number, 'hi'));
    expect(answers.map((a) => a.twiml.includes(RATE_LIMITED))).toEqual([false, false, true]);
  });

  it('answers a message over max_message_length politely', async () => {
    await setConfig('max_message_length', '10');
    const { number } = await routedNumber(s(), 'limit-length');
    const long = await textFrom(s(), '+14155553021', number, '0123456789x');
    expect(long.twiml).toContain('<Message>Sorry, your message is too long. Please keep it under 10 characters.</Message>');
    const fits = await textFrom(s(), '+14155553021', number, '😀😀😀😀😀😀😀😀😀😀');
    expect(fits.twiml).toContain('<Redirect');
  });
});

describe('delivery of replies', () => {
  it('retries a failed reply up to retry_attempts with backoff, every attempt in the usage log, then stops', async () => {
    await setConfig('retry_attempts', '2');
    await setConfig('retry_backoff_ms', '50');
    const { number } = await routedNumber(s(), 'retry-user');
    // The emulator fails every message to a handset ending 0300 (30008, a temporary error).
    const handset = '+14155550300';
    await textFrom(s(), handset, number, 'numbers');
    const attempts = await eventually(async () => {
      const out = (await usage()).logs.filter((l) => l.phone_number === handset && l.direction === 'outbound');
      return out.length === 3 ? out : undefined;
    }, 10_000);
    expect(attempts.map((a) => [a.attempt, a.success, a.outcome, a.error_code])).toEqual([
      [3, false, 'failed', 30008],
      [2, false, 'failed', 30008],
      [1, false, 'failed', 30008],
    ]);
    await new Promise((r) => setTimeout(r, 500));
    const replies = (await sentTo(s(), handset)).filter((m) => m.body.startsWith('Your numbers'));
    expect(replies.map((m) => m.status)).toEqual(['failed', 'failed', 'failed']);
    await setConfig('retry_attempts', '3');
  });

  it('moves a status forward only: a late or repeated callback changes nothing and logs nothing twice', async () => {
    const { number } = await routedNumber(s(), 'forward-user');
    const handset = '+14155553031';
    await textFrom(s(), handset, number, 'numbers');
    const reply = await eventually(async () =>
      (await sentTo(s(), handset)).find((m) => m.body.startsWith('Your numbers') && m.status === 'delivered'),
    );
    await eventually(async () => ((await usage()).logs.some((l) => l.message_sid === reply.sid) ? true : undefined));
    const callback = (MessageStatus: string, extra: Record<string, string> = {}) =>
      s().webhook<{ status: string; message: string }>(`${ROUTER}/webhook/delivery-status`, {
        MessageSid: reply.sid,
        MessageStatus,
        ...extra,
      });
    const late = await callback('sent');
    expect([late.status, late.body]).toEqual([200, { status: 'success', message: 'Delivery status already recorded' }]);
    const flipped = await callback('failed', { ErrorCode: '30007' });
    expect(flipped.body.message).toBe('Delivery status already recorded');
    expect((await usage()).logs.filter((l) => l.message_sid === reply.sid)).toEqual([
      expect.objectContaining({ success: true, outcome: 'delivered' }),
    ]);
    const unknown = await s().webhook<{ status: string }>(`${ROUTER}/webhook/delivery-status`, {
      MessageSid: `SM${'0'.repeat(32)}`,
      MessageStatus: 'delivered',
    });
    expect([unknown.status, unknown.body.status]).toEqual([200, 'warning']);
    const bad = await s().webhook<{ error_code: string }>(`${ROUTER}/webhook/delivery-status`, {
      MessageSid: reply.sid,
      MessageStatus: 'lost',
    });
    expect([bad.status, bad.body.error_code]).toEqual([400, 'VALIDATION_ERROR']);
    const forged = await s().webhook<{ error_code: string }>(
      `${ROUTER}/webhook/delivery-status`,
      { MessageSid: reply.sid, MessageStatus: 'sent' },
      'x',
    );
    expect([forged.status, forged.body.error_code]).toEqual([403, 'TWILIO_WEBHOOK_INVALID']);
  });
});

describe('permanent errors', () => {
  it('never retries a reply Twilio refuses for good (21610: the handset opted out at Twilio), and logs the attempt', async () => {
    await setConfig('retry_attempts', '3');
    const { number } = await routedNumber(s(), 'permanent-user');
    const handset = '+14155553041';
    // The handset opts out while the number's webhook is elsewhere: only Twilio knows.
    const [n] = await s().t.client.incomingPhoneNumbers.list({ phoneNumber: number });
    await s()
      .t.client.incomingPhoneNumbers(n.sid)
      .update({ smsUrl: `${s().url}/api/receive-sms` });
    await textFrom(s(), handset, number, 'STOP');
    await s()
      .t.client.incomingPhoneNumbers(n.sid)
      .update({ smsUrl: `${s().url}${ROUTER}/webhook/sms` });
    expectLogged(/SMS_ROUTING_FAILED: the reply to SM[0-9a-f]{32} was not sent/);
    await textFrom(s(), handset, number, 'numbers');
    await new Promise((r) => setTimeout(r, 300));
    const logs = (await usage()).logs.filter((l) => l.phone_number === handset);
    expect(logs.map((l) => [l.direction, l.success, l.outcome, l.attempt, l.error_code])).toEqual([
      ['outbound', false, 'failed', 1, 21610],
      ['inbound', false, 'SMS_ROUTING_FAILED', null, null],
    ]);
    // From then on the router itself keeps quiet towards that handset, from every number of the user.
    const next = await textFrom(s(), handset, number, 'numbers');
    expect(next.twiml).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
  });
});

describe('failed status callbacks', () => {
  const attempt = (sid: string, to: string, from: string): DeliveryAttempt => ({
    sid,
    inbound_sid: `SM${'c'.repeat(32)}`,
    user_id: 7,
    from,
    to,
    body: 'Your numbers: none.',
    attempt: 1,
    status: 'sent',
    error_code: null,
    sent_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
    retried: false,
  });

  it.each([
    [30007, 'a carrier filtered it', 0],
    [30003, 'the handset was unreachable', 1],
  ])('after %s (%s) sends %s retries', async (code, _why, retries) => {
    await setConfig('retry_backoff_ms', '0');
    const { number } = await routedNumber(s(), `callback-${code}`);
    const handset = code === 30007 ? '+14155553051' : '+14155553052';
    const sid = `SM${String(code).padStart(32, '0')}`;
    await addAttempt(s().t.client, s().env, attempt(sid, handset, number));
    const r = await s().webhook<{ status: string; message: string }>(`${ROUTER}/webhook/delivery-status`, {
      MessageSid: sid,
      MessageStatus: 'undelivered',
      ErrorCode: String(code),
    });
    expect([r.status, r.body]).toEqual([200, { status: 'success', message: 'Delivery status updated' }]);
    const repeated = await s().webhook<{ message: string }>(`${ROUTER}/webhook/delivery-status`, {
      MessageSid: sid,
      MessageStatus: 'undelivered',
      ErrorCode: String(code),
    });
    expect(repeated.body.message).toBe('Delivery status already recorded');
    await new Promise((r) => setTimeout(r, 300));
    expect((await sentTo(s(), handset)).map((m) => [m.from, m.body])).toEqual(retries ? [[number, 'Your numbers: none.']] : []);
    expect((await usage()).logs.find((l) => l.message_sid === sid)).toMatchObject({
      success: false,
      outcome: 'undelivered',
      attempt: 1,
      error_code: code,
    });
  });
});
