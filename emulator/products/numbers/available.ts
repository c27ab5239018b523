/**
 * AvailablePhoneNumbers (API 2010): the countries with numbers for sale, and a search of the inventory
 * (./inventory.ts) per country and type, with Twilio's filters:
 *   AreaCode (US, CA), Contains (digits, letters as on a keypad, `*` for any one digit; a leading `+`
 *   anchors at the start of the E.164 number), SmsEnabled, MmsEnabled, VoiceEnabled, FaxEnabled,
 *   InRegion, InLocality, InPostalCode, InLata, InRateCenter, NearLatLong / NearNumber with Distance
 *   (miles, default 25), PageSize. The address and beta filters are accepted: no number in the inventory
 *   needs an address or is in beta. Like Twilio, a search answers one page (no next page).
 * Numbers the account owns are never offered.
 */
import type { Emulator } from '../../core/emulator';
import { json, EmuRequest } from '../../core/router';
import { badParam, bool, first, notFound, page2010, readPage, TwilioApiError } from '../../core/wire';
import { COUNTRIES, inventory, milesBetween, NumberType, Offer, placeOf, TEST_AREA_CODE, validAreaCode } from './inventory';

/** Each type's path segment. */
const SEGMENTS: Record<NumberType, string> = { local: 'Local', toll_free: 'TollFree', mobile: 'Mobile' };
const KEYPAD: Record<string, string> = {};
for (const [digit, letters] of Object.entries({
  2: 'abc',
  3: 'def',
  4: 'ghi',
  5: 'jkl',
  6: 'mno',
  7: 'pqrs',
  8: 'tuv',
  9: 'wxyz',
}))
  for (const l of letters) KEYPAD[l] = digit;

/** `Contains` as a test on an E.164 number. */
function containsTest(pattern: string): (phone: string) => boolean {
  if (!/^\+?[0-9a-zA-Z*]{2,}$/.test(pattern))
    throw badParam(`Contains must be at least two characters of 0-9, a-z and *: ${pattern}`, 20001);
  const anchored = pattern.startsWith('+');
  const body = (anchored ? pattern.slice(1) : pattern)
    .toLowerCase()
    .split('')
    .map((c) => (c === '*' ? '\\d' : (KEYPAD[c] ?? c)))
    .join('');
  const re = new RegExp(anchored ? `^\\+${body}` : body);
  return (phone) => re.test(phone);
}

function friendlyName(phone: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : phone;
}

function wire(o: Offer): Record<string, unknown> {
  return {
    friendly_name: friendlyName(o.phone_number),
    phone_number: o.phone_number,
    lata: o.lata,
    locality: o.locality,
    rate_center: o.rate_center,
    latitude: o.latitude,
    longitude: o.longitude,
    region: o.region,
    postal_code: o.postal_code,
    iso_country: o.iso_country,
    address_requirements: 'none',
    beta: false,
    // Twilio writes SMS and MMS in capitals here (unlike IncomingPhoneNumbers); its OpenAPI document
    // spells them in lower case. Both are written so clients of either spelling read the same answer.
    capabilities: { ...o.capabilities, SMS: o.capabilities.sms, MMS: o.capabilities.mms },
  };
}

/** A filter that compares a place field, case-insensitively. */
function sameAs(value: string | undefined, field: (o: Offer) => string | null): ((o: Offer) => boolean) | null {
  if (value === undefined) return null;
  const wanted = value.toLowerCase();
  return (o) => field(o)?.toLowerCase() === wanted;
}

function nearness(req: EmuRequest): ((o: Offer) => boolean) | null {
  const latLong = first(req.query, 'NearLatLong');
  const nearNumber = first(req.query, 'NearNumber');
  if (latLong === undefined && nearNumber === undefined) return null;
  const distance = Number(first(req.query, 'Distance') ?? 25);
  if (!Number.isFinite(distance) || distance < 0 || distance > 500) throw badParam('Distance must be 0 to 500 miles', 20001);
  let origin: [number, number];
  if (latLong !== undefined) {
    const [lat, long] = latLong.split(',').map(Number);
    if (!Number.isFinite(lat) || !Number.isFinite(long) || Math.abs(lat) > 90 || Math.abs(long) > 180)
      throw badParam(`NearLatLong must be "latitude,longitude": ${latLong}`, 20001);
    origin = [lat, long];
  } else {
    const near = placeOf(nearNumber ?? '');
    if (!near || near.latitude === null || near.longitude === null) return () => false;
    origin = [near.latitude, near.longitude];
  }
  return (o) => o.latitude !== null && o.longitude !== null && milesBetween(origin, [o.latitude, o.longitude]) <= distance;
}

