/**
 * Pricing v1 for phone numbers: `GET /v1/PhoneNumbers/Countries` and `/v1/PhoneNumbers/Countries/{IsoCountry}`,
 * for the countries the emulator sells numbers in (./numbers/inventory.ts), each with the types it sells.
 * Prices come from the one price table (./pricing.ts), so what the Pricing API quotes is what Usage Records
 * bill a month of holding. The table is in USD for every country (an emulation: Twilio prices each country
 * in its own list). `base_price` and `current_price` are JSON numbers as Twilio's OpenAPI document types
 * them (Twilio's live API writes them as decimal strings; readers accept both).
 */
import type { Emulator } from '../core/emulator';
import { json } from '../core/router';
import { notFound, pageV1, readPage } from '../core/wire';
import { COUNTRIES } from './numbers/inventory';
import type { NumberType } from './numbers/inventory';
import { monthlyNumberPrice, NumberKind } from './pricing';

const BASE_URL = 'https://pricing.twilio.com/v1/PhoneNumbers/Countries';

/** The inventory's type, as the price table knows it and as Pricing names it ("toll free", with a space). */
const TYPES: Record<NumberType, { kind: NumberKind; name: string }> = {
  local: { kind: 'local', name: 'local' },
  toll_free: { kind: 'tollfree', name: 'toll free' },
  mobile: { kind: 'mobile', name: 'mobile' },
};

export function registerPricing(emu: Emulator): void {
  const summary = (iso: string): Record<string, unknown> => ({
    country: COUNTRIES[iso].name,
    iso_country: iso,
    url: `${BASE_URL}/${iso}`,
  });

  emu.router.add('GET', '/pricing/v1/PhoneNumbers/Countries', (req) =>
    json(200, pageV1('countries', BASE_URL, Object.keys(COUNTRIES).map(summary), readPage(req.query))),
  );

  emu.router.add('GET', '/pricing/v1/PhoneNumbers/Countries/{IsoCountry}', (req) => {
    const iso = req.params.IsoCountry.toUpperCase();
    const country = COUNTRIES[iso];
    if (!country) throw notFound(`/v1/PhoneNumbers/Countries/${req.params.IsoCountry}`);
    const prices = country.types.map((type) => {
      const price = monthlyNumberPrice(TYPES[type].kind) / 1_000_000;
      return { number_type: TYPES[type].name, base_price: price, current_price: price };
    });
    // Field order as Twilio writes it.
    return json(200, {
      country: country.name,
      iso_country: iso,
      phone_number_prices: prices,
      price_unit: 'USD',
      url: `${BASE_URL}/${iso}`,
    });
  });
}
