import { f, parseInput } from '../../../src/lib/runtime/input';
import { ApiError } from '../../../src/lib/runtime/errors';

const fails = (fn: () => unknown): ApiError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('did not fail');
};

describe('declared inputs', () => {
  it('normalises phone numbers to E.164', () => {
    expect(parseInput({ p: f.phone() }, { p: '+1 (415) 555-0100' })).toEqual({ p: '+14155550100' });
    expect(parseInput({ p: f.phone() }, { p: ' 14155550100' })).toEqual({ p: '+14155550100' });
  });

  it('keeps strict E.164 strict', () => {
    expect(fails(() => parseInput({ p: f.phone({ strict: true }) }, { p: '+1 415 555 0100' })).message).toMatch(/E\.164/);
  });

  it('refuses invalid numbers with the field named', () => {
    const e = fails(() => parseInput({ to: f.phone() }, { to: '+1555' }));
    expect(e.status).toBe(400);
    expect(e.details.field).toBe('to');
  });

  it('parses ints, bools, enums and defaults', () => {
    const schema = { n: f.int({ min: 1 }).default(10), b: f.bool().default(false), k: f.oneOf(['sms', 'whatsapp'] as const) };
    expect(parseInput(schema, { k: 'sms' })).toEqual({ n: 10, b: false, k: 'sms' });
    expect(parseInput(schema, { n: '3', b: 'true', k: 'whatsapp' })).toEqual({ n: 3, b: true, k: 'whatsapp' });
    expect(fails(() => parseInput(schema, { n: '1.5', k: 'sms' })).message).toMatch(/whole number/);
    expect(fails(() => parseInput(schema, { b: 'yes', k: 'sms' })).message).toMatch(/true or false/);
    expect(fails(() => parseInput(schema, { k: 'fax' })).message).toMatch(/one of/);
  });

  it('parses https URL lists', () => {
    const schema = { m: f.list(f.url({ httpsOnly: true }), { max: 2 }) };
    expect(parseInput(schema, { m: 'https://a.example/x.jpg' })).toEqual({ m: ['https://a.example/x.jpg'] });
    expect(parseInput(schema, { m: ['https://a.example/1.jpg', 'https://a.example/2.jpg'] }).m).toHaveLength(2);
    expect(fails(() => parseInput(schema, { m: 'http://a.example/x.jpg' })).message).toMatch(/https/);
    expect(fails(() => parseInput(schema, { m: ['https://a/1', 'https://a/2', 'https://a/3'] })).message).toMatch(/at most 2/);
  });

  it('refuses non-string values for strings', () => {
    expect(fails(() => parseInput({ s: f.string() }, { s: { $gt: '' } })).message).toMatch(/string/);
  });
});
