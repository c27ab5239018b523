/**
 * Property test of the ledger and totals against Sync through the real SDK: seeded random event streams
 * (calls, recordings, SMS both ways, numbers bought and released mid-month, rate cards changing
 * mid-month), every event reported one to three times, with and without Twilio's price, shuffled and
 * processed in parallel. After each stream: every total equals a small independent reference computed
 * from the rules, line items sum to the totals, the platform's days sum to its month, and every event
 * has exactly one ledger entry, counted.
 */
import { useEmulator } from '../../support/emulator';
import { twilioClient } from '../../../src/lib/runtime/twilio-client';
import type { ServiceEnv } from '../../../src/lib/runtime/env';
import { accrueNumberFees, billCall, billMessage, billRecording } from '../../../src/lib/billing/events';
import { BILLING_CATEGORIES, BillingCategory, RateCard, RateName } from '../../../src/lib/billing/rate-card';
import { addRateCard } from '../../../src/lib/store/rate-cards';
import { addUserNumber, releaseUserNumber, PhoneNumberRecord } from '../../../src/lib/store/phone-numbers';
import { getLedgerEntry } from '../../../src/lib/store/billing-ledger';
import { readMonthUsers, readPlatformTotals, readUserMonthTotals, Tally } from '../../../src/lib/store/billing-totals';
import type { CallRecord } from '../../../src/lib/store/call-records';
import type { RecordingRecord } from '../../../src/lib/store/recordings';

const t = useEmulator();
const env = (): ServiceEnv => ({ ACCOUNT_SID: t().emu.accountSid, AUTH_TOKEN: t().emu.authToken, TWILIO_EMULATOR_URL: t().url });

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- The reference: the rules of README's billing model, written out again, independently. ----
const REF_DEFAULT: Record<RateName, number> = {
  phoneNumberMonthly: 1_000_000,
  outboundCallPerMinute: 8_500,
  inboundCallPerMinute: 8_500,
  recordingPerMinute: 2_500,
  smsPerSegment: 7_500,
};
const REF_RATE: Record<BillingCategory, RateName> = {
  'phone-numbers': 'phoneNumberMonthly',
  'calls-outbound': 'outboundCallPerMinute',
  'calls-inbound': 'inboundCallPerMinute',
  recordings: 'recordingPerMinute',
  'sms-outbound': 'smsPerSegment',
  'sms-inbound': 'smsPerSegment',
};
function refRate(cards: RateCard[], category: BillingCategory, atMs: number): number {
  const inForce = cards
    .filter((c) => Date.parse(c.effectiveAt) <= atMs)
    .sort((a, b) => Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt));
  const card = inForce[inForce.length - 1];
  return card ? card.rates[REF_RATE[category]] : REF_DEFAULT[REF_RATE[category]];
}
/** Generated bodies are letters and spaces (GSM-7) or emoji (UCS-2). */
function refSegments(body: string): number {
  const n = [...body].length;
  if (n === 0) return 1;
  return /^[A-Za-z ]*$/.test(body) ? (n <= 160 ? 1 : Math.ceil(n / 153)) : n <= 70 ? 1 : Math.ceil(n / 67);
}
/** The k-th monthly anniversary of a purchase: same day of month, or the month's last day. */
function refAnniversary(boughtMs: number, k: number): number {
  const b = new Date(boughtMs);
  const y = b.getUTCFullYear() + Math.floor((b.getUTCMonth() + k) / 12);
  const m = (b.getUTCMonth() + k) % 12;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m];
  return Date.UTC(y, m, Math.min(b.getUTCDate(), days), b.getUTCHours(), b.getUTCMinutes(), b.getUTCSeconds());
}

interface RefCharge {
  key: string;
  userId: number;
  numberId: string | null;
  category: BillingCategory;
  atMs: number;
  quantity: number;
  amount: number;
  price: number | null;
}

type Report = () => Promise<unknown>;

const hex = (r: () => number, n = 32): string => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const allCards: RateCard[] = [];

