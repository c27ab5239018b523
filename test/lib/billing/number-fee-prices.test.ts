/**
 * A number's fee carries Twilio's monthly price of the number's type, read from Twilio's Pricing API once
 * per country per container; when Twilio cannot be read the fee is billed anyway with the price unknown,
 * and a later accrual notes the price without billing the fee again.
 */
import { useEmulator } from '../../support/emulator';
import { expectLogged } from '../../support/console';
import { twilioClient } from '../../../src/lib/runtime/twilio-client';
import type { ServiceEnv } from '../../../src/lib/runtime/env';
import { accrueNumberFees } from '../../../src/lib/billing/events';
import { addUserNumber, PhoneNumberRecord, PurchasedNumber } from '../../../src/lib/store/phone-numbers';
import { getLedgerEntry } from '../../../src/lib/store/billing-ledger';
import { readUserMonthTotals } from '../../../src/lib/store/billing-totals';

const t = useEmulator({ functionsBaseUrl: 'http://127.0.0.1:9' });
const env = (): ServiceEnv => ({ ACCOUNT_SID: t().emu.accountSid, AUTH_TOKEN: t().emu.authToken, TWILIO_EMULATOR_URL: t().url });
const USER = 4242;

/** Only the clock moves: the emulator's timers and the SDK's sockets stay real. */
function setClock(ms: number): void {
  jest.useFakeTimers({
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval'],
    now: ms,
  });
}
afterEach(() => jest.useRealTimers());

async function hold(number: string, sid: string, numberType?: PurchasedNumber['numberType']): Promise<PhoneNumberRecord> {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const record = await addUserNumber(twilioClient(env()), env(), {
    number,
    userId: USER,
    identity: `u${USER}_test`,
    twilioSid: sid,
    websiteId: null,
    country: 'US',
    region: '',
    locality: '',
    capabilities: { voice: true, sms: true },
    ...(numberType ? { numberType } : {}),
    monthlyFee: 1,
    createdAt: now,
    updatedAt: now,
  });
  if (!record) throw new Error('number not recorded');
  return record;
}

const pricingReads = (): number => t().exchanges.filter((x) => x.host === 'pricing.twilio.com').length;

async function fees(): Promise<{ prices: (string | null)[]; count: number; amount: number; twilioCost: number }> {
  const client = twilioClient(env());
  const entries = await Promise.all(
    ['PN' + 'a'.repeat(32), 'PN' + 'b'.repeat(32)].map((sid) => getLedgerEntry(client, env(), `phone-numbers.${sid}.0`)),
  );
  const month = (entries[0]?.at ?? '').slice(0, 7);
  const tally = (await readUserMonthTotals(client, env(), USER, month)).categories['phone-numbers'];
  return {
    prices: entries.map((e) => e?.twilioPrice ?? null),
    count: tally?.count ?? 0,
    amount: tally?.amountMicros ?? 0,
    twilioCost: tally?.twilioCostMicros ?? 0,
  };
}

describe("number fees and Twilio's price of a number", () => {
  it('bills the fee with the price unknown while Twilio cannot be read, then notes the price once', async () => {
    const client = twilioClient(env());
    await hold('+14155550177', 'PN' + 'a'.repeat(32), 'local');
    // Bought before the type was kept: a toll-free number is told by its numbering plan.
    await hold('+18005550123', 'PN' + 'b'.repeat(32));
    await t().control('POST', '/_emulator/faults', { match: 'GET /pricing/', status: 500, code: 20500 });

    expectLogged(/number prices for US unread/);
    await accrueNumberFees(client, env(), USER);
    expect(await fees()).toEqual({ prices: [null, null], count: 2, amount: 2_000_000, twilioCost: 0 });

    // Twilio answers again, but the failure is remembered for a minute: no read per fee on an outage.
    await t().control('DELETE', '/_emulator/faults');
    await accrueNumberFees(client, env(), USER);
    expect(pricingReads()).toBe(1);
    expect((await fees()).prices).toEqual([null, null]);

    // A minute on, the next accrual reads the prices and notes them; the fees are not billed again.
    setClock(Date.now() + 61_000);
    await accrueNumberFees(client, env(), USER);
    expect(await fees()).toEqual({ prices: ['-1.15000', '-2.15000'], count: 2, amount: 2_000_000, twilioCost: 3_300_000 });

    // Priced fees are settled: later accruals read neither Twilio's prices nor the ledger for them.
    await accrueNumberFees(client, env(), USER);
    expect(pricingReads()).toBe(2);
    expect((await fees()).twilioCost).toBe(3_300_000);
  });
});
