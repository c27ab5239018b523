/**
 * The usage meter: running totals per (category, UTC day) in the `usage-days` table, updated as each
 * price becomes final (a message sent or received, a call or recording completed, a number's monthly
 * fee falling due). A Usage Records request reads O(days in range) rows per category and never a
 * message or a call, so it costs the same at 100 and at 100 000 records.
 *
 * Numbers are charged their monthly fee on the day they were bought (the IncomingPhoneNumbers record's
 * creation time) and on each monthly anniversary while held; `usage-number-holdings` remembers how many
 * months each number has been charged. Fees fall due with time rather than with a request, so they are
 * settled before every Usage read and when a number is released (which stops them).
 *
 * Products reach the meter with `usageMeter(emu.state)`: whoever asks first registers its tables (all
 * products do so while they register), and a charge of sample data made by a table's seed lands in it.
 */
import type { EmulatorState, Table } from '../../core/state';
import { Charge, NumberKind, numberFee, numberKind } from '../pricing';
import { withParents } from './categories';

export interface UsageDay {
  category: string;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  count: number;
  usage: number;
  /** USD millionths. */
  micros: number;
}

interface Holding {
  sid: string;
  kind: NumberKind;
  /** When the number was bought: its fee falls due on this day of each month. */
  since: number;
  /** Monthly fees charged so far. */
  months: number;
}

/** A number the account holds, as far as its fee is concerned. */
export interface HeldNumber {
  sid: string;
  phone_number: string;
  created: number;
}

export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const key = (day: string, category: string): string => `${day}|${category}`;

/** The k-th monthly anniversary of `since` (k = 0 is `since`); a day past the month's end is its last day. */
export function anniversary(since: number, k: number): number {
  const d = new Date(since);
  const month = d.getUTCMonth() + k;
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), month + 1, 0)).getUTCDate();
  return Date.UTC(
    d.getUTCFullYear(),
    month,
    Math.min(d.getUTCDate(), lastDay),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

export class UsageMeter {
  private readonly days: Table<UsageDay>;
  private readonly holdings: Table<Holding>;

  constructor(state: EmulatorState) {
    this.days = state.table<UsageDay>('usage-days', {
      key: (r) => key(r.day, r.category),
      position: (r) => key(r.day, r.category),
      indexes: { category: (r) => r.category },
    });
    this.holdings = state.table<Holding>('usage-number-holdings', {
      key: (h) => h.sid,
      position: (h) => h.since,
    });
  }

  /** Adds a final price to its category and every category above it, on its day. */
  charge(c: Charge | null): void {
    if (!c) return;
    const day = dayOf(c.at);
    for (const category of withParents(c.category)) {
      const row = this.days.get(key(day, category)) ?? { category, day, count: 0, usage: 0, micros: 0 };
      row.count += c.count;
      row.usage += c.usage;
      row.micros += c.micros;
      this.days.save(row);
    }
  }

  /** The category's daily rows from `from` to `to` (days, inclusive), oldest first: O(log n + days). */
  daily(category: string, from: string, to: string): UsageDay[] {
    const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
    if (!(span > 0)) return [];
    return this.days.page({ eq: { category }, min: key(from, ''), max: key(to, '\uffff'), limit: span }).items;
  }

  /** The first day anything was charged, if anything was. */
  firstDay(): string | undefined {
    return this.days.page({ limit: 1 }).items[0]?.day;
  }

  /** Charges every monthly fee due by `now` for the numbers held (a small table, read whole). */
  settle(held: HeldNumber[], now: number): void {
    for (const n of held) this.holding(n);
    for (const h of this.holdings.values()) this.chargeMonths(h, now);
  }

  /** A released number: the fees due until `at`, then no more. */
  released(n: HeldNumber, at: number): void {
    this.chargeMonths(this.holding(n), at);
    this.holdings.delete(n.sid);
  }

  private holding(n: HeldNumber): Holding {
    return (
      this.holdings.get(n.sid) ??
      this.holdings.save({ sid: n.sid, kind: numberKind(n.phone_number), since: n.created, months: 0 })
    );
  }

  private chargeMonths(h: Holding, until: number): void {
    const before = h.months;
    for (let due = anniversary(h.since, h.months); due <= until; due = anniversary(h.since, h.months)) {
      this.charge(numberFee(h.kind, due));
      h.months++;
    }
    if (h.months !== before) this.holdings.save(h);
  }
}

const meters = new WeakMap<EmulatorState, UsageMeter>();

/** The meter of this emulator's state (its tables registered on first use). */
export function usageMeter(state: EmulatorState): UsageMeter {
  let meter = meters.get(state);
  if (!meter) meters.set(state, (meter = new UsageMeter(state)));
  return meter;
}
