/**
 * Caller location and name. Location comes from the number itself: its country, and the city or
 * region where the numbering plan tells (libphonenumber's geocoding data). The name is Twilio
 * Lookup's caller name (CNAM), or the number in national format when there is none.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { ApiError } from '../runtime/errors';
import type { TwilioClient } from '../runtime/twilio-client';
import { placeOf } from './geocodes';

export interface CallerInfo {
  location: string;
  friendly_name: string;
}

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "San Francisco, CA, United States"; the country alone where the plan says no more. */
export function locationOf(e164: string): string | undefined {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed || !parsed.isValid()) return undefined;
  const country = parsed.country ? countryNames.of(parsed.country) : undefined;
  const place = placeOf(parsed.countryCallingCode, parsed.nationalNumber);
  const parts = [place, country].filter((p): p is string => typeof p === 'string' && p !== '');
  const unique = parts.filter((p, i) => parts.indexOf(p) === i);
  return unique.length ? unique.join(', ') : undefined;
}

export async function callerInfo(client: TwilioClient, e164: string): Promise<CallerInfo> {
  const location = locationOf(e164);
  if (!location) throw new ApiError(400, 'INVALID_PHONE_NUMBER', 'Invalid phone number');
  const lookup = await client.lookups.v2.phoneNumbers(e164).fetch({ fields: 'caller_name' });
  if (!lookup.valid) throw new ApiError(400, 'INVALID_PHONE_NUMBER', 'Invalid phone number');
  const cnam = lookup.callerName as { caller_name?: unknown } | null;
  const name = typeof cnam?.caller_name === 'string' && cnam.caller_name.trim() !== '' ? cnam.caller_name.trim() : undefined;
  return { location, friendly_name: name ?? lookup.nationalFormat ?? e164 };
}
