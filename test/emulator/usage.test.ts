import { eventually, useEmulator } from '../support/emulator';
import { twiml, untilDone, useFakeService } from '../support/fake-service';

const t = useEmulator({ functionsBaseUrl: 'http://127.0.0.1:9' });
const fake = useFakeService(t);

const OWN = '+14155550100';
const DAY = 86_400_000;
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const asDate = (day: string): Date => new Date(`${day}T00:00:00Z`);
/** A price (Twilio's negative string, or a Usage Record's positive number) in USD millionths. */
const micros = (price: string | number | null): number => Math.round(Math.abs(Number(price ?? 0)) * 1_000_000);
const sum = (prices: (string | number | null)[]): number => prices.reduce<number>((s, p) => s + micros(p), 0);

type Filter = { day: string } | { from: string };

/** The account's individual prices over a day or since a day, by the lists' own date filters. */
async function individualPrices(filter: Filter) {
  const { client } = t();
  const messages = await client.messages.list(
    'day' in filter ? { dateSent: asDate(filter.day) } : { dateSentAfter: asDate(filter.from) },
  );
  const calls = await client.calls.list(
    'day' in filter ? { startTime: asDate(filter.day) } : { startTimeAfter: asDate(filter.from) },
  );
  const recordings = await client.recordings.list(
    'day' in filter ? { dateCreated: asDate(filter.day) } : { dateCreatedAfter: asDate(filter.from) },
  );
  const whatsapp = messages.filter((m) => m.to.startsWith('whatsapp:'));
  const mms = messages.filter((m) => !m.to.startsWith('whatsapp:') && m.numMedia !== '0');
  const sms = messages.filter((m) => !m.to.startsWith('whatsapp:') && m.numMedia === '0');
  return {
    sms: {
      micros: sum(sms.map((m) => m.price)),
      count: sms.length,
      segments: sms.reduce((s, m) => s + Number(m.numSegments), 0),
    },
    mms: sum(mms.map((m) => m.price)),
    whatsapp: sum(whatsapp.map((m) => m.price)),
    calls: { micros: sum(calls.map((c) => c.price)), count: calls.filter((c) => c.price !== null).length },
    recordings: sum(recordings.map((r) => r.price)),
  };
}

describe('prices from the emulator price table', () => {
  it('prices SMS per segment (sent and received), MMS and WhatsApp per message', async () => {
    const { client, control } = t();
    const sent = await client.messages.create({ to: '+14155559999', from: OWN, body: 'hello' });
    expect(sent.price).toBeNull(); // not final while queued
    const done = await eventually(async () => {
      const m = await client.messages(sent.sid).fetch();
      return m.price === null ? undefined : m;
    });
    expect(done).toMatchObject({ price: '-0.00830', priceUnit: 'USD' });

    const [number] = await client.incomingPhoneNumbers.list({ phoneNumber: OWN });
    await client.incomingPhoneNumbers(number.sid).update({ smsUrl: fake().on('/sms', twiml('')) });
    // 80 emoji are UCS-2: two segments of 67.
    const inbound = await control<{ message_sid: string }>('POST', '/_emulator/inbound-sms', {
      From: '+14155551234',
      To: OWN,
      Body: '😀'.repeat(80),
    });
    const received = await client.messages(inbound.body.message_sid).fetch();
    expect(received).toMatchObject({ numSegments: '2', price: '-0.01660' });

    const mms = await client.messages.create({ to: '+14155559998', from: OWN, mediaUrl: ['https://example.com/cat.png'] });
    const whatsapp = await client.messages.create({ to: 'whatsapp:+14155559997', from: `whatsapp:${OWN}`, body: 'hi' });
    const prices = await eventually(async () => {
      const all = await Promise.all([mms.sid, whatsapp.sid].map((sid) => client.messages(sid).fetch()));
      return all.every((m) => m.price !== null) ? all.map((m) => m.price) : undefined;
    });
    expect(prices).toEqual(['-0.02200', '-0.00500']);
  });

  it('prices calls per started minute by direction and endpoint, recordings per started minute', async () => {
    const { client, control } = t();
    const url = fake().on('/hello', twiml('<Say>Hello there, this is a short call</Say>'));
    const outbound = await client.calls.create({ to: '+14155557001', from: OWN, url, record: true });
    await untilDone(t(), outbound.sid);
    expect((await client.calls(outbound.sid).fetch()).price).toBe('-0.01400');
    const [recording] = await eventually(async () => {
      const list = await client.recordings.list({ callSid: outbound.sid });
      return list.length && list[0].price !== null ? list : undefined;
    });
    expect(recording.price).toBe('-0.00250');

    const [number] = await client.incomingPhoneNumbers.list({ phoneNumber: OWN });
    await client.incomingPhoneNumbers(number.sid).update({ voiceUrl: url });
    const inbound = await control<{ call_sid: string }>('POST', '/_emulator/inbound-call', { From: '+14155557002', To: OWN });
    await untilDone(t(), inbound.body.call_sid);
    expect((await client.calls(inbound.body.call_sid).fetch()).price).toBe('-0.00850');
  });
});

