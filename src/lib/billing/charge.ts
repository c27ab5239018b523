/**
 * From a billable event to the charge on the ledger: the pure rules (docs/decisions/0010-billing-ledger.md).
 * One event is one entry, keyed by the Twilio SID it came from and its category (a number's fee also by
 * which month of holding it is), so however often an event is reported it is billed once.
 */
import { BillingCategory, cardAt, CATEGORY_RATE, RateCard } from './rate-card';

export interface BillableEvent {
  userId: number;
  category: BillingCategory;
  /** The Twilio SID the charge comes from (CA, RE, SM/MM, PN). */
  sid: string;
  /** A number's fee: which month of holding it (0 = the purchase). Absent for everything else. */
  period?: number;
  /** The user's number the event used, when one did. */
  phoneNumberId: string | null;
  /** When it happened (ISO 8601): picks the rate card and the month it is billed in. */
  at: string;
  /** Minutes, segments or months. */
  quantity: number;
  /** What Twilio charged, once Twilio reports it ("-0.01400"), else null. */
  twilioPrice: string | null;
}

export interface Charge {
  key: string;
  rateCardId: string;
  rateMicros: number;
  amountMicros: number;
}

/** The ledger key: category and SID (plus the period of a number's fee). */
export function entryKey(e: Pick<BillableEvent, 'category' | 'sid' | 'period'>): string {
  return e.period === undefined ? `${e.category}.${e.sid}` : `${e.category}.${e.sid}.${e.period}`;
}

export function chargeOf(event: BillableEvent, cards: readonly RateCard[]): Charge {
  const card = cardAt(cards, event.at);
  const rateMicros = card.rates[CATEGORY_RATE[event.category].rate];
  return { key: entryKey(event), rateCardId: card.id, rateMicros, amountMicros: rateMicros * event.quantity };
}

/** The billing month of a time: "YYYY-MM" in UTC. */
export function monthOf(at: string): string {
  return new Date(Date.parse(at)).toISOString().slice(0, 7);
}

export function dayOf(at: string): string {
  return new Date(Date.parse(at)).toISOString().slice(0, 10);
}

/**
 * When a number's fee falls due: on the purchase and on each monthly anniversary (the same day of the
 * month, the month's last day when it is shorter), while the number is held (before its release).
 */
export function feeDueDates(boughtAt: string, releasedAt: string | null, until: string): { period: number; at: string }[] {
  const start = new Date(Date.parse(boughtAt));
  const end = Math.min(Date.parse(until), releasedAt ? Date.parse(releasedAt) - 1 : Infinity);
  const due: { period: number; at: string }[] = [];
  for (let period = 0; ; period++) {
    const at = anniversary(start, period);
    if (at.getTime() > end) break;
    due.push({ period, at: at.toISOString().replace(/\.\d{3}Z$/, 'Z') });
  }
  return due;
}

function anniversary(start: Date, months: number): Date {
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(start.getTime());
  d.setUTCFullYear(y, m, Math.min(start.getUTCDate(), lastDay));
  return d;
}