function capability(req: EmuRequest, param: string, key: keyof Offer['capabilities']): ((o: Offer) => boolean) | null {
  const wanted = bool(req.query, param);
  return wanted === undefined ? null : (o) => o.capabilities[key] === wanted;
}

export function registerAvailableNumbers(emu: Emulator, owned: (phone: string) => boolean): void {
  const base = '/api/2010-04-01/Accounts/{AccountSid}/AvailablePhoneNumbers';
  const path = (rest: string): string => `/2010-04-01/Accounts/${emu.accountSid}/AvailablePhoneNumbers${rest}`;

  const country = (code: string): Record<string, unknown> => {
    const c = COUNTRIES[code];
    return {
      country_code: code,
      country: c.name,
      uri: path(`/${code}.json`),
      beta: false,
      subresource_uris: Object.fromEntries(c.types.map((t) => [t, path(`/${code}/${SEGMENTS[t]}.json`)])),
    };
  };
  const countryOf = (req: EmuRequest): string => {
    const code = req.params.CountryCode;
    if (!COUNTRIES[code]) throw notFound(path(`/${code}.json`));
    return code;
  };

  emu.router.add('GET', `${base}.json`, (req) => {
    const request = readPage(req.query);
    const all = Object.keys(COUNTRIES).map(country);
    return json(200, page2010('countries', path('.json'), all, request));
  });
  emu.router.add('GET', `${base}/{CountryCode}.json`, (req) => json(200, country(countryOf(req))));

  for (const [type, segment] of Object.entries(SEGMENTS) as [NumberType, string][]) {
    emu.router.add('GET', `${base}/{CountryCode}/${segment}.json`, (req) => {
      const code = countryOf(req);
      const listPath = path(`/${code}/${segment}.json`);
      if (!COUNTRIES[code].types.includes(type)) throw notFound(listPath);
      const q = req.query;
      const areaCode = first(q, 'AreaCode');
      if (areaCode !== undefined) {
        const nanp = code === 'US' || code === 'CA';
        if (!nanp || !(validAreaCode(areaCode) || areaCode === TEST_AREA_CODE))
          throw new TwilioApiError(400, 21451, `Invalid area code: ${areaCode}`);
      }
      for (const p of ['ExcludeAllAddressRequired', 'ExcludeLocalAddressRequired', 'ExcludeForeignAddressRequired', 'Beta'])
        bool(q, p);
      const contains = first(q, 'Contains');
      const checks = [
        contains === undefined
          ? null
          : (
              (t) => (o: Offer) =>
                t(o.phone_number)
            )(containsTest(contains)),
        capability(req, 'SmsEnabled', 'sms'),
        capability(req, 'MmsEnabled', 'mms'),
        capability(req, 'VoiceEnabled', 'voice'),
        capability(req, 'FaxEnabled', 'fax'),
        sameAs(first(q, 'InRegion'), (o) => o.region),
        sameAs(first(q, 'InLocality'), (o) => o.locality),
        sameAs(first(q, 'InPostalCode'), (o) => o.postal_code),
        sameAs(first(q, 'InLata'), (o) => o.lata),
        sameAs(first(q, 'InRateCenter'), (o) => o.rate_center),
        nearness(req),
      ].filter((c): c is (o: Offer) => boolean => c !== null);
      const { pageSize } = readPage(q);
      const found: Offer[] = [];
      // The inventory is bounded (tens of numbers per area code): a search reads it until the page is full.
      for (const o of inventory(code, type, areaCode)) {
        if (found.length === pageSize) break;
        if (checks.every((c) => c(o)) && !owned(o.phone_number)) found.push(o);
      }
      const filters: Record<string, string | undefined> = {};
      for (const k of Object.keys(q)) if (k !== 'PageSize' && k !== 'Page' && k !== 'PageToken') filters[k] = first(q, k);
      return json(200, page2010('available_phone_numbers', listPath, found.map(wire), { page: 0, pageSize }, filters, false));
    });
  }
}
