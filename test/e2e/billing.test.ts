/**
 * Billing end to end, through the functions and the emulator: a number's fee on purchase, a browser call
 * whose callee talks 61 s (the emulator's talk-time setting) billed as 2 minutes, an inbound 801-emoji SMS billed by its UCS-2 segments, Twilio's callbacks
 * repeated without billing twice, the limit an admin sets refusing the next call aloud, and the admin's
 * rate cards.
 */
import jwt from 'jsonwebtoken';
import { buyIn, callerFor, PlatformCaller, PlatformError, usePlatform } from '../support/platform';
import { eventually } from '../support/emulator';
import { untilDone } from '../support/fake-service';
import type { TestService } from '../support/service';

const s = usePlatform();

interface Line {
  category: string;
  count: number;
  amount: number;
  minutes?: number;
  segments?: number;
  months?: number;
}
interface Usage {
  month: string;
  priceUnit: string;
  categories: Line[];
  total: number;
  phoneNumbers: { phoneNumberId: string; number: string; categories: Line[]; total: number }[];
  limit: { monthlyLimit: number; spent: number; percentUsed: number; alert: string; source: string };
}
interface Bill {
  month: string;
  status: string;
  lineItems: Line[];
  numberFees: { phoneNumberId: string; months: number; amount: number }[];
  total: number;
}

const line = (u: { categories: Line[] }, category: string): Line | undefined => u.categories.find((l) => l.category === category);

function admin(svc: TestService): { post: PlatformCaller['post']; get: PlatformCaller['get'] } {
  const token = jwt.sign({ sub: 'billing-admin', roles: ['admin'] }, svc.env.JWT_SECRET, { algorithm: 'HS256', expiresIn: 600 });
  const headers = { Authorization: `Bearer ${token}` };
  return {
    get: (path, query) => svc.get(path, { query, headers }),
    post: (path, json) => svc.post(path, { json: json ?? {}, headers }),
  };
}

async function usage(caller: PlatformCaller): Promise<Usage> {
  const r = await caller.get<{ success: boolean; usage: Usage }>('/api/twilio/usage');
  expect(r.status).toBe(200);
  return r.body.usage;
}

async function registerDevice(caller: PlatformCaller): Promise<string> {
  const token = await caller.get<{ token: string; identity: string }>('/api/twilio/access-token');
  expect((await s().t.control('POST', '/_emulator/devices', { token: token.body.token })).status).toBe(201);
  return token.body.identity;
}

