/**
 * The numbers Twilio has for sale, as the emulator imagines them: a fixed inventory per country, type and
 * area code, generated from a hash so that the same search always offers the same numbers in the same
 * order. A number stays offered until the account owns it (the caller filters owned numbers out); a
 * number released goes back on offer.
 *
 * Places are real (area codes with their city, state, coordinates), the numbers are not meant to be:
 * US and Canadian lines avoid the exchanges 555 and N11 and the deterministic call outcomes (0200-0202);
 * UK numbers come from Ofcom's ranges reserved for drama (020 7946 0xxx, 07700 900xxx, 0808 157 0xxx).
 * Area code 500 is Twilio's test area code: it offers exactly +15005550006, Twilio's "valid" magic number.
 */
import { createHash } from 'crypto';

export type NumberType = 'local' | 'toll_free' | 'mobile';

export interface Capabilities {
  voice: boolean;
  sms: boolean;
  mms: boolean;
  fax: boolean;
}

/** A number for sale, with the place it belongs to (null where Twilio reports none, e.g. toll-free). */
export interface Offer {
  phone_number: string;
  iso_country: string;
  locality: string | null;
  region: string | null;
  postal_code: string | null;
  rate_center: string | null;
  lata: string | null;
  latitude: number | null;
  longitude: number | null;
  capabilities: Capabilities;
}

interface Place {
  locality: string;
  region: string;
  postal: string;
  lata: string;
  lat: number;
  long: number;
}

const place = (locality: string, region: string, postal: string, lata: string, lat: number, long: number): Place => ({
  locality,
  region,
  postal,
  lata,
  lat,
  long,
});

/** Area codes with numbers for sale, first the ones a search without AreaCode walks through. */
const US_AREAS: Record<string, Place> = {
  '415': place('San Francisco', 'CA', '94102', '722', 37.7749, -122.4194),
  '212': place('New York', 'NY', '10001', '132', 40.7128, -74.006),
  '312': place('Chicago', 'IL', '60601', '358', 41.8781, -87.6298),
  '213': place('Los Angeles', 'CA', '90012', '730', 34.0522, -118.2437),
  '206': place('Seattle', 'WA', '98101', '674', 47.6062, -122.3321),
  '617': place('Boston', 'MA', '02108', '128', 42.3601, -71.0589),
  '512': place('Austin', 'TX', '78701', '558', 30.2672, -97.7431),
  '303': place('Denver', 'CO', '80202', '656', 39.7392, -104.9903),
  '305': place('Miami', 'FL', '33130', '460', 25.7617, -80.1918),
  '404': place('Atlanta', 'GA', '30303', '438', 33.749, -84.388),
  '408': place('San Jose', 'CA', '95113', '722', 37.3382, -121.8863),
  '510': place('Oakland', 'CA', '94612', '722', 37.8044, -122.2712),
  '650': place('San Mateo', 'CA', '94401', '722', 37.563, -122.3255),
  '646': place('New York', 'NY', '10011', '132', 40.7411, -73.9897),
  '702': place('Las Vegas', 'NV', '89101', '721', 36.1699, -115.1398),
  '713': place('Houston', 'TX', '77002', '560', 29.7604, -95.3698),
  '202': place('Washington', 'DC', '20001', '236', 38.9072, -77.0369),
  '503': place('Portland', 'OR', '97204', '672', 45.5152, -122.6784),
  '602': place('Phoenix', 'AZ', '85003', '666', 33.4484, -112.074),
};
const CA_AREAS: Record<string, Place> = {
  '416': place('Toronto', 'ON', 'M5H', '888', 43.6532, -79.3832),
  '604': place('Vancouver', 'BC', 'V6B', '888', 49.2827, -123.1207),
  '514': place('Montreal', 'QC', 'H2Y', '888', 45.5017, -73.5673),
};
const TOLL_FREE_CODES = ['800', '833', '844', '855', '866', '877', '888'];
/** Twilio's test area code (see the header). */
export const TEST_AREA_CODE = '500';
const TEST_NUMBER = '+15005550006';
const PER_BLOCK = 60;

/** Countries with numbers for sale and the types each offers, as the country list reports them. */
export const COUNTRIES: Record<string, { name: string; types: NumberType[] }> = {
  US: { name: 'United States', types: ['local', 'toll_free'] },
  CA: { name: 'Canada', types: ['local', 'toll_free'] },
  GB: { name: 'United Kingdom', types: ['local', 'mobile', 'toll_free'] },
};

/** A run of numbers sharing country, type and place: `prefix` then generated digits. */
interface Block {
  country: string;
  type: NumberType;
  areaCode: string | null;
  place: Place | null;
  /** What every number of the block starts with. */
  prefix: string;
  /** The i-th number of the block (0 <= i < size); null when that slot holds no number. */
  number(i: number): string | null;
  size: number;
}

const hash = (key: string): Buffer => createHash('sha256').update(key).digest();

/** A NANP line in area `area`: exchange NXX (not N11, not 555) and a line clear of the call outcomes. */
function nanpNumber(key: string, area: string): string | null {
  const h = hash(key);
  const exchange = 200 + (h.readUInt16BE(0) % 800);
  const line = h.readUInt16BE(2) % 10000;
  if (exchange % 100 === 11 || exchange === 555 || (line >= 200 && line <= 202)) return null;
  return `+1${area}${exchange}${String(line).padStart(4, '0')}`;
}

