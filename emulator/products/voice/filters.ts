/**
 * Date filters of the 2010 list endpoints: `StartTime=YYYY-MM-DD` (that UTC day), `StartTime<` (on or
 * before), `StartTime>` (on or after). A date alone means midnight UTC of that date, as Twilio documents;
 * a date-time (what the SDK sends for a Date) compares exactly.
 */
import { badParam, first, Params } from '../../core/wire';

const DAY = 86_400_000;

function parse(name: string, value: string): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const t = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(t)) throw badParam(`${name} is not a valid date: ${value}`, 20001);
  return t;
}

/** A predicate over a timestamp (ms, or null when unset) for the `name`, `name<` and `name>` filters. */
export function timeFilter(query: Params, name: string): (ms: number | null) => boolean {
  const eq = first(query, name);
  const before = first(query, `${name}<`);
  const after = first(query, `${name}>`);
  const day = eq === undefined ? undefined : Math.floor(parse(name, eq) / DAY) * DAY;
  const lt = before === undefined ? undefined : parse(`${name}<`, before);
  const gt = after === undefined ? undefined : parse(`${name}>`, after);
  return (ms) => {
    if (day === undefined && lt === undefined && gt === undefined) return true;
    if (ms === null) return false;
    if (day !== undefined && (ms < day || ms >= day + DAY)) return false;
    if (lt !== undefined && ms > lt) return false;
    if (gt !== undefined && ms < gt) return false;
    return true;
  };
}