describe('Usage Records', () => {
  const today = dayOf(Date.now());
  const monthStart = `${today.slice(0, 7)}-01`;
  /** The sample numbers, bought when the emulator started: one local fee each so far. */
  const NUMBER_FEES = 2 * 1_150_000;

  it("totals a day's traffic to the sum of its individual prices, by category and in totalprice", async () => {
    const { client } = t();
    const mine = await individualPrices({ day: today });
    const records = await client.usage.records.daily.list({ startDate: asDate(today), endDate: asDate(today) });
    const by = new Map(records.map((r) => [r.category, r]));
    // The earlier tests' traffic (and the sample history) is in today's figures.
    expect(mine.sms.count).toBeGreaterThanOrEqual(2);
    expect([mine.mms, mine.whatsapp, mine.calls.count, mine.recordings].every((n) => n > 0)).toBe(true);
    expect(by.get('sms')).toMatchObject({
      count: String(mine.sms.count),
      countUnit: 'messages',
      usage: String(mine.sms.segments),
      usageUnit: 'segments',
      priceUnit: 'usd',
    });
    expect(by.get('sms')?.startDate.toISOString().slice(0, 10)).toBe(today);
    expect(micros(by.get('sms')?.price ?? 0)).toBe(mine.sms.micros);
    expect(micros(by.get('mms')?.price ?? 0)).toBe(mine.mms);
    expect(micros(by.get('channels-whatsapp')?.price ?? 0)).toBe(mine.whatsapp);
    expect(micros(by.get('calls')?.price ?? 0)).toBe(mine.calls.micros);
    expect(by.get('calls')?.count).toBe(String(mine.calls.count));
    expect(micros(by.get('recordings')?.price ?? 0)).toBe(mine.recordings);
    expect(micros(by.get('phonenumbers')?.price ?? 0)).toBe(NUMBER_FEES);
    const total = mine.sms.micros + mine.mms + mine.whatsapp + mine.calls.micros + mine.recordings + NUMBER_FEES;
    expect(micros(by.get('totalprice')?.price ?? 0)).toBe(total);
    // The parts add up to their parent.
    const parts = records.filter((r) => ['calls-inbound', 'calls-outbound', 'calls-client', 'calls-sip'].includes(r.category));
    expect(parts).toHaveLength(4);
    expect(sum(parts.map((r) => r.price))).toBe(mine.calls.micros);

    const [todayRecord] = await client.usage.records.today.list({ category: 'totalprice' });
    expect(micros(todayRecord.price)).toBe(total);
  });

  it("totals the month's traffic to the sum of its individual prices", async () => {
    const { client } = t();
    const mine = await individualPrices({ from: monthStart });
    const [monthly] = await client.usage.records.monthly.list({
      category: 'totalprice',
      startDate: asDate(monthStart),
      endDate: asDate(today),
    });
    const total = mine.sms.micros + mine.mms + mine.whatsapp + mine.calls.micros + mine.recordings + NUMBER_FEES;
    expect(micros(monthly.price)).toBe(total);
    expect(monthly.startDate.toISOString().slice(0, 10)).toBe(monthStart);
    const [thisMonth] = await client.usage.records.thisMonth.list({ category: 'sms' });
    expect(micros(thisMonth.price)).toBe(mine.sms.micros);
  });

  it('cuts a range into days, months and years and filters by StartDate and EndDate', async () => {
    const { client } = t();
    const from = dayOf(Date.now() - 3 * DAY);
    const daily = await client.usage.records.daily.list({ category: 'sms', startDate: asDate(from), endDate: asDate(today) });
    expect(daily.map((r) => r.startDate.toISOString().slice(0, 10))).toEqual(
      [0, 1, 2, 3].map((k) => dayOf(Date.parse(from) + k * DAY)),
    );
    for (const record of daily) {
      const day = record.startDate.toISOString().slice(0, 10);
      expect(record.endDate.toISOString().slice(0, 10)).toBe(day);
      expect(micros(record.price)).toBe((await individualPrices({ day })).sms.micros);
    }
    const yesterday = dayOf(Date.now() - DAY);
    const [fromYesterday] = await client.usage.records.yesterday.list({ category: 'sms' });
    expect(micros(fromYesterday.price)).toBe((await individualPrices({ day: yesterday })).sms.micros);
    const [yearly] = await client.usage.records.yearly.list({ category: 'sms', startDate: asDate(from), endDate: asDate(today) });
    expect(micros(yearly.price)).toBe(daily.reduce((s, r) => s + micros(r.price), 0));

    // An offset from today, as Twilio accepts, through the wire.
    const auth = Buffer.from(`${t().emu.accountSid}:${t().emu.authToken}`).toString('base64');
    const res = await fetch(
      `${t().url}/api/2010-04-01/Accounts/${t().emu.accountSid}/Usage/Records/Daily.json?Category=sms&StartDate=-3days`,
      { headers: { Authorization: `Basic ${auth}` } },
    );
    const body = (await res.json()) as { usage_records: { start_date: string; price: number }[] };
    expect(body.usage_records.map((r) => r.start_date)).toEqual(daily.map((r) => r.startDate.toISOString().slice(0, 10)));

    await expect(client.usage.records.daily.list({ startDate: new Date('not a date') })).rejects.toMatchObject({
      status: 400,
      code: 20001,
    });
  });

  it('pages, and answers nothing for a category the emulator does not meter', async () => {
    const { client } = t();
    const from = dayOf(Date.now() - 4 * DAY);
    const page = await client.usage.records.daily.page({
      category: 'sms',
      startDate: asDate(from),
      endDate: asDate(today),
      pageSize: 2,
    });
    expect(page.instances).toHaveLength(2);
    const next = await page.nextPage();
    expect(next?.instances.map((r) => r.startDate.toISOString().slice(0, 10))).toEqual([
      dayOf(Date.parse(from) + 2 * DAY),
      dayOf(Date.parse(from) + 3 * DAY),
    ]);
    expect(await client.usage.records.list({ category: 'lookups', includeSubaccounts: true })).toEqual([]);
    const all = await client.usage.records.list({ startDate: asDate(today) });
    expect(all.map((r) => r.category)).toEqual(
      expect.arrayContaining([
        'calls',
        'calls-inbound',
        'calls-outbound',
        'calls-client',
        'sms',
        'sms-inbound',
        'sms-outbound',
        'mms',
        'recordings',
        'phonenumbers',
        'totalprice',
      ]),
    );
  });
});