function nanpBlocks(country: 'US' | 'CA', areas: Record<string, Place>): Block[] {
  const local: Block[] = Object.entries(areas).map(([area, p]) => ({
    country,
    type: 'local',
    areaCode: area,
    place: p,
    prefix: `+1${area}`,
    size: PER_BLOCK,
    number: (i) => nanpNumber(`${country}:local:${area}:${i}`, area),
  }));
  const tollFree: Block[] = TOLL_FREE_CODES.map((area) => ({
    country,
    type: 'toll_free',
    areaCode: area,
    place: null,
    prefix: `+1${area}`,
    size: country === 'US' ? PER_BLOCK : 0,
    number: (i) => nanpNumber(`${country}:toll_free:${area}:${i}`, area),
  }));
  return [...local, ...tollFree];
}

const LONDON = place('London', 'London', 'EC1A', '', 51.5072, -0.1276);
/** A UK drama range: `prefix` then three digits. */
const drama = (country: string, type: NumberType, prefix: string, p: Place | null): Block => ({
  country,
  type,
  areaCode: null,
  place: p,
  prefix,
  size: PER_BLOCK,
  number: (i) => `${prefix}${String(i).padStart(3, '0')}`,
});

const BLOCKS: Block[] = [
  ...nanpBlocks('US', US_AREAS),
  {
    country: 'US',
    type: 'local',
    areaCode: TEST_AREA_CODE,
    place: null,
    prefix: TEST_NUMBER,
    size: 1,
    number: () => TEST_NUMBER,
  },
  ...nanpBlocks('CA', CA_AREAS),
  drama('GB', 'local', '+442079460', LONDON),
  drama('GB', 'mobile', '+447700900', null),
  drama('GB', 'toll_free', '+448081570', null),
];

function capabilities(phone: string, type: NumberType): Capabilities {
  const h = hash(`capabilities:${phone}`);
  if (type === 'toll_free') return { voice: true, sms: true, mms: h[0] % 3 !== 0, fax: false };
  if (phone === TEST_NUMBER) return { voice: true, sms: true, mms: true, fax: false };
  // Most numbers do everything; some lack MMS, a few SMS too, so capability filters have something to filter.
  const sms = h[0] % 6 !== 0;
  return { voice: true, sms, mms: sms && h[1] % 4 !== 0, fax: false };
}

function offer(block: Block, phone: string): Offer {
  const p = block.place;
  const nanpLocal = block.type === 'local' && block.country !== 'GB' && p !== null;
  return {
    phone_number: phone,
    iso_country: block.country,
    locality: p?.locality ?? null,
    region: p?.region ?? null,
    postal_code: p?.postal ?? null,
    rate_center: nanpLocal ? p.locality.toUpperCase().replace(/\s+/g, ' ').slice(0, 10) : null,
    lata: nanpLocal ? p.lata : null,
    latitude: p?.lat ?? null,
    longitude: p?.long ?? null,
    capabilities: capabilities(phone, block.type),
  };
}

/** Whether an area code is a well-formed North American one (NXX, not N11). */
export function validAreaCode(area: string): boolean {
  return /^[2-9]\d\d$/.test(area) && !/^[2-9]11$/.test(area);
}

/** Every number for sale of this country and type (in one area code when given), in inventory order. */
export function* inventory(country: string, type: NumberType, areaCode?: string): Generator<Offer> {
  for (const block of BLOCKS) {
    if (block.country !== country || block.type !== type) continue;
    if (areaCode !== undefined && block.areaCode !== areaCode) continue;
    for (let i = 0; i < block.size; i++) {
      const phone = block.number(i);
      if (phone !== null) yield offer(block, phone);
    }
  }
}

/** The inventory's offer of this exact number, if Twilio has it for sale. */
export function findOffer(phone: string): Offer | undefined {
  for (const block of BLOCKS) {
    if (!phone.startsWith(block.prefix)) continue;
    for (let i = 0; i < block.size; i++) if (block.number(i) === phone) return offer(block, phone);
  }
  return undefined;
}

/** Great-circle distance in miles, for NearLatLong / NearNumber with Distance. */
export function milesBetween(a: [number, number], b: [number, number]): number {
  const rad = (d: number): number => (d * Math.PI) / 180;
  const dLat = rad(b[0] - a[0]);
  const dLong = rad(b[1] - a[1]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(dLong / 2) ** 2;
  return 2 * 3958.8 * Math.asin(Math.sqrt(h));
}

/** The place of a number the emulator knows the area of (for a bought number's region and locality). */
export function placeOf(phone: string): Offer | undefined {
  const found = findOffer(phone);
  if (found) return found;
  const m = /^\+1(\d{3})/.exec(phone);
  const area = m?.[1];
  if (!area) return undefined;
  const country = US_AREAS[area] ? 'US' : CA_AREAS[area] ? 'CA' : undefined;
  if (!country) return undefined;
  const block = BLOCKS.find((b) => b.areaCode === area && b.country === country && b.type === 'local');
  return block ? offer(block, phone) : undefined;
}
