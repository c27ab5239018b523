/**
 * Phone numbers: parsing and normalising to E.164 with libphonenumber-js (metadata "min": enough to
 * validate and find the country, small enough for every function bundle).
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export const E164 = /^\+[1-9]\d{6,14}$/;

/** E.164 for a valid number (national formats need `defaultCountry`), or undefined. */
export function toE164(raw: string, defaultCountry?: CountryCode): string | undefined {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultCountry);
  return parsed && parsed.isValid() ? parsed.number : undefined;
}

/** `whatsapp:+1555...` -> channel and bare number. */
export function splitChannel(address: string): { channel: 'sms' | 'whatsapp'; number: string } {
  return address.startsWith('whatsapp:')
    ? { channel: 'whatsapp', number: address.slice('whatsapp:'.length) }
    : { channel: 'sms', number: address };
}
