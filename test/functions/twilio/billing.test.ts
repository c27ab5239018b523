/**
 * The billing functions over HTTP: inputs refused before any work, who may set rates and limits, the default
 * limit from DEFAULT_MONTHLY_LIMIT, an SMS to a user's number through /api/receive-sms billed once, and
 * reconciliation billing a message Twilio sent from a user's number that no function saw, with its price.
 */
import jwt from 'jsonwebtoken';
import { buyIn, callerFor, PlatformError, usePlatform } from '../../support/platform';
import { eventually } from '../../support/emulator';
import { twilioClient } from '../../../src/lib/runtime/twilio-client';
import { ledgerEntriesOf } from '../../../src/lib/billing/reports';

const s = usePlatform({ env: { DEFAULT_MONTHLY_LIMIT: '20.00' } });

interface Line {
  category: string;
  count: number;
  amount: number;
  segments?: number;
}
interface Usage {
  month: string;
  categories: Line[];
  total: number;
  limit: { monthlyLimit: number; alert: string; source: string };
}

const line = (u: Usage, category: string): Line | undefined => u.categories.find((l) => l.category === category);
const adminHeaders = (permissions: string[], roles: string[] = []): Record<string, string> => ({
  Authorization: `Bearer ${jwt.sign({ sub: 'ops', permissions, roles }, s().env.JWT_SECRET, { algorithm: 'HS256', expiresIn: 60 })}`,
});

describe('billing functions', () => {
  it('refuses bad inputs (400) and callers without system:manage_rates (403)', async () => {
    const dan = callerFor(s(), 'dan');
    for (const month of ['2024-13', '24-01', 'May']) {
      const r = await dan.get<PlatformError>('/api/twilio/usage', { month });
      expect([r.status, r.body.error]).toEqual([400, 'VALIDATION_ERROR']);
    }
    const months = await dan.get<PlatformError>('/api/twilio/billing', { months: '25' });
    expect([months.status, months.body.error]).toEqual([400, 'VALIDATION_ERROR']);
    for (const path of ['/api/admin/rates/update', '/api/admin/spending-limits/update']) {
      const r = await dan.post<PlatformError>(path, { userId: 1, limit: '5', smsPerSegment: '0.01' });
      expect([r.status, r.body]).toEqual([
        403,
        { success: false, error: 'FORBIDDEN', message: 'Permission required: system:manage_rates' },
      ]);
    }
    expect((await dan.get('/api/admin/rates')).status).toBe(403);
    const ops = adminHeaders(['system:manage_rates']);
    for (const limit of ['-1', '1.1234567', 'ten', '']) {
      const r = await s().post<PlatformError>('/api/admin/spending-limits/update', { json: { userId: 1, limit }, headers: ops });
      expect([r.status, r.body.error]).toEqual([400, 'VALIDATION_ERROR']);
    }
    const none = await s().post<PlatformError>('/api/admin/rates/update', { json: {}, headers: ops });
    expect([none.status, none.body.error]).toEqual([400, 'VALIDATION_ERROR']);
    const ok = await s().get<{ rateCards: { id: string; priceUnit: string; rates: Record<string, number> }[] }>(
      '/api/admin/rates',
      {
        headers: ops,
      },
    );
    expect(ok.body.rateCards[0]).toEqual(
      expect.objectContaining({
        id: 'default',
        priceUnit: 'USD',
        rates: {
          phoneNumberMonthly: 1,
          outboundCallPerMinute: 0.0085,
          inboundCallPerMinute: 0.0085,
          recordingPerMinute: 0.0025,
          smsPerSegment: 0.0075,
        },
      }),
    );
  });

  it('bills an SMS to a user’s number through /api/receive-sms once; another month is empty; the default limit applies', async () => {
    const eve = callerFor(s(), 'eve');
    const number = await buyIn(eve, '212');
    const params = { From: '+14155550999', To: number.number, Body: 'x'.repeat(161), MessageSid: `SM${'a1'.repeat(16)}` };
    for (let i = 0; i < 3; i++) expect((await s().webhook('/api/receive-sms', params)).status).toBe(200);
    const u = (await eve.get<{ usage: Usage }>('/api/twilio/usage')).body.usage;
    expect(line(u, 'sms-inbound')).toEqual({ category: 'sms-inbound', count: 1, segments: 2, amount: 0.015 });
    expect(u.limit).toMatchObject({ monthlyLimit: 20, source: 'default', alert: 'ok' });
    const past = (await eve.get<{ usage: Usage }>('/api/twilio/usage', { month: '2020-01' })).body.usage;
    expect([past.month, past.total]).toEqual(['2020-01', 0]);
  });

  it('reconciliation bills a message sent from a user’s number outside the service, with Twilio’s price', async () => {
    const fay = callerFor(s(), 'fay');
    const number = await buyIn(fay, '646');
    const sent = await s().t.client.messages.create({ from: number.number, to: '+14155557700', body: 'hello from outside' });
    await eventually(async () => ((await s().t.client.messages(sent.sid).fetch()).price ? true : undefined));
    const before = (await fay.get<{ usage: Usage }>('/api/twilio/usage')).body.usage;
    expect(line(before, 'sms-outbound')?.count).toBe(0);
    const run = await s().post('/admin/reconcile', { json: {}, headers: adminHeaders([], ['admin']) });
    expect(run.status).toBe(200);
    const after = (await fay.get<{ usage: Usage }>('/api/twilio/usage')).body.usage;
    expect(line(after, 'sms-outbound')).toEqual({ category: 'sms-outbound', count: 1, segments: 1, amount: 0.0075 });
    const twilioPrice = (await s().t.client.messages(sent.sid).fetch()).price;
    const [entry] = await ledgerEntriesOf(twilioClient(s().env), s().env, sent.sid);
    expect(entry).toMatchObject({
      category: 'sms-outbound',
      amountMicros: 7500,
      twilioPrice,
      twilioPriceCounted: true,
      rateCardId: 'default',
    });
    expect(twilioPrice).toMatch(/^-0\.\d+$/);
    // A second run bills nothing more.
    await s().post('/admin/reconcile', { json: { window_minutes: 60 }, headers: adminHeaders([], ['admin']) });
    expect(line((await fay.get<{ usage: Usage }>('/api/twilio/usage')).body.usage, 'sms-outbound')?.count).toBe(1);
  });
});