describe('billing, end to end', () => {
  it('bills the number, a 61 s browser call as 2 minutes, an 801-emoji SMS by segment, each once; the limit stops the next call', async () => {
    const cat = callerFor(s(), 'cat');
    const identity = await registerDevice(cat);
    const number = await buyIn(cat, '415');

    const fresh = await usage(cat);
    expect(fresh.priceUnit).toBe('USD');
    expect(line(fresh, 'phone-numbers')).toEqual({ category: 'phone-numbers', count: 1, months: 1, amount: 1 });
    expect(fresh.limit).toMatchObject({ monthlyLimit: 50, spent: 1, alert: 'ok', source: 'default' });

    // A browser call through the emulator whose callee talks 61 s (emulated time): billed as 2 minutes.
    await s().t.control('POST', '/_emulator/talk-times', { number: '+14155557788', seconds: 61 });
    const long = await s().t.control<{ call_sid: string }>('POST', `/_emulator/devices/${identity}/connect`, {
      params: { To: '+14155557788' },
    });
    expect(long.status).toBe(200);
    const longView = await untilDone(s().t, long.body.call_sid, 20_000);
    expect(JSON.stringify(longView.children)).toContain('"duration":61');
    const billed = { category: 'calls-outbound', count: 1, minutes: 2, amount: 0.017 };
    const afterCall = await eventually(async () => {
      const u = await usage(cat);
      return line(u, 'calls-outbound')?.count === 1 ? u : undefined;
    });
    expect(line(afterCall, 'calls-outbound')).toEqual(billed);

    // Twilio reports the call's end again (to the TwiML App and the status callback): nothing is billed twice.
    const end = {
      CallSid: long.body.call_sid,
      From: `client:${identity}`,
      To: '+14155557788',
      DialCallStatus: 'completed',
      DialCallDuration: '61',
    };
    expect((await s().webhook('/api/twilio/voice', end)).status).toBe(200);
    const completed = {
      CallSid: long.body.call_sid,
      CallStatus: 'completed',
      CallDuration: String(longView.duration),
      Direction: 'inbound',
      From: `client:${identity}`,
    };
    expect((await s().webhook('/webhooks/twilio/call-status', completed)).status).toBe(200);
    expect(line(await usage(cat), 'calls-outbound')).toEqual(billed);

    // 801 emoji: UCS-2, 67 characters (code points) per segment -> 12 segments, through the emulator's webhook.
    const inbound = await s().t.control('POST', '/_emulator/inbound-sms', {
      From: '+14155550999',
      To: number.number,
      Body: '😀'.repeat(801),
    });
    expect(inbound.status).toBe(200);
    const afterSms = await usage(cat);
    expect(line(afterSms, 'sms-inbound')).toEqual({ category: 'sms-inbound', count: 1, segments: 12, amount: 0.09 });
    expect(afterSms.total).toBe(1.107);
    const own = afterSms.phoneNumbers.find((n) => n.phoneNumberId === number.id);
    expect(own?.total).toBe(1.107);
    expect(afterSms.categories.reduce((sum, l) => sum + Math.round(l.amount * 1e6), 0)).toBe(1_107_000);

    // A real browser call through the emulator: answered, 5 s of talk, billed 1 minute with Twilio's price.
    const connect = await s().t.control<{ call_sid: string }>('POST', `/_emulator/devices/${identity}/connect`, {
      params: { To: '+14155557789' },
    });
    expect(connect.status).toBe(200);
    await untilDone(s().t, connect.body.call_sid, 10_000);
    const afterReal = await eventually(async () => {
      const u = await usage(cat);
      return line(u, 'calls-outbound')?.count === 2 ? u : undefined;
    });
    expect(line(afterReal, 'calls-outbound')).toEqual({ category: 'calls-outbound', count: 2, minutes: 3, amount: 0.0255 });

    // The admin sets Cat's limit to what she has spent: the alert shows and the next call is refused aloud.
    const boss = admin(s());
    const set = await boss.post('/api/admin/spending-limits/update', { userId: Number(number.userId), limit: '1.1155' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ success: true, spendingLimit: { userId: number.userId, monthlyLimit: 1.1155 } });
    expect((await usage(cat)).limit).toMatchObject({
      monthlyLimit: 1.1155,
      spent: 1.1155,
      alert: 'limit_reached',
      percentUsed: 100,
    });
    const refused = await s().t.control<{ call_sid: string }>('POST', `/_emulator/devices/${identity}/connect`, {
      params: { To: '+14155557790' },
    });
    const view = await untilDone(s().t, refused.body.call_sid, 10_000);
    expect(JSON.stringify(view)).toContain('spending limit has been reached');
    expect(view.children).toEqual([]);
    // Twilio still charges the browser leg that heard the refusal, and so does the platform: one started minute.
    const afterRefusal = await eventually(async () => {
      const u = await usage(cat);
      return line(u, 'calls-inbound')?.count === 1 ? u : undefined;
    });
    expect(line(afterRefusal, 'calls-inbound')).toEqual({ category: 'calls-inbound', count: 1, minutes: 1, amount: 0.0085 });

    // Messages from her number are refused too, whoever sends them (in /api/send-sms's own error shape).
    const sms = await s().post<{ error: string }>('/api/send-sms', {
      json: { from: number.number, to: '+14155557791', body: 'hello' },
      token: await s().flexToken('cat-agent'),
    });
    expect([sms.status, sms.body.error]).toEqual([402, expect.stringContaining('spending limit has been reached')]);

    // Raising the limit lets calls through again (80% shows the alert).
    await boss.post('/api/admin/spending-limits/update', { userId: Number(number.userId), limit: '1.30' });
    expect((await usage(cat)).limit.alert).toBe('alert');

    const bills = await cat.get<{ bills: Bill[] }>('/api/twilio/billing', { months: '2' });
    expect(bills.status).toBe(200);
    expect(bills.body.bills).toHaveLength(2);
    const [open, closed] = bills.body.bills;
    expect(open).toMatchObject({
      status: 'open',
      total: 1.124,
      numberFees: [{ phoneNumberId: number.id, months: 1, amount: 1 }],
    });
    expect(closed).toMatchObject({ status: 'closed', total: 0, numberFees: [] });
  });

  it('keeps rate cards: a new card applies from its effective time, the old ones stay listed', async () => {
    const boss = admin(s());
    const soon = new Date(Date.now() + 120_000).toISOString();
    const set = await boss.post('/api/admin/rates/update', { smsPerSegment: '0.01', effectiveAt: soon });
    expect(set.status).toBe(200);
    const cards = await boss.get<{ currentRateCardId: string; rateCards: { id: string; rates: Record<string, number> }[] }>(
      '/api/admin/rates',
    );
    expect(cards.body.currentRateCardId).toBe('default');
    expect(cards.body.rateCards.map((c) => c.rates.smsPerSegment)).toEqual([0.0075, 0.01]);
    expect(cards.body.rateCards[1].rates.phoneNumberMonthly).toBe(1);

    const past = await boss.post<PlatformError>('/api/admin/rates/update', {
      smsPerSegment: '0.02',
      effectiveAt: '2020-01-01T00:00:00Z',
    });
    expect([past.status, past.body.error]).toEqual([400, 'VALIDATION_ERROR']);
    const agent = await callerFor(s(), 'cat').post<PlatformError>('/api/admin/rates/update', { smsPerSegment: '0.02' });
    expect(agent.status).toBe(403);
  });
});
