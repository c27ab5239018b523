import { useEmulator } from '../support/emulator';

const t = useEmulator();
const FIELDS = 'caller_name,line_type_intelligence';

interface CallerName {
  caller_name: string | null;
  caller_type: string | null;
  error_code: number | null;
}
interface LineType {
  carrier_name: string | null;
  type: string;
  mobile_country_code: string | null;
  mobile_network_code: string | null;
  error_code: number | null;
}

const lookup = (number: string, options: { fields?: string; countryCode?: string } = {}) =>
  t().client.lookups.v2.phoneNumbers(number).fetch(options);

describe('emulated Lookups v2 through the twilio SDK', () => {
  it('validates and formats a number without packages when Fields is absent', async () => {
    const n = await lookup('+14155550100');
    expect(n.valid).toBe(true);
    expect(n.validationErrors).toEqual([]);
    expect(n.phoneNumber).toBe('+14155550100');
    expect(n.nationalFormat).toBe('(415) 555-0100');
    expect(n.countryCode).toBe('US');
    expect(n.callingCountryCode).toBe('1');
    expect(n.callerName).toBeNull();
    expect(n.lineTypeIntelligence).toBeNull();
    expect(n.simSwap).toBeNull();
    expect(n.url).toBe('https://lookups.twilio.com/v2/PhoneNumbers/+14155550100');
  });

  it('answers the fixed table for the sample numbers', async () => {
    const own = await lookup('+14155550100', { fields: FIELDS });
    expect(own.callerName).toEqual({ caller_name: 'FLEX CONTACT CTR', caller_type: 'BUSINESS', error_code: null });
    expect(own.lineTypeIntelligence).toMatchObject({
      type: 'nonFixedVoip',
      carrier_name: 'Twilio - SMS/MMS-SVR',
      error_code: null,
    });
    const softphone = await lookup('+14155550111', { fields: 'caller_name' });
    expect(softphone.callerName).toMatchObject({ caller_name: 'FLEX SOFTPHONE', caller_type: 'BUSINESS' });
    expect(softphone.lineTypeIntelligence).toBeNull();
    const customer = await lookup('+14155559999', { fields: FIELDS });
    expect(customer.callerName).toEqual({ caller_name: 'Jordan Rivera', caller_type: 'CONSUMER', error_code: null });
    expect(customer.lineTypeIntelligence).toEqual({
      carrier_name: 'Verizon Wireless',
      type: 'mobile',
      mobile_country_code: '311',
      mobile_network_code: '480',
      error_code: null,
    });
  });

  it('gives every other number a deterministic, plausible name and line type', async () => {
    const numbers = [
      '+12025550173',
      '+13125550148',
      '+16175550112',
      '+17185550190',
      '+19175550104',
      '+12135550166',
      '+14085550133',
      '+15035550127',
    ];
    const first = await Promise.all(numbers.map((n) => lookup(n, { fields: FIELDS })));
    const again = await Promise.all(numbers.map((n) => lookup(n, { fields: FIELDS })));
    expect(again.map((n) => [n.callerName, n.lineTypeIntelligence])).toEqual(
      first.map((n) => [n.callerName, n.lineTypeIntelligence]),
    );
    for (const n of first) {
      const caller = n.callerName as unknown as CallerName;
      const line = n.lineTypeIntelligence as unknown as LineType;
      expect(caller.caller_name).toEqual(expect.any(String));
      expect(['CONSUMER', 'BUSINESS']).toContain(caller.caller_type);
      expect(caller.error_code).toBeNull();
      expect(['mobile', 'landline', 'nonFixedVoip']).toContain(line.type);
      expect(line.carrier_name).toEqual(expect.any(String));
      if (line.type === 'mobile') expect(line.mobile_country_code).toMatch(/^\d{3}$/);
      else expect(line.mobile_country_code).toBeNull();
    }
    expect(new Set(first.map((n) => (n.callerName as unknown as CallerName).caller_name)).size).toBeGreaterThan(1);
    expect(new Set(first.map((n) => (n.lineTypeIntelligence as unknown as LineType).type)).size).toBeGreaterThan(1);
  });

  it('reads national format in the country of CountryCode (US by default)', async () => {
    const us = await lookup('(415) 555-0100', { countryCode: 'US', fields: 'caller_name' });
    expect(us.valid).toBe(true);
    expect(us.phoneNumber).toBe('+14155550100');
    expect(us.callerName).toMatchObject({ caller_name: 'FLEX CONTACT CTR' });
    const bare = await lookup('4155559999');
    expect(bare.phoneNumber).toBe('+14155559999');
    expect(bare.countryCode).toBe('US');

    const gb = await lookup('020 7946 0000', { countryCode: 'GB', fields: FIELDS });
    expect(gb.valid).toBe(true);
    expect(gb.phoneNumber).toBe('+442079460000');
    expect(gb.nationalFormat).toBe('020 7946 0000');
    expect(gb.countryCode).toBe('GB');
    expect(gb.callingCountryCode).toBe('44');
    // CNAM covers the US and Canada only; the line type comes from the numbering plan.
    expect(gb.callerName).toEqual({ caller_name: null, caller_type: null, error_code: 60600 });
    expect(gb.lineTypeIntelligence).toMatchObject({ type: 'landline', error_code: null });
    const au = await lookup('+61412345678', { fields: 'line_type_intelligence' });
    expect(au.lineTypeIntelligence).toMatchObject({ type: 'mobile' });
  });

  it('answers invalid numbers with 200, valid: false and the reason', async () => {
    const cases: [string, string][] = [
      ['+1415555', 'TOO_SHORT'],
      ['+141599299600', 'TOO_LONG'],
      ['+999123456', 'INVALID_COUNTRY_CODE'],
      ['+10005550100', 'INVALID_BUT_POSSIBLE'],
      ['not-a-number', 'NOT_A_NUMBER'],
    ];
    for (const [input, reason] of cases) {
      const n = await lookup(input, { fields: FIELDS });
      expect({ input, valid: n.valid, errors: n.validationErrors }).toEqual({ input, valid: false, errors: [reason] });
      expect(n.countryCode).toBeNull();
      expect(n.callingCountryCode).toBeNull();
      expect(n.nationalFormat).toBeNull();
      expect(n.callerName).toBeNull();
      expect(n.lineTypeIntelligence).toBeNull();
    }
    expect((await lookup('+141599299600')).phoneNumber).toBe('+141599299600');
  });

  it('refuses an unknown field with 400', async () => {
    await expect(lookup('+14155550100', { fields: 'caller_name,horoscope' })).rejects.toMatchObject({ status: 400, code: 60200 });
  });
});
