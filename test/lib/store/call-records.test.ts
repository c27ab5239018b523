import { applyCallEvent, CallRecord, statusRank } from '../../../src/lib/store/call-records';

const at = '2026-01-01T00:00:00Z';
const sid = `CA${'0'.repeat(32)}`;

function apply(events: { status: string; sequence?: number; duration?: number; price?: number }[]): CallRecord | undefined {
  let rec: CallRecord | undefined;
  for (const e of events) rec = applyCallEvent(rec, { callSid: sid, at, ...e }) ?? rec;
  return rec;
}

describe('call record state machine', () => {
  it('orders statuses', () => {
    expect(statusRank('queued')).toBeLessThan(statusRank('ringing'));
    expect(statusRank('ringing')).toBeLessThan(statusRank('in-progress'));
    expect(statusRank('in-progress')).toBeLessThan(statusRank('completed'));
    expect(statusRank('bogus')).toBe(-1);
  });

  it('every permutation of a lifecycle ends in the final status', () => {
    const lifecycle = ['initiated', 'ringing', 'in-progress', 'completed'];
    const perms = (xs: string[]): string[][] =>
      xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
    for (const order of perms(lifecycle)) {
      const rec = apply(order.map((status) => ({ status, ...(status === 'completed' ? { duration: 9 } : {}) })));
      expect(rec?.status).toBe('completed');
      expect(rec?.duration).toBe(9);
    }
  });

  it('a later price fills in a final record without changing its status', () => {
    const rec = apply([
      { status: 'completed', duration: 3 },
      { status: 'completed', price: 0.01 },
    ]);
    expect(rec).toMatchObject({ status: 'completed', duration: 3, price: 0.01 });
  });

  it('unknown statuses change nothing', () => {
    expect(applyCallEvent(undefined, { callSid: sid, at, status: 'exploded' })).toBeUndefined();
  });
});
