import { applyCallEvent, applyCallSnapshot, CallRecord, CallSnapshot, statusRank } from '../../../src/lib/store/call-records';

const at = '2026-01-01T00:00:00Z';
const sid = `CA${'0'.repeat(32)}`;

function apply(
  events: { status: string; sequence?: number; duration?: number; price?: number; at?: string }[],
): CallRecord | undefined {
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

  it('keeps the start time when completed arrives before in-progress', () => {
    const answered = '2026-01-01T00:00:05.000Z';
    const ended = '2026-01-01T00:01:05.000Z';
    const rec = apply([
      { status: 'ringing', at: '2026-01-01T00:00:01.000Z' },
      { status: 'completed', duration: 60, at: ended },
      { status: 'in-progress', at: answered },
    ]);
    expect(rec).toMatchObject({ status: 'completed', startTime: answered, endTime: ended, duration: 60 });
    // A second in-progress (a duplicate) does not move the start time.
    expect(applyCallEvent(rec, { callSid: sid, at: ended, status: 'in-progress' })).toBeUndefined();
  });
});

describe('call record repaired from Twilio', () => {
  const snap: CallSnapshot = {
    callSid: sid,
    status: 'completed',
    direction: 'outbound-api',
    from: '+14155550111',
    to: '+14155559999',
    duration: 42,
    startTime: '2026-01-01T00:00:02.000Z',
    endTime: '2026-01-01T00:00:44.000Z',
    price: 0.014,
    priceUnit: 'USD',
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  const now = '2026-01-01T01:00:00.000Z';

  it('creates the record a lost callback never wrote, with its final status and times', () => {
    expect(applyCallSnapshot(undefined, snap, now)).toMatchObject({
      status: 'completed',
      duration: 42,
      startTime: snap.startTime,
      endTime: snap.endTime,
      price: 0.014,
      from: snap.from,
      createdAt: snap.createdAt,
    });
  });

  it('moves a record stuck at ringing to its final status and changes nothing the second time', () => {
    const stuck = apply([{ status: 'ringing' }]);
    const repaired = applyCallSnapshot(stuck, snap, now);
    expect(repaired).toMatchObject({ status: 'completed', duration: 42, endTime: snap.endTime });
    expect(applyCallSnapshot(repaired, snap, now)).toBeUndefined();
  });

  it('never moves a status backwards and keeps what the callbacks stored', () => {
    const stored = apply([{ status: 'in-progress' }, { status: 'busy' }]);
    const done = stored && { ...stored, direction: snap.direction, from: snap.from, to: snap.to };
    const earlier = applyCallSnapshot(done, { ...snap, status: 'in-progress', endTime: null, duration: null, price: null }, now);
    expect(earlier).toBeUndefined();
    expect(applyCallSnapshot(done, snap, now)).toMatchObject({ status: 'busy', startTime: at, duration: 0, price: 0.014 });
  });
});
