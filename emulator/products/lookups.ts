/**
 * Lookups v2: `GET /v2/PhoneNumbers/{PhoneNumber}` with the free validation/formatting answer and the
 * `caller_name` and `line_type_intelligence` packages.
 *
 * Validation and formatting come from libphonenumber (full metadata). Input in national format is read
 * in the country of `CountryCode` (default US, as Twilio: "Default country code is +1"). An invalid
 * number is a 200 with `valid: false`, `validation_errors` and null country/format fields, as Twilio
 * answers (only a path that is not a number at all gets NOT_A_NUMBER). Packages are null for invalid
 * numbers and when not requested in `Fields`; the other packages (sim_swap, identity_match, ...) are not
 * emulated and always null. An unknown name in `Fields` is a 400 (60200).
 *
 * The package data is DETERMINISTIC, a pure function of the E.164 number:
 * - a fixed table for the sample numbers: +14155550100 and +14155550111 (the account's own Twilio numbers:
 *   BUSINESS names, `nonFixedVoip` on "Twilio - SMS/MMS-SVR") and +14155559999 (the sample customer:
 *   "Jordan Rivera", CONSUMER, mobile on Verizon Wireless);
 * - any other number: h = FNV-1a 32-bit hash of its E.164 digits.
 *   caller_name: only for US/CA numbers (CNAM coverage) — NAMES[h % NAMES.length] with its caller_type;
 *   elsewhere {caller_name: null, caller_type: null, error_code: 60600} (unprovisioned / out of coverage).
 *   line_type_intelligence: the type libphonenumber knows for the number when it is definite (MOBILE ->
 *   mobile, FIXED_LINE -> landline, VOIP -> nonFixedVoip, TOLL_FREE -> tollFree, PREMIUM_RATE -> premium,
 *   ...); when it is ambiguous (FIXED_LINE_OR_MOBILE, as for all US numbers) LINE_TYPES[(h >>> 8) % 3]
 *   (mobile, landline, nonFixedVoip). The carrier is CARRIERS[type][(h >>> 16) % n] (US lists for +1,
 *   generic ones elsewhere); mobile_country_code/mobile_network_code are set for mobile carriers only.
 * Twilio's line types (https://www.twilio.com/docs/lookup/v2-api/line-type-intelligence) are used rather
 * than the legacy `voip`.
 */
import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode, type NumberType } from 'libphonenumber-js/max';
import type { Emulator } from '../core/emulator';
import { json } from '../core/router';
import { first, TwilioApiError } from '../core/wire';

type ValidationError =
  'TOO_SHORT' | 'TOO_LONG' | 'INVALID_BUT_POSSIBLE' | 'INVALID_COUNTRY_CODE' | 'INVALID_LENGTH' | 'NOT_A_NUMBER';

export type LineType =
  | 'mobile'
  | 'landline'
  | 'fixedVoip'
  | 'nonFixedVoip'
  | 'personal'
  | 'tollFree'
  | 'premium'
  | 'sharedCost'
  | 'uan'
  | 'voicemail'
  | 'pager'
  | 'unknown';

export interface CallerName {
  caller_name: string | null;
  caller_type: 'CONSUMER' | 'BUSINESS' | null;
  error_code: number | null;
}

export interface LineTypeIntelligence {
  carrier_name: string | null;
  type: LineType;
  mobile_country_code: string | null;
  mobile_network_code: string | null;
  error_code: number | null;
}

const KNOWN_FIELDS = new Set([
  'validation',
  'caller_name',
  'sim_swap',
  'call_forwarding',
  'line_status',
  'line_type_intelligence',
  'identity_match',
  'reassigned_number',
  'sms_pumping_risk',
  'phone_number_quality_score',
  'pre_fill',
]);

const TWILIO_CARRIER: Omit<LineTypeIntelligence, 'type' | 'error_code'> = {
  carrier_name: 'Twilio - SMS/MMS-SVR',
  mobile_country_code: '311',
  mobile_network_code: '950',
};

