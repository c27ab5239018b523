/**
 * The dialing policy that guards every call and message the service places: never an emergency number,
 * never a premium-rate or shared-cost number, and only countries in ALLOWED_DIAL_COUNTRIES (default: the
 * country of the service's own number). A refusal is a 403 DIALING_POLICY in the endpoint's error shape.
 */
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { ApiError } from '../runtime/errors';
import type { ServiceEnv } from '../runtime/env';
import { EMERGENCY_BY_CALLING_CODE, UNIVERSAL_EMERGENCY } from './emergency-numbers';
import { splitChannel } from './e164';

const refused = (message: string): ApiError => new ApiError(403, 'DIALING_POLICY', message);

const COSTLY_TYPES: Record<string, string> = { PREMIUM_RATE: 'premium-rate', SHARED_COST: 'shared-cost' };

/**
 * True for an emergency number as a caller may type it: bare ("911", "112") or after a country calling
 * code ("+1 911", "+44 999"). Works on raw input because such numbers are not valid phone numbers.
 */
export function isEmergencyNumber(raw: string): boolean {
  const compact = raw.replace(/[\s().-]/g, '');
  if (/^\d+$/.test(compact)) return (UNIVERSAL_EMERGENCY as readonly string[]).includes(compact);
  const parsed = /^\+\d+$/.test(compact) ? parsePhoneNumberFromString(compact) : undefined;
  if (!parsed) return false;
  const national = parsed.nationalNumber as string;
  const codes = EMERGENCY_BY_CALLING_CODE[parsed.countryCallingCode as string] ?? [];
  return codes.includes(national) || (UNIVERSAL_EMERGENCY as readonly string[]).includes(national);
}

/** The countries the service may dial and message. */
export function allowedDialCountries(env: ServiceEnv): CountryCode[] {
  const configured = (env.ALLOWED_DIAL_COUNTRIES ?? '')
    .split(',')
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  if (configured.length) {
    const unknown = configured.filter((c) => !isSupportedCountry(c));
    if (unknown.length) {
      throw new ApiError(500, 'CONFIGURATION_ERROR', `ALLOWED_DIAL_COUNTRIES has unknown country codes: ${unknown.join(', ')}`);
    }
    return configured as CountryCode[];
  }
  const own = [env.TWILIO_PHONE_NUMBER, env.TWILIO_FROM_NUMBER, env.TWILIO_WHATSAPP_NUMBER].find((n) => n?.trim());
  const country = own ? parsePhoneNumberFromString(splitChannel(own.trim()).number)?.country : undefined;
  if (!country) {
    throw new ApiError(
      500,
      'CONFIGURATION_ERROR',
      'Set ALLOWED_DIAL_COUNTRIES, or TWILIO_PHONE_NUMBER to a number whose country calls may go to',
    );
  }
  return [country];
}

/** Refuses (403 DIALING_POLICY) a destination the service must not call or message. */
export function assertDialable(env: ServiceEnv, address: string): void {
  const { number } = splitChannel(address);
  if (isEmergencyNumber(number)) throw emergencyRefused();
  const parsed = parsePhoneNumberFromString(number);
  if (!parsed || !parsed.isValid()) throw refused(`${number} is not a number this service can dial`);
  const costly = COSTLY_TYPES[parsed.getType() ?? ''];
  if (costly) throw refused(`${number} is a ${costly} number; the service does not call or message those`);
  const allowed = allowedDialCountries(env);
  if (!parsed.country || !allowed.includes(parsed.country)) {
    throw refused(`${number} is outside the countries this service may dial (${allowed.join(', ')})`);
  }
}

export const emergencyRefused = (field?: string): ApiError =>
  new ApiError(403, 'DIALING_POLICY', 'Emergency numbers are never dialled by this service; call them from a phone', {
    ...(field ? { field } : {}),
  });
