/**
 * What guards every send and call, on each of the four functions that send or call: the dialing policy
 * (no emergency, premium-rate or shared-cost numbers, only allowed countries), phone fields that refuse
 * trailing text and extensions, and a body content type (a link or an image tag cannot send).
 * Every refusal is in the endpoint's own error shape and costs no Twilio round trip.
 */
import { TestService, useService } from '../../support/service';

interface Endpoint {
  path: string;
  /** The destination field. */
  field: string;
  caller: 'flex' | 'basic';
  /** The rest of a valid request. */
  rest: Record<string, unknown>;
  /** The error body for a message (and the failing field, which the softphone API names). */
  shape: (message: string | RegExp, field?: string) => unknown;
}

const ENDPOINTS: Endpoint[] = [
  {
    path: '/api/send-sms',
    field: 'to',
    caller: 'flex',
    rest: { from: '+14155550100', body: 'guarded' },
    shape: (m) => ({ error: m instanceof RegExp ? expect.stringMatching(m) : m }),
  },
  {
    path: '/api/message',
    field: 'to',
    caller: 'basic',
    rest: { message: 'guarded' },
    shape: (m, field) => ({ error: m instanceof RegExp ? expect.stringMatching(m) : m, ...(field ? { field } : {}) }),
  },
  {
    path: '/api/call',
    field: 'to',
    caller: 'basic',
    rest: {},
    shape: (m, field) => ({ error: m instanceof RegExp ? expect.stringMatching(m) : m, ...(field ? { field } : {}) }),
  },
  {
    path: '/phone/call',
    field: 'to_number',
    caller: 'flex',
    rest: {},
    shape: (m) => ({ detail: m instanceof RegExp ? expect.stringMatching(m) : m }),
  },
];

async function credentials(s: TestService, e: Endpoint): Promise<{ token?: string; headers?: Record<string, string> }> {
  if (e.caller === 'flex') return { token: await s.flexToken('alice', ['agent']) };
  const basic = Buffer.from(`${s.env.API_USERNAME}:${s.env.API_PASSWORD}`).toString('base64');
  return { headers: { Authorization: `Basic ${basic}` } };
}

/** Requests to Twilio's Messages and Calls API while `fn` ran (the Flex token check goes to IAM, not here). */
async function twilioRequests(s: TestService, fn: () => Promise<unknown>): Promise<number> {
  await s.t.control('DELETE', '/_emulator/requests');
  await fn();
  const log = await s.t.control<{ requests: { kind: string; host: string }[] }>('GET', '/_emulator/requests');
  return log.body.requests.filter((r) => r.kind === 'rest' && r.host === 'api.twilio.com').length;
}

async function send(s: TestService, e: Endpoint, to: string): Promise<{ status: number; body: unknown; trips: number }> {
  const auth = await credentials(s, e);
  let res: { status: number; body: unknown } = { status: 0, body: undefined };
  const trips = await twilioRequests(s, async () => {
    res = await s.post(e.path, { ...auth, json: { ...e.rest, [e.field]: to } });
  });
  return { ...res, trips };
}

describe('with the default policy (the country of the service number: US)', () => {
  const s = useService();

  describe.each(ENDPOINTS)('$path', (e) => {
    it.each([
      ['premium-rate', '+19005550100', /premium-rate number/],
      ['shared-cost', '+33810123456', /shared-cost number/],
      ['another country', '+442079460000', /outside the countries this service may dial \(US\)/],
    ])('refuses a %s number with 403 and no round trip', async (_kind, to, message) => {
      const res = await send(s(), e, to);
      expect([res.status, res.body, res.trips]).toEqual([403, e.shape(message), 0]);
    });

    it.each(['911', '112', '+1 911', '+44999', '000', '110', '119'])('never dials the emergency number %s', async (to) => {
      const res = await send(s(), e, to);
      expect([res.status, res.body, res.trips]).toEqual([403, e.shape(/Emergency numbers are never dialled/, e.field), 0]);
    });

    it.each(['+14155550100abc', '+14155550100 ext. 5', '+14155550100;ext=5', '+1 415 555 0100 x5'])(
      'refuses %j instead of dropping what follows the number',
      async (to) => {
        const res = await send(s(), e, to);
        expect([res.status, res.trips]).toEqual([400, 0]);
        expect(res.body).toEqual(e.shape(/E\.164|not a valid phone number/, e.field));
      },
    );

    it('refuses a GET (a link or an image tag) with 415 and no round trip', async () => {
      const auth = await credentials(s(), e);
      let res: { status: number; body: unknown } = { status: 0, body: undefined };
      const trips = await twilioRequests(s(), async () => {
        res = await s().get(e.path, { ...auth, query: { ...(e.rest as Record<string, string>), [e.field]: '+14155559999' } });
      });
      expect([res.status, res.body, trips]).toEqual([415, e.shape(/send a POST with a JSON or form body/), 0]);
    });

    it('refuses a POST whose body is not JSON or a form with 415', async () => {
      const auth = await credentials(s(), e);
      const query = new URLSearchParams({ [e.field]: '+14155559999', ...(auth.token ? { Token: auth.token } : {}) });
      const res = await fetch(`${s().url}${e.path}?${query.toString()}`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', ...(auth.headers ?? {}) },
        body: 'hello',
      });
      expect([res.status, await res.json()]).toEqual([415, e.shape(/send a POST with a JSON or form body/)]);
    });

    it('still sends to an allowed number, as a form as well', async () => {
      const auth = await credentials(s(), e);
      const form: Record<string, string> = { [e.field]: '+1 (415) 555-9999' };
      for (const [k, v] of Object.entries(e.rest)) form[k] = String(v);
      if (e.path === '/phone/call') form[e.field] = '+14155559999'; // the phone API takes strict E.164 only
      let status = 0;
      const trips = await twilioRequests(s(), async () => {
        status = (await s().post(e.path, { ...auth, form })).status;
      });
      expect([status, trips]).toEqual([200, 1]);
    });
  });
});

describe('with ALLOWED_DIAL_COUNTRIES', () => {
  const s = useService({ env: { ALLOWED_DIAL_COUNTRIES: 'us, GB' } });

  it('sends to a listed country and refuses the others', async () => {
    const token = await s().flexToken('alice');
    const gb = await s().post('/api/send-sms', { token, json: { to: '+442079460000', from: '+14155550100', body: 'hi' } });
    expect(gb.status).toBe(200);
    const fr = await s().post('/api/send-sms', { token, json: { to: '+33142685300', from: '+14155550100', body: 'hi' } });
    expect([fr.status, fr.body]).toEqual([403, { error: expect.stringMatching(/outside the countries .*\(US, GB\)/) }]);
  });

  it('still refuses premium-rate numbers in a listed country', async () => {
    const token = await s().flexToken('alice');
    const res = await s().post('/phone/call', { token, json: { to_number: '+448712345678' } });
    expect([res.status, res.body]).toEqual([403, { detail: expect.stringMatching(/premium-rate/) }]);
  });
});

describe('with an unknown country in ALLOWED_DIAL_COUNTRIES', () => {
  const s = useService({ env: { ALLOWED_DIAL_COUNTRIES: 'US,XX' } });

  it('names the setting in a configuration error', async () => {
    const token = await s().flexToken('alice');
    const res = await s().post('/phone/call', { token, json: { to_number: '+14155559999' } });
    expect([res.status, res.body]).toEqual([500, { detail: 'ALLOWED_DIAL_COUNTRIES has unknown country codes: XX' }]);
  });
});
