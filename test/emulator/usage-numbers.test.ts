import { useEmulator } from '../support/emulator';

const t = useEmulator({ functionsBaseUrl: 'http://127.0.0.1:9' });

const DAY = 86_400_000;
// A local number costs 1.15 a month (emulator/products/pricing.ts).

/** Only the clock moves: the emulator's timers and the SDK's sockets stay real. */
function setClock(ms: number): void {
  jest.useFakeTimers({
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
    now: ms,
  });
}

afterEach(() => jest.useRealTimers());

describe('monthly fees of phone numbers in Usage Records', () => {
  it('charges each number on the day it was bought and every month after, until it is released', async () => {
    const { client } = t();
    const start = Date.now();
    const numbers = await client.incomingPhoneNumbers.list();
    expect(numbers).toHaveLength(2);
    const fees = async (): Promise<{ count: string; price: number }> => {
      const [record] = await client.usage.records.allTime.list({ category: 'phonenumbers-local' });
      return { count: record.count, price: record.price };
    };
    expect(await fees()).toEqual({ count: '2', price: 2.3 });

    // A month on, both numbers are charged again, on their anniversary.
    setClock(start + 32 * DAY);
    expect(await fees()).toEqual({ count: '4', price: 4.6 });
    await client.incomingPhoneNumbers(numbers[0].sid).remove();

    // Two more months: only the number still held is charged.
    setClock(start + 95 * DAY);
    expect(await fees()).toEqual({ count: '6', price: 6.9 });
    const monthly = await client.usage.records.monthly.list({
      category: 'phonenumbers',
      startDate: new Date(start),
      endDate: new Date(start + 95 * DAY),
    });
    expect(monthly.reduce((n, r) => n + Number(r.count), 0)).toBe(6);
    expect(monthly.length).toBeGreaterThanOrEqual(4);
  });
});
