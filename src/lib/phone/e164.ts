/**
 * Phone numbers: parsing and normalising to E.164 with libphonenumber-js. Metadata "max", the one build
 * the whole service uses: the dialing policy needs number types (premium rate, shared cost), which
 * "min" lacks for most countries.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export const E164 = /^\+[1-9]\d{6,14}$/;

/** Digits with the punctuation people write numbers with; letters, `;`, `#` or `x` never belong. */
const PHONE_CHARACTERS = /^\+?[\d\s().\-/]+$/;

/**
 * E.164 for a valid number (national formats need `defaultCountry`), or undefined. libphonenumber drops
 * trailing text and extensions ("+14155550100 ext. 5"); those are refused rather than silently dialled
 * without them.
 */
export function toE164(raw: string, defaultCountry?: CountryCode): string | undefined {
  const text = raw.trim();
  if (!PHONE_CHARACTERS.test(text)) return undefined;
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  return parsed && parsed.isValid() && !parsed.ext ? parsed.number : undefined;
}

/** `whatsapp:+1555...` -> channel and bare number. */
export function splitChannel(address: string): { channel: 'sms' | 'whatsapp'; number: string } {
  return address.startsWith('whatsapp:')
    ? { channel: 'whatsapp', number: address.slice('whatsapp:'.length) }
    : { channel: 'sms', number: address };
}