const FIXED: Record<string, { caller: Omit<CallerName, 'error_code'>; line: Omit<LineTypeIntelligence, 'error_code'> }> = {
  '+14155550100': {
    caller: { caller_name: 'FLEX CONTACT CTR', caller_type: 'BUSINESS' },
    line: { ...TWILIO_CARRIER, type: 'nonFixedVoip' },
  },
  '+14155550111': {
    caller: { caller_name: 'FLEX SOFTPHONE', caller_type: 'BUSINESS' },
    line: { ...TWILIO_CARRIER, type: 'nonFixedVoip' },
  },
  '+14155559999': {
    caller: { caller_name: 'Jordan Rivera', caller_type: 'CONSUMER' },
    line: { carrier_name: 'Verizon Wireless', type: 'mobile', mobile_country_code: '311', mobile_network_code: '480' },
  },
};

const NAMES: Omit<CallerName, 'error_code'>[] = [
  { caller_name: 'Sergio Suarez', caller_type: 'CONSUMER' },
  { caller_name: 'Maria Chen', caller_type: 'CONSUMER' },
  { caller_name: 'David Okafor', caller_type: 'CONSUMER' },
  { caller_name: 'Priya Natarajan', caller_type: 'CONSUMER' },
  { caller_name: 'Tom Becker', caller_type: 'CONSUMER' },
  { caller_name: 'Aisha Johnson', caller_type: 'CONSUMER' },
  { caller_name: 'Lucas Martin', caller_type: 'CONSUMER' },
  { caller_name: 'Emily Nguyen', caller_type: 'CONSUMER' },
  { caller_name: 'ACME PLUMBING', caller_type: 'BUSINESS' },
  { caller_name: 'BAYVIEW DENTAL', caller_type: 'BUSINESS' },
  { caller_name: 'GOLDEN GATE CAFE', caller_type: 'BUSINESS' },
  { caller_name: 'SUNRISE REALTY', caller_type: 'BUSINESS' },
];

/** The types hashed to when libphonenumber cannot tell (FIXED_LINE_OR_MOBILE). */
const LINE_TYPES: LineType[] = ['mobile', 'landline', 'nonFixedVoip'];

type Carrier = Omit<LineTypeIntelligence, 'type' | 'error_code'>;
const carrier = (carrier_name: string, mcc: string | null = null, mnc: string | null = null): Carrier => ({
  carrier_name,
  mobile_country_code: mcc,
  mobile_network_code: mnc,
});

const US_CARRIERS: Partial<Record<LineType, Carrier[]>> = {
  mobile: [
    carrier('Verizon Wireless', '311', '480'),
    carrier('T-Mobile USA, Inc.', '310', '260'),
    carrier('AT&T Wireless', '310', '410'),
  ],
  landline: [carrier('Pacific Bell'), carrier('Verizon Business'), carrier('Comcast Phone, LLC')],
  nonFixedVoip: [
    carrier('Twilio - SMS/MMS-SVR', '311', '950'),
    carrier('Bandwidth/13 - Bandwidth.com - SVR'),
    carrier('Google (Grand Central) - SVR'),
  ],
  fixedVoip: [carrier('Level 3 Communications, LLC'), carrier('Vonage America - SVR')],
  tollFree: [carrier('Twilio - Toll-Free - SMS-Sybase365/MMS-SVR')],
};
const OTHER_CARRIERS: Partial<Record<LineType, Carrier[]>> = {
  mobile: [carrier('Vodafone'), carrier('Orange'), carrier('Telefonica')],
  landline: [carrier('Incumbent fixed-line operator')],
};

