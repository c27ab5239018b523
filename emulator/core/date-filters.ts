/**
 * Date filters of the 2010 list endpoints: `StartTime=YYYY-MM-DD` (that UTC day), `StartTime<` (on or
 * before), `StartTime>` (on or after). A date alone means midnight UTC of that date, as Twilio documents;
 * a date-time (what the SDK sends for a Date) compares exactly.
 */
import { badParam, first, Params } from './wire';

const DAY = 86_400_000;

/** The times a date filter accepts: `from` (inclusive) up to `until` (exclusive), in ms. */
export interface TimeRange {
  from: number;
  until: number;
}

function parse(name: string, value: string): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const t = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(t)) throw badParam(`${name} is not a valid date: ${value}`, 20001);
  return t;
}

/** The range the `name`, `name<` and `name>` filters select together, or null when none is given. */
export function timeRange(query: Params, name: string): TimeRange | null {
  const eq = first(query, name);
  const before = first(query, `${name}<`);
  const after = first(query, `${name}>`);
  if (eq === undefined && before === undefined && after === undefined) return null;
  const range = { from: -Infinity, until: Infinity };
  if (eq !== undefined) {
    const day = Math.floor(parse(name, eq) / DAY) * DAY;
    range.from = day;
    range.until = day + DAY;
  }
  // `name<` is "on or before": the instant itself is still in.
  if (before !== undefined) range.until = Math.min(range.until, parse(`${name}<`, before) + 1);
  if (after !== undefined) range.from = Math.max(range.from, parse(`${name}>`, after));
  return range;
}

/** Whether a timestamp (ms, or null when unset) lies in the range; everything does when there is no filter. */
export function inRange(range: TimeRange | null, ms: number | null): boolean {
  if (range === null) return true;
  return ms !== null && ms >= range.from && ms < range.until;
}
