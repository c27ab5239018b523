import { isoSeconds } from '../time';

/** Reading values Twilio posts in webhooks. */

/** Twilio reports charges as negative strings ("-0.02"): the positive amount, or undefined. */
export function chargedAmount(price: string | undefined): number | undefined {
  if (price === undefined || price.trim() === '') return undefined;
  const n = Number(price);
  return Number.isFinite(n) ? Math.abs(n) : undefined;
}

/** The callback's Timestamp (RFC 2822) as ISO 8601, or now when absent or unreadable. */
export function eventTime(timestamp: string | undefined, now = new Date()): string {
  const t = timestamp ? Date.parse(timestamp) : NaN;
  return isoSeconds(Number.isFinite(t) ? new Date(t) : now);
}