/** FNV-1a, 32 bits: small, stable across runs and platforms. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const TYPE_MAP: Partial<Record<NumberType & string, LineType>> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'landline',
  VOIP: 'nonFixedVoip',
  TOLL_FREE: 'tollFree',
  PREMIUM_RATE: 'premium',
  SHARED_COST: 'sharedCost',
  PERSONAL_NUMBER: 'personal',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
  PAGER: 'pager',
};

/** Caller name (CNAM) for a valid number, deterministic; see the module comment for the rule. */
export function callerNameFor(e164: string, country: string | undefined): CallerName {
  const fixed = FIXED[e164];
  if (fixed) return { ...fixed.caller, error_code: null };
  if (country !== 'US' && country !== 'CA') return { caller_name: null, caller_type: null, error_code: 60600 };
  const h = fnv1a(e164.replace(/\D/g, ''));
  return { ...NAMES[h % NAMES.length], error_code: null };
}

/** Line type intelligence for a valid number, deterministic; see the module comment for the rule. */
export function lineTypeFor(e164: string, numberType: NumberType): LineTypeIntelligence {
  const fixed = FIXED[e164];
  if (fixed) return { ...fixed.line, error_code: null };
  const h = fnv1a(e164.replace(/\D/g, ''));
  const type: LineType = (numberType && TYPE_MAP[numberType]) || LINE_TYPES[(h >>> 8) % LINE_TYPES.length];
  const carriers = (e164.startsWith('+1') ? US_CARRIERS : OTHER_CARRIERS)[type];
  const chosen: Carrier = carriers?.length ? carriers[(h >>> 16) % carriers.length] : carrier('Unknown carrier');
  return { ...chosen, type, error_code: null };
}

function validationErrors(input: string, country: CountryCode): ValidationError[] {
  if (!/\d/.test(input) || /[^\d\s+().\-/]/.test(input)) return ['NOT_A_NUMBER'];
  const length = validatePhoneNumberLength(input, country);
  if (length === 'INVALID_COUNTRY') return ['INVALID_COUNTRY_CODE'];
  if (length === 'NOT_A_NUMBER') return ['NOT_A_NUMBER'];
  if (length === 'TOO_SHORT' || length === 'TOO_LONG' || length === 'INVALID_LENGTH') return [length];
  return ['INVALID_BUT_POSSIBLE'];
}

export function registerLookups(emu: Emulator): void {
  emu.router.add('GET', '/lookups/v2/PhoneNumbers/{PhoneNumber}', (req) => {
    const input = req.params.PhoneNumber.trim();
    const fields = (first(req.query, 'Fields') ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    for (const f of fields) {
      if (!KNOWN_FIELDS.has(f)) throw new TwilioApiError(400, 60200, `Invalid Fields parameter: ${f}`);
    }
    const countryParam = (first(req.query, 'CountryCode') ?? 'US').toUpperCase();
    if (!/^[A-Z]{2}$/.test(countryParam)) throw new TwilioApiError(400, 60200, `Invalid CountryCode parameter: ${countryParam}`);
    const country = countryParam as CountryCode;

    const parsed = /[a-zA-Z]/.test(input) ? undefined : parsePhoneNumberFromString(input, country);
    const valid = parsed?.isValid() ?? false;
    const e164 = parsed?.number ?? input;
    const encoded = encodeURIComponent(e164).replace(/^%2B/, '+');
    const ok = parsed !== undefined && valid;
    // Field order as Twilio writes it.
    return json(200, {
      calling_country_code: ok ? parsed.countryCallingCode : null,
      country_code: ok ? (parsed.country ?? null) : null,
      phone_number: e164,
      national_format: ok ? parsed.formatNational() : null,
      valid: ok,
      validation_errors: ok ? [] : validationErrors(input, country),
      caller_name: ok && fields.includes('caller_name') ? callerNameFor(parsed.number, parsed.country) : null,
      sim_swap: null,
      call_forwarding: null,
      line_status: null,
      line_type_intelligence:
        ok && fields.includes('line_type_intelligence') ? lineTypeFor(parsed.number, parsed.getType()) : null,
      identity_match: null,
      reassigned_number: null,
      sms_pumping_risk: null,
      phone_number_quality_score: null,
      pre_fill: null,
      url: `https://lookups.twilio.com/v2/PhoneNumbers/${encoded}`,
    });
  });
}
