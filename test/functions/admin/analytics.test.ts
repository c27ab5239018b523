/**
 * The admin analytics over HTTP: who may call them, what bad input answers, and what they answer for a month
 * with traffic (an inbound SMS on a user's number, billed by the metering) and for an empty one.
 */
import { bearer, buyIn, callerFor, usePlatform } from '../../support/platform';
import { eventually } from '../../support/emulator';

const s = usePlatform();

const ANALYTICS = ['/api/admin/usage', '/api/admin/users', '/api/admin/revenue', '/api/admin/reconcile'];
const month = new Date().toISOString().slice(0, 7);
const day = new Date().toISOString().slice(0, 10);

async function admin<T>(path: string, query: Record<string, string> = {}) {
  return s().get<T>(path, { query, token: await s().flexToken('ops', ['admin']) });
}

describe('admin analytics access', () => {
  it.each(ANALYTICS)('%s refuses no credentials (401), an agent and a plain user (403)', async (path) => {
    expect((await s().get(path)).body).toEqual({ success: false, error: 'UNAUTHORIZED', message: expect.any(String) });
    const forbidden = { success: false, error: 'FORBIDDEN', message: 'Permission required: system:view_usage_analytics' };
    const agent = await s().get(path, { token: await s().flexToken('agent-7', ['agent']) });
    expect([agent.status, agent.body]).toEqual([403, forbidden]);
    const user = await s().get(path, { headers: { Authorization: `Bearer ${bearer(s(), 'someone')}` } });
    expect([user.status, user.body]).toEqual([403, forbidden]);
  });
});

describe('admin analytics input', () => {
  it.each([
    ['/api/admin/usage', { from: '2026-02-30' }, 'from'],
    ['/api/admin/usage', { to: 'yesterday' }, 'to'],
    ['/api/admin/usage', { granularity: 'week' }, 'granularity'],
    ['/api/admin/usage', { from: '2026-03-10', to: '2026-03-01' }, 'from'],
    ['/api/admin/usage', { from: '2026-01-01', to: '2026-03-01' }, 'to'],
    ['/api/admin/usage', { from: '2020-01', to: '2026-01', granularity: 'month' }, 'to'],
    ['/api/admin/users', { sort: 'name' }, 'sort'],
    ['/api/admin/users', { page: '0' }, 'page'],
    ['/api/admin/users', { limit: '101' }, 'limit'],
    ['/api/admin/users', { month: '2026-13' }, 'month'],
    ['/api/admin/revenue', { month: '2026-1' }, 'month'],
    ['/api/admin/reconcile', { month: 'May' }, 'month'],
  ])('%s answers 400 for %j', async (path, query, field) => {
    const res = await admin<{ message: string }>(path, query);
    expect([res.status, res.body]).toEqual([400, { success: false, error: 'VALIDATION_ERROR', message: expect.any(String) }]);
    expect(res.body.message).toContain(field);
  });
});

describe('admin analytics answers', () => {
  it('an empty month answers zeros, no users, and pagination of nothing', async () => {
    const revenue = await admin<{ revenue: { total: Record<string, number> } }>('/api/admin/revenue', { month: '2001-01' });
    expect(revenue.body.revenue.total).toEqual({ count: 0, billed: 0, twilioCost: 0, margin: 0, unpriced: 0 });
    const users = await admin<{ users: unknown[]; pagination: object }>('/api/admin/users', { month: '2001-01' });
    expect(users.body).toMatchObject({ users: [], pagination: { page: 1, limit: 20, totalPages: 0, totalItems: 0 } });
    const usage = await admin<{ series: { period: string }[] }>('/api/admin/usage', { from: '2001-01-30', to: '2001-02-02' });
    expect(usage.body.series.map((p) => p.period)).toEqual(['2001-01-30', '2001-01-31', '2001-02-01', '2001-02-02']);
  });

  it('a billed inbound SMS shows in the day’s usage, the month’s revenue, and its user’s activity', async () => {
    const cleo = callerFor(s(), 'cleo');
    const number = await buyIn(cleo, '415');
    const sms = await s().t.control('POST', '/_emulator/inbound-sms', { From: '+14155559999', To: number.number, Body: 'hello' });
    expect(sms.status).toBe(200);

    interface Point {
      period: string;
      categories: Record<string, { count: number; quantity: number; unit: string; amount: number }>;
    }
    const usage = await eventually(async () => {
      const r = await admin<{ series: Point[]; priceUnit: string }>('/api/admin/usage', { from: day, to: day });
      return r.body.series[0]?.categories['sms-inbound'].count === 1 ? r.body : undefined;
    });
    expect(usage.priceUnit).toBe('USD');
    expect(usage.series[0].categories['sms-inbound']).toMatchObject({ quantity: 1, unit: 'segments', amount: 0.0075 });
    expect(usage.series[0].categories['phone-numbers']).toMatchObject({ count: 1, unit: 'months', amount: 1 });
    const byMonth = await admin<{ series: Point[] }>('/api/admin/usage', { from: month, to: month, granularity: 'month' });
    expect(byMonth.body.series).toEqual([expect.objectContaining({ period: month })]);
    expect(byMonth.body.series[0].categories['sms-inbound'].count).toBe(1);

    const revenue = await admin<{ revenue: { categories: Record<string, { billed: number; count: number }> } }>(
      '/api/admin/revenue',
    );
    expect(revenue.body.revenue.categories['sms-inbound']).toMatchObject({ count: 1, billed: 0.0075 });

    const users = await admin<{ users: { userId: string; messages: object; cost: number }[] }>('/api/admin/users', {
      sort: 'messages',
    });
    expect(users.body.users.find((u) => u.userId === number.userId)).toMatchObject({
      messages: { count: 1, segments: 1 },
      cost: 1.0075,
    });
  });
});
