/**
 * The calendar inputs of the admin analytics: a month ("YYYY-MM") or a day ("YYYY-MM-DD"), in UTC as the
 * billing totals are kept. A date that does not exist (2026-02-30) is refused, not rolled over.
 */
import { Field, invalid } from '../runtime/input';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function text(raw: unknown, name: string): string {
  if (typeof raw !== 'string') throw invalid(name, `${name} must be a string`);
  return raw.trim();
}

/** A month as YYYY-MM. */
export function monthField(): Field<string> {
  return new Field((raw, name) => {
    const v = text(raw, name);
    if (!MONTH.test(v)) throw invalid(name, `${name} must be a month as YYYY-MM`);
    return v;
  }, 'a month, YYYY-MM (UTC)');
}

/** A day as YYYY-MM-DD, or a month as YYYY-MM standing for its first day. */
export function dayField(): Field<string> {
  return new Field((raw, name) => {
    const v = text(raw, name);
    const day = MONTH.test(v) ? `${v}-01` : v;
    const t = Date.parse(`${day}T00:00:00Z`);
    if (!DAY.test(day) || !Number.isFinite(t) || new Date(t).toISOString().slice(0, 10) !== day) {
      throw invalid(name, `${name} must be a date as YYYY-MM-DD (or a month as YYYY-MM)`);
    }
    return day;
  }, 'a date, YYYY-MM-DD (UTC)');
}

export const thisMonth = (now = new Date()): string => now.toISOString().slice(0, 7);
export const today = (now = new Date()): string => now.toISOString().slice(0, 10);

/** The day `days` after (or before) `day`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The first and last day of a month. */
export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number);
  return { first: `${month}-01`, last: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
}
