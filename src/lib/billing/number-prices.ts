/**
 * What Twilio charges a month for a number, from Twilio's Pricing API (`/v1/PhoneNumbers/Countries/{Iso}`),
 * so a number's fee on the ledger carries Twilio's price as calls and messages do. One country's quote is
 * read at most once per container per hour (callers at the same moment share the one round trip); a failed
 * read is retried after a minute, and until then the fee is billed with its price unknown (ADR 0010).
 */
import { logWarning } from '../runtime/log';
import type { TwilioClient } from '../runtime/twilio-client';
import type { NumberType } from '../numbers/search';
import { parseMicros, twilioPriceString } from './money';

const QUOTE_TTL_MS = 3_600_000;
const FAILED_QUOTE_TTL_MS = 60_000;

/** Pricing's names for the kinds of number ("toll free" with a space). */
const PRICING_TYPE: Record<NumberType, string> = { local: 'local', 'toll-free': 'toll free', mobile: 'mobile' };

/** A country's monthly prices in micros by Pricing's number type; null when the read failed. */
type Quote = Map<string, number> | null;

const quotes = new Map<string, { until: number; quote: Promise<Quote> }>();

async function readQuote(client: TwilioClient, country: string): Promise<Quote> {
  try {
    const answer = await client.pricing.v1.phoneNumbers.countries(country).fetch();
    const prices = new Map<string, number>();
    // Twilio's OpenAPI document types the prices as numbers, the live API writes decimal strings: both read.
    for (const p of answer.phoneNumberPrices) {
      const micros = p.current_price === undefined ? undefined : parseMicros(String(p.current_price));
      if (p.number_type && micros !== undefined) prices.set(p.number_type, micros);
    }
    return prices;
  } catch (err) {
    logWarning('billing', `Twilio's number prices for ${country} unread, fees billed without them: ${String(err)}`);
    return null;
  }
}

/**
 * Twilio's price of a month of holding a number of this type in this country, as Twilio writes a charge
 * ("-1.15000"); null when Twilio quotes none or could not be read.
 */
export async function monthlyNumberPrice(
  client: TwilioClient,
  country: string,
  type: NumberType,
  now = Date.now(),
): Promise<string | null> {
  if (!/^[A-Z]{2}$/.test(country)) return null;
  let cached = quotes.get(country);
  if (!cached || cached.until <= now) {
    const quote = readQuote(client, country);
    cached = { until: now + QUOTE_TTL_MS, quote };
    quotes.set(country, cached);
    const entry = cached;
    void quote.then((q) => {
      if (q === null && quotes.get(country) === entry) entry.until = now + FAILED_QUOTE_TTL_MS;
    });
  }
  const micros = (await cached.quote)?.get(PRICING_TYPE[type]);
  return micros === undefined ? null : twilioPriceString(micros);
}
