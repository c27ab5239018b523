/**
 * The SMS router's inbound flow over HTTP through the emulator: acknowledgement and <Redirect>, the
 * built-in agent's reply sent and tracked to delivery, user identification, the carriers' keywords.
 */
import { eventually } from '../../support/emulator';
import { usePlatform } from '../../support/platform';
import { roundTrips } from '../../support/service';
import { admin, ROUTER, routedNumber, sentTo, textFrom } from '../../support/sms-router';
import { expectLogged } from '../../support/console';

const s = usePlatform();

interface Stats {
  total_messages: number;
  successful_routes: number;
  failed_routes: number;
  deliveries: { delivered: number };
}

interface UsageLog {
  total: number;
  logs: { user_id: number | null; phone_number: string; direction: string; success: boolean; outcome: string }[];
}

const stats = async (): Promise<Stats> => (await admin(s()).get<Stats>('/webhook/stats')).body;
const usage = async (): Promise<UsageLog> => (await admin(s()).get<UsageLog>('/admin/usage', { limit: '1000' })).body;
const EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
const ACK = '<Message>Thank you for your message. I&apos;ll process it shortly.</Message>';

describe('POST /api/v1/sms-router/webhook/sms', () => {
  it('acknowledges at once, and the agent’s reply from the user’s number is delivered and tracked', async () => {
    const before = await stats();
    const { userId, number } = await routedNumber(s(), 'router-ann');
    const handset = '+14155552001';
    const answer = await textFrom(s(), handset, number, 'numbers');
    expect(answer.errors).toEqual([]);
    expect(answer.twiml).toContain(ACK);
    expect(answer.twiml).toContain('<Redirect method="POST">process</Redirect>');
    const messages = await eventually(async () => {
      const m = await sentTo(s(), handset);
      return m.length === 2 && m[1].status === 'delivered' ? m : undefined;
    });
    expect(messages[1].body).toBe(`Your numbers: ${number}. Phones that can text you here: none.`);
    expect(messages[1].from).toBe(number);
    const after = await eventually(async () => {
      const now = await stats();
      return now.deliveries.delivered === before.deliveries.delivered + 1 ? now : undefined;
    });
    expect(after).toMatchObject({
      total_messages: before.total_messages + 1,
      successful_routes: before.successful_routes + 1,
      failed_routes: before.failed_routes,
    });
    expect((await admin(s()).get<{ top_users: unknown[] }>('/webhook/stats')).body.top_users).toContainEqual({
      user_id: userId,
      message_count: 1,
      phone_number: handset,
    });
    const mine = (await usage()).logs.filter((l) => l.phone_number === handset);
    expect(mine).toEqual([
      expect.objectContaining({ user_id: userId, direction: 'outbound', success: true, outcome: 'delivered' }),
      expect.objectContaining({ user_id: userId, direction: 'inbound', success: true, outcome: 'answered' }),
    ]);
  });

  it('processes a message once: Twilio fetching the <Redirect> again sends no second reply', async () => {
    const { number } = await routedNumber(s(), 'router-once');
    const handset = '+14155552010';
    const answer = await textFrom(s(), handset, number, 'numbers');
    await eventually(async () => ((await sentTo(s(), handset)).length === 2 ? true : undefined));
    const params = { MessageSid: answer.message_sid, From: handset, To: number, Body: 'numbers' };
    const again = await s().webhook<string>(`${ROUTER}/webhook/process`, params);
    expect([again.status, again.text]).toEqual([200, EMPTY]);
    await new Promise((r) => setTimeout(r, 200));
    expect(await sentTo(s(), handset)).toHaveLength(2);
    const unknownSender = await s().webhook<string>(`${ROUTER}/webhook/process`, {
      ...params,
      MessageSid: `SM${'b'.repeat(32)}`,
      To: s().env.TWILIO_PHONE_NUMBER,
    });
    expect(unknownSender.text).toContain('<Message>Sorry, this number is not set up to receive your messages.</Message>');
  });

  it('answers the user’s recent calls and this month’s spending against their limit', async () => {
    const { number } = await routedNumber(s(), 'router-cal');
    const handset = '+14155552002';
    await textFrom(s(), handset, number, 'calls');
    await textFrom(s(), handset, number, 'usage');
    const replies = await eventually(async () => {
      const m = (await sentTo(s(), handset)).filter((x) => !x.body.startsWith('Thank you'));
      return m.length === 2 ? m.map((x) => x.body) : undefined;
    });
    expect(replies[0]).toBe('You have no calls yet.');
    // The routed number's fee is this month's spending: 1.00 of the default 50.00 limit.
    expect(replies[1]).toMatch(/^This month \(\d{4}-\d{2}\) you have spent 1\.00 USD of your 50\.00 USD limit \(2%\)\.$/);
  });

  it('answers a number nobody owns politely, with PHONE_NUMBER_NOT_FOUND in the usage log and a failed route', async () => {
    const before = await stats();
    const [service] = await s().t.client.incomingPhoneNumbers.list({ phoneNumber: s().env.TWILIO_PHONE_NUMBER });
    await s()
      .t.client.incomingPhoneNumbers(service.sid)
      .update({ smsUrl: `${s().url}${ROUTER}/webhook/sms` });
    const handset = '+14155552003';
    const answer = await textFrom(s(), handset, s().env.TWILIO_PHONE_NUMBER, 'hello');
    expect(answer.twiml).toContain('<Message>Sorry, this number is not set up to receive your messages.</Message>');
    expect(answer.twiml).not.toContain('Redirect');
    const after = await stats();
    expect([after.total_messages, after.failed_routes]).toEqual([before.total_messages + 1, before.failed_routes + 1]);
    expect((await usage()).logs.find((l) => l.phone_number === handset)).toMatchObject({
      user_id: null,
      success: false,
      outcome: 'PHONE_NUMBER_NOT_FOUND',
    });
  });

  it('STOP suppresses every reply to that sender from all the user’s numbers, START lifts it, HELP answers the help text', async () => {
    const first = await routedNumber(s(), 'router-stop');
    const second = await routedNumber(s(), 'router-stop', '212');
    const handset = '+14155552004';
    const stop = await textFrom(s(), handset, first.number, 'Stop');
    expect(stop.twiml).toBe(EMPTY);
    // The other number never heard STOP from Twilio's side: only the router's list keeps it quiet.
    const quiet = await textFrom(s(), handset, second.number, 'numbers');
    expect(quiet.twiml).toBe(EMPTY);
    expect((await usage()).logs.find((l) => l.phone_number === handset)).toMatchObject({ success: false, outcome: 'suppressed' });
    const start = await textFrom(s(), handset, first.number, 'start');
    expect(start.twiml).toBe(EMPTY);
    const help = await textFrom(s(), handset, second.number, 'HELP');
    expect(help.twiml).toContain('<Message>Text HELP for this message, NUMBERS for your numbers');
    const back = await textFrom(s(), handset, second.number, 'numbers');
    expect(back.twiml).toContain(ACK);
    const reply = await eventually(async () => (await sentTo(s(), handset)).find((m) => m.body.startsWith('Your numbers')));
    expect(reply.from).toBe(second.number);
    const outcomes = (await usage()).logs
      .filter((l) => l.phone_number === handset && l.direction === 'inbound')
      .map((l) => l.outcome);
    expect(outcomes).toEqual(['answered', 'help', 'opted_in', 'suppressed', 'opted_out']);
  });

  it('still acknowledges and hands the message to processing when Sync fails, which then apologises', async () => {
    const { number } = await routedNumber(s(), 'router-outage');
    await s().t.control('POST', '/_emulator/faults', { match: '/sync/v1/', status: 503, count: 1000 });
    expectLogged(/\[\/api\/v1\/sms-router\/webhook\/sms\]/);
    expectLogged(/\[\/api\/v1\/sms-router\/webhook\/process\]/);
    const answer = await textFrom(s(), '+14155552020', number, 'numbers');
    await s().t.control('DELETE', '/_emulator/faults');
    expect(answer.twiml).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><Response>${ACK}<Redirect method="POST">process</Redirect></Response>`,
    );
    // Processing failed too: the sender, told an answer was coming, is told there will be none.
    expect((await sentTo(s(), '+14155552020')).map((m) => m.body)).toEqual([
      "Thank you for your message. I'll process it shortly.",
      'Sorry, we could not answer your message right now. Please try again later.',
    ]);
  });

  it('routes with at most three Sync steps, two once the container knows the sender and the number, sending nothing itself', async () => {
    const { number } = await routedNumber(s(), 'router-trips');
    const other = await routedNumber(s(), 'router-trips-other');
    const sid = (c: string): string => `SM${c.repeat(32)}`;
    await s().webhook(`${ROUTER}/webhook/sms`, { MessageSid: sid('e'), From: '+14155552031', To: other.number, Body: 'hi' });
    const params = { From: '+14155552030', To: number, Body: 'numbers' };
    const trips = async (MessageSid: string): Promise<number> =>
      roundTrips(s(), async () => {
        expect((await s().webhook<string>(`${ROUTER}/webhook/sms`, { ...params, MessageSid })).text).toContain('<Redirect');
      });
    // Mapping and owner; opt-out beside the rate window's read; the window's write (and, the first time a
    // window shard is used, the creation of its map).
    const cold = await trips(sid('d'));
    expect([5, 6]).toContain(cold);
    // Remembered for a few seconds: only the rate window's read and write.
    expect(await trips(sid('c'))).toBe(2);
  });

  it('refuses a webhook without a valid signature with TWILIO_WEBHOOK_INVALID in the seed’s error body', async () => {
    const params = { MessageSid: `SM${'a'.repeat(32)}`, From: '+14155552005', To: '+14155550111', Body: 'hi' };
    const forged = await s().webhook<Record<string, unknown>>(`${ROUTER}/webhook/sms`, params, 'forged');
    expect(forged.status).toBe(403);
    expect(forged.body).toEqual({
      detail: expect.stringContaining('Invalid Twilio signature'),
      error_code: 'TWILIO_WEBHOOK_INVALID',
      status: 'error',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
    for (const [field, value] of [
      ['MessageSid', 'SM123'],
      ['From', 'not a number'],
      ['To', ''],
    ] as const) {
      const bad = await s().webhook<{ error_code: string; detail: string }>(`${ROUTER}/webhook/sms`, {
        ...params,
        [field]: value,
      });
      expect([bad.status, bad.body.error_code, bad.body.detail]).toEqual([
        400,
        'VALIDATION_ERROR',
        expect.stringContaining(field),
      ]);
    }
    const { Body: _body, ...noBody } = params;
    const missing = await s().webhook<{ error_code: string }>(`${ROUTER}/webhook/sms`, noBody);
    expect([missing.status, missing.body.error_code]).toEqual([400, 'VALIDATION_ERROR']);
  });
});