async function runStream(seed: number): Promise<void> {
  const r = prng(seed);
  const client = twilioClient(env());
  const year = 2024 + Math.floor(seed / 12);
  const monthIndex = seed % 12;
  const start = Date.UTC(year, monthIndex, 1);
  const end = Date.UTC(year, monthIndex + 1, 1) - 1000;
  const month = iso(start).slice(0, 7);
  const inMonth = (): number => start + Math.floor((r() * (end - start)) / 1000) * 1000;

  // Rate cards changing mid-month.
  for (let i = 0; i < 2; i++) {
    const card: RateCard = {
      id: `seed${seed}-${i}`,
      effectiveAt: iso(inMonth()),
      rates: {
        phoneNumberMonthly: 500_000 + Math.floor(r() * 10) * 100_000,
        outboundCallPerMinute: 1_000 + Math.floor(r() * 20_000),
        inboundCallPerMinute: 1_000 + Math.floor(r() * 20_000),
        recordingPerMinute: 500 + Math.floor(r() * 5_000),
        smsPerSegment: 1_000 + Math.floor(r() * 10_000),
      },
      currency: 'USD',
      createdAt: iso(start),
      createdBy: 'test',
    };
    allCards.push(card);
    await addRateCard(client, env(), card);
  }

  const charges: RefCharge[] = [];
  // A fee carries Twilio's monthly price of a US local number, as Twilio's Pricing API quotes it.
  const us = await client.pricing.v1.phoneNumbers.countries('US').fetch();
  const feePrice = Math.round((us.phoneNumberPrices.find((p) => p.number_type === 'local')?.current_price ?? NaN) * 1e6);
  const reports: Report[] = [];
  const users = [1, 2, 3].map((i) => 10_000 + seed * 10 + i);
  const held: Record<number, PhoneNumberRecord[]> = {};
  for (const [u, userId] of users.entries()) {
    held[userId] = [];
    // A number bought last month (its anniversary falls in this one), one bought and released mid-month.
    const bought = [start - Math.floor(1 + r() * 27) * 86_400_000 - 3600_000, inMonth()];
    for (const [k, boughtMs] of bought.entries()) {
      const record = await addUserNumber(client, env(), {
        number: `+1415${String(seed).padStart(3, '0')}${u}${k}${String(Math.floor(r() * 100)).padStart(2, '0')}`,
        userId,
        identity: `u${userId}_test`,
        twilioSid: `PN${hex(r)}`,
        websiteId: null,
        country: 'US',
        region: 'CA',
        locality: 'San Francisco',
        capabilities: { voice: true, sms: true },
        monthlyFee: 1,
        createdAt: iso(boughtMs),
        updatedAt: iso(boughtMs),
      });
      if (!record) throw new Error('number not recorded');
      let releasedMs: number | null = null;
      if (k === 1) {
        releasedMs = Math.min(end, boughtMs + Math.floor(r() * 10 + 1) * 86_400_000);
        await releaseUserNumber(client, env(), record, iso(releasedMs));
        held[userId].push({ ...record, status: 'released', releasedAt: iso(releasedMs) });
      } else held[userId].push(record);
      for (let p = 0; ; p++) {
        const due = refAnniversary(boughtMs, p);
        if (due > end || (releasedMs !== null && due >= releasedMs)) break;
        const at = Math.max(due, 0);
        charges.push({
          key: `fee.${record.twilioSid}.${p}`,
          userId,
          numberId: record.id,
          category: 'phone-numbers',
          atMs: at,
          quantity: 1,
          amount: refRate(allCards, 'phone-numbers', at),
          price: feePrice,
        });
      }
    }
    const now = new Date(end);
    for (let d = 0; d < 3; d++) reports.push(() => accrueNumberFees(client, env(), userId, now));
  }

  for (let i = 0; i < 60; i++) {
    const userId = users[Math.floor(r() * users.length)];
    const number = held[userId][0];
    const at = inMonth();
    const kind = Math.floor(r() * 4);
    const price = r() < 0.5 ? Math.floor(r() * 50_000) + 1 : null;
    const sid = `${kind < 2 ? 'CA' : kind === 2 ? 'RE' : 'SM'}${hex(r)}`;
    const variants = (build: (withPrice: boolean) => Report): void => {
      const n = 1 + Math.floor(r() * 3);
      for (let v = 0; v < n; v++) reports.push(build(price !== null && (v === n - 1 || r() < 0.5)));
    };
    const owner = { userId, phoneNumberId: number.id };
    if (kind === 0 || kind === 1) {
      const direction = kind === 0 ? 'outbound-api' : 'inbound';
      const seconds = r() < 0.1 ? 0 : Math.floor(r() * 400);
      const minutes = Math.ceil(seconds / 60);
      const category: BillingCategory = kind === 0 ? 'calls-outbound' : 'calls-inbound';
      if (minutes > 0) {
        charges.push({
          key: sid,
          userId,
          numberId: number.id,
          category,
          atMs: at,
          quantity: minutes,
          amount: minutes * refRate(allCards, category, at),
          price,
        });
      }
      variants((withPrice) => () => {
        const call: CallRecord = {
          callSid: sid,
          status: 'completed',
          direction,
          from: number.number,
          to: '+14155550000',
          duration: seconds,
          startTime: iso(at),
          endTime: iso(at + seconds * 1000),
          price: withPrice && price !== null ? price / 1e6 : null,
          priceUnit: 'USD',
          sequence: 0,
          owner,
          attributed: true,
          createdAt: iso(at),
          updatedAt: iso(at),
        };
        return billCall(client, env(), call);
      });
    } else if (kind === 2) {
      const seconds = Math.floor(r() * 300);
      const minutes = Math.ceil(seconds / 60);
      if (minutes > 0) {
        charges.push({
          key: sid,
          userId,
          numberId: number.id,
          category: 'recordings',
          atMs: at,
          quantity: minutes,
          amount: minutes * refRate(allCards, 'recordings', at),
          price,
        });
      }
      variants((withPrice) => () => {
        const rec: RecordingRecord = {
          recordingSid: sid,
          callSid: `CA${'0'.repeat(32)}`,
          status: 'completed',
          duration: seconds,
          channels: 1,
          source: 'DialVerb',
          mediaUrl: '',
          price: withPrice && price !== null ? price / 1e6 : null,
          priceUnit: 'USD',
          owner,
          createdAt: iso(at),
          updatedAt: iso(at),
        };
        return billRecording(client, env(), rec);
      });
    } else {
      const inbound = r() < 0.5;
      const length = Math.floor(r() * 400);
      const body =
        r() < 0.5 ? Array.from({ length }, () => 'ab c'[Math.floor(r() * 4)]).join('') : '😀'.repeat(Math.floor(length / 2));
      const category: BillingCategory = inbound ? 'sms-inbound' : 'sms-outbound';
      const segments = refSegments(body);
      charges.push({
        key: sid,
        userId,
        numberId: number.id,
        category,
        atMs: at,
        quantity: segments,
        amount: segments * refRate(allCards, category, at),
        price,
      });
      variants(
        (withPrice) => () =>
          billMessage(client, env(), {
            messageSid: sid,
            direction: inbound ? 'inbound' : 'outbound',
            number: number.number,
            body,
            at: iso(at),
            twilioPrice: withPrice && price !== null ? (-price / 1e6).toFixed(6) : null,
          }),
      );
    }
  }

  // Shuffle and run 6 at a time; a report that fails (a lost If-Match race) is reported again, as
  // Twilio's next callback or reconciliation would.
  for (let i = reports.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [reports[i], reports[j]] = [reports[j], reports[i]];
  }
  for (let i = 0; i < reports.length; i += 6) {
    await Promise.all(
      reports.slice(i, i + 6).map(async (report) => {
        for (let attempt = 0; ; attempt++) {
          try {
            return await report();
          } catch (err) {
            if (attempt >= 4) throw err;
          }
        }
      }),
    );
  }

  // ---- Checks ----
  const months = [...new Set(charges.map((c) => iso(c.atMs).slice(0, 7)))];
  for (const m of months) {
    const inM = charges.filter((c) => iso(c.atMs).slice(0, 7) === m);
    const platformMonth = await readPlatformTotals(client, env(), 'month', m);
    let platformAmount = 0;
    for (const userId of users) {
      const mine = inM.filter((c) => c.userId === userId);
      const totals = await readUserMonthTotals(client, env(), userId, m);
      for (const category of BILLING_CATEGORIES) {
        const expected = mine.filter((c) => c.category === category);
        const got: Tally | undefined = totals.categories[category];
        expect({
          userId,
          m,
          category,
          count: got?.count ?? 0,
          quantity: got?.quantity ?? 0,
          amount: got?.amountMicros ?? 0,
        }).toEqual({
          userId,
          m,
          category,
          count: expected.length,
          quantity: expected.reduce((s, c) => s + c.quantity, 0),
          amount: expected.reduce((s, c) => s + c.amount, 0),
        });
        expect(got?.twilioCostMicros ?? 0).toBe(expected.reduce((s, c) => s + (c.price ?? 0), 0));
      }
      // Per number, the same sums; and the numbers' line items add up to the user's total.
      const byNumber = Object.values(totals.numbers).reduce(
        (s, t) => s + Object.values(t).reduce((a, x) => a + (x?.amountMicros ?? 0), 0),
        0,
      );
      const total = Object.values(totals.categories).reduce((s, x) => s + (x?.amountMicros ?? 0), 0);
      expect(byNumber).toBe(total);
      expect(total).toBe(mine.reduce((s, c) => s + c.amount, 0));
      platformAmount += total;
    }
    // The platform's own month holds this stream only (the month before also holds the previous stream's).
    if (m === month) {
      expect(Object.values(platformMonth).reduce((s, x) => s + (x?.amountMicros ?? 0), 0)).toBe(platformAmount);
      const days = Array.from({ length: new Date(end).getUTCDate() }, (_, d) => iso(start + d * 86_400_000).slice(0, 10));
      const daily = await Promise.all(days.map((d) => readPlatformTotals(client, env(), 'day', d)));
      const dayAmount = daily.reduce((s, day) => s + Object.values(day).reduce((a, x) => a + (x?.amountMicros ?? 0), 0), 0);
      expect(dayAmount).toBe(platformAmount);
      expect(await readMonthUsers(client, env(), m)).toEqual(expect.arrayContaining(users));
    }
  }
  // Exactly one entry per event, counted, at the reference's amount.
  for (const c of charges.filter((x) => !x.key.startsWith('fee.'))) {
    const entry = await getLedgerEntry(client, env(), `${c.category}.${c.key}`);
    expect(entry).toMatchObject({
      amountMicros: c.amount,
      quantity: c.quantity,
      twilioPriceCounted: c.price !== null,
    });
  }
}

describe('billing ledger and totals: random event streams', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`stream ${seed}: totals equal the reference, line items sum to totals, nothing billed twice`, async () => {
      await runStream(seed);
    }, 60_000);
  }
});
