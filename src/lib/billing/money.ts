/**
 * Money as the service keeps it: integers in millionths of the currency unit ("micros"), so sums and
 * products are exact; answers show decimal numbers as seed 004 does (`monthlyFee: 1.00` is the JSON number 1).
 */
import { invalid } from '../runtime/input';

export const MICROS_PER_UNIT = 1_000_000;
export const CURRENCY = 'USD';

const DECIMAL = /^(\d{1,9})(?:\.(\d{1,6}))?$/;

/** "0.0085" -> 8500, exactly (no floating point on the way); undefined when it is not such a decimal. */
export function parseMicros(text: string): number | undefined {
  const m = DECIMAL.exec(text.trim());
  if (!m) return undefined;
  const units = m[1] ?? '0';
  const fraction = (m[2] ?? '').padEnd(6, '0');
  return Number(units) * MICROS_PER_UNIT + Number(fraction);
}

/** The decimal an answer shows: 8500 -> 0.0085 (division by a power of ten prints the exact decimal). */
export function toDecimal(micros: number): number {
  return micros / MICROS_PER_UNIT;
}

/** Twilio's price strings are negative charges ("-0.01400"): the positive amount in micros, or undefined. */
export function twilioPriceMicros(price: string | number | null | undefined): number | undefined {
  if (price === null || price === undefined) return undefined;
  const text = typeof price === 'number' ? price.toFixed(6) : price;
  const micros = parseMicros(text.trim().replace(/^-/, ''));
  return micros;
}

/** A micros amount as Twilio writes a charge: negative, five decimals when that is exact, else six. */
export function twilioPriceString(micros: number): string {
  const digits = micros % 10 === 0 ? 5 : 6;
  return (-micros / MICROS_PER_UNIT).toFixed(digits);
}

/** An amount field: a non-negative decimal with at most six places ("25", "25.50", "0.0085"). */
export function moneyField(raw: unknown, name: string): number {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
  const micros = parseMicros(text);
  if (micros === undefined) throw invalid(name, `${name} must be a non-negative amount with at most 6 decimals`);
  return micros;
}
