/**
 * End to end, through the functions and the emulator: two users buy numbers and use them (a recorded
 * browser call, an inbound call answered in the browser, inbound SMS); then the admin's revenue for the month
 * equals the sum of the users' bills minus Twilio's prices, and reconciling the ledger against the emulator's
 * Usage Records shows no difference from the users' traffic (the emulator's sample traffic and numbers are
 * billed to nobody: their difference is measured before and stays the same).
 */
import { buyIn, callerFor, PlatformCaller, usePlatform } from '../support/platform';
import { eventually } from '../support/emulator';
import { untilDone } from '../support/fake-service';

const s = usePlatform();
const month = new Date().toISOString().slice(0, 7);
const micros = (n: number): number => Math.round(n * 1_000_000);

interface Bill {
  month: string;
  total: number;
}
interface RevenueLine {
  count: number;
  billed: number;
  twilioCost: number;
  margin: number;
  unpriced: number;
}
interface Reconciled {
  category: string;
  ledger: { count: number; unpriced: number; twilioCost: number };
  usageRecords: { price: number };
  difference: number;
}

async function reconciled(): Promise<Record<string, Reconciled>> {
  const body = await admin<{ reconciliation: { categories: Reconciled[] } }>('/api/admin/reconcile');
  return Object.fromEntries(body.reconciliation.categories.map((c) => [c.category, c]));
}

async function registerDevice(caller: PlatformCaller): Promise<string> {
  const token = await caller.get<{ token: string; identity: string }>('/api/twilio/access-token');
  expect((await s().t.control('POST', '/_emulator/devices', { token: token.body.token })).status).toBe(201);
  return token.body.identity;
}

async function admin<T>(path: string): Promise<T> {
  const res = await s().get<T>(path, { query: { month }, token: await s().flexToken('ops', ['admin']) });
  expect(res.status).toBe(200);
  return res.body;
}

/** What Twilio charged for the calls, recordings and messages of a user's numbers (micros). */
async function twilioPricesOf(numbers: string[]): Promise<number> {
  const { client } = s().t;
  let sum = 0;
  for (const number of numbers) {
    const calls = [...(await client.calls.list({ from: number })), ...(await client.calls.list({ to: number }))];
    const messages = [...(await client.messages.list({ to: number })), ...(await client.messages.list({ from: number }))];
    for (const c of calls) {
      sum += micros(-Number(c.price ?? 0));
      for (const r of await client.recordings.list({ callSid: c.sid })) sum += micros(-Number(r.price ?? 0));
    }
    for (const m of messages) sum += micros(-Number(m.price ?? 0));
  }
  return sum;
}

/** What Twilio charges a month for a US local number (micros), as its Pricing API quotes it. */
async function localNumberPrice(): Promise<number> {
  const us = await s().t.client.pricing.v1.phoneNumbers.countries('US').fetch();
  return micros(us.phoneNumberPrices.find((p) => p.number_type === 'local')?.current_price ?? NaN);
}

describe('admin analytics, end to end', () => {
  it('revenue equals the users’ bills minus Twilio’s prices; Usage Records agree with the ledger', async () => {
    const ann = callerFor(s(), 'ann');
    const bob = callerFor(s(), 'bob');
    const annIdentity = await registerDevice(ann);
    const bobIdentity = await registerDevice(bob);
    // The emulator's own sample traffic and numbers are on the account's bill and on no user's.
    const before = await reconciled();
    const annNumber = await buyIn(ann, '415');
    const bobNumber = await buyIn(bob, '212');

    // Ann: a recorded browser call to a phone.
    const out = await s().t.control<{ call_sid: string }>('POST', `/_emulator/devices/${annIdentity}/connect`, {
      params: { To: '+14155557788', record: 'true' },
    });
    await untilDone(s().t, out.body.call_sid, 10_000);
    // Bob: an inbound call answered in the browser, and two inbound SMS (one of 3 UCS-2 segments).
    const inbound = await s().t.control<{ call_sid: string }>('POST', '/_emulator/inbound-call', {
      From: '+14155559999',
      To: bobNumber.number,
    });
    await eventually(async () => {
      const r = await s().t.control<{ devices: { ringing?: unknown[] }[] }>('GET', `/_emulator/devices?identity=${bobIdentity}`);
      return r.body.devices[0]?.ringing?.length ? true : undefined;
    });
    await s().t.control('POST', `/_emulator/devices/${bobIdentity}/answer`, { duration: 61 });
    await untilDone(s().t, inbound.body.call_sid, 10_000);
    for (const Body of ['Hi Bob', '😀'.repeat(150)]) {
      expect(
        (await s().t.control('POST', '/_emulator/inbound-sms', { From: '+14155559999', To: bobNumber.number, Body })).status,
      ).toBe(200);
    }
    await s().t.emu.quiesce();

    // Twilio's prices are final after the callbacks: the scheduled log repair brings them to the ledger.
    const ops = await s().flexToken('ops', ['admin']);
    expect((await s().post<{ done: boolean }>('/admin/reconcile', { token: ops, json: { window_minutes: 60 } })).body.done).toBe(
      true,
    );
    // Every event billed with Twilio's price: numbers' fees with Twilio's monthly price of a local number.
    const revenue = await eventually(async () => {
      const r = await admin<{ revenue: { categories: Record<string, RevenueLine>; total: RevenueLine } }>('/api/admin/revenue');
      const c = r.revenue.categories;
      const done =
        c['calls-outbound'].count >= 1 &&
        c['calls-inbound'].count >= 1 &&
        c.recordings.count === 1 &&
        c['sms-inbound'].count === 2 &&
        c['phone-numbers'].count === 2 &&
        r.revenue.total.unpriced === 0;
      return done ? r.revenue : undefined;
    }, 15_000);

    const bills = await Promise.all(
      [ann, bob].map(async (u) => (await u.get<{ bills: Bill[] }>('/api/twilio/billing', { months: '1' })).body.bills),
    );
    const billed = bills.flat().filter((b) => b.month === month);
    expect(billed).toHaveLength(2);
    const sumOfBills = billed.reduce((sum, b) => sum + micros(b.total), 0);
    const twilioPrices =
      (await twilioPricesOf([annNumber.number, bobNumber.number, `client:${annIdentity}`, `client:${bobIdentity}`])) +
      2 * (await localNumberPrice());
    expect(micros(revenue.total.billed)).toBe(sumOfBills);
    expect(micros(revenue.total.twilioCost)).toBe(twilioPrices);
    expect(micros(revenue.total.margin)).toBe(sumOfBills - twilioPrices);

    // The ledger's Twilio cost against the emulator's Usage Records for the month: the users' traffic and
    // numbers add no difference.
    const after = await reconciled();
    for (const c of ['calls', 'recordings', 'sms', 'phonenumbers']) {
      expect([c, micros(after[c].difference)]).toEqual([c, micros(before[c].difference)]);
      expect(after[c].ledger.unpriced).toBe(0);
    }
    expect(after.calls.ledger.count).toBe(4); // both legs of each call, each billed to the user who owns it
    expect(after.phonenumbers.ledger).toEqual({ count: 2, unpriced: 0, twilioCost: (2 * (await localNumberPrice())) / 1e6 });
  });
});
