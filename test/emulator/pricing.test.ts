import { useEmulator } from '../support/emulator';

const t = useEmulator({ functionsBaseUrl: 'http://127.0.0.1:9' });

describe('emulated Pricing v1 for phone numbers through the twilio SDK', () => {
  it('lists the countries the emulator sells numbers in', async () => {
    const countries = await t().client.pricing.v1.phoneNumbers.countries.list();
    expect(countries.map((c) => [c.isoCountry, c.country])).toEqual([
      ['US', 'United States'],
      ['CA', 'Canada'],
      ['GB', 'United Kingdom'],
    ]);
    expect(countries[0].url).toBe('https://pricing.twilio.com/v1/PhoneNumbers/Countries/US');
  });

  it('quotes each type of number at the monthly price Usage Records bill for it', async () => {
    const { client } = t();
    const us = await client.pricing.v1.phoneNumbers.countries('US').fetch();
    expect(us.priceUnit).toBe('USD');
    expect(us.phoneNumberPrices).toEqual([
      { number_type: 'local', base_price: 1.15, current_price: 1.15 },
      { number_type: 'toll free', base_price: 2.15, current_price: 2.15 },
    ]);
    const gb = await client.pricing.v1.phoneNumbers.countries('gb').fetch();
    expect(gb.phoneNumberPrices.map((p) => p.number_type)).toEqual(['local', 'mobile', 'toll free']);

    // The two sample numbers are local: a month of holding them is what Usage Records charge today.
    const [fees] = await client.usage.records.today.list({ category: 'phonenumbers-local' });
    const local = us.phoneNumberPrices.find((p) => p.number_type === 'local');
    expect(fees.price).toBeCloseTo(2 * (local?.current_price ?? 0), 6);
  });

  it('answers 404 for a country it has no prices for', async () => {
    await expect(t().client.pricing.v1.phoneNumbers.countries('ZZ').fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
    });
  });
});
