/**
 * The Flex plugin API (000) over HTTP: the compiled functions on the local server, against the emulator.
 */
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { useService, roundTrips } from '../../support/service';
import { expectLogged } from '../../support/console';

const s = useService();

describe('GET /api', () => {
  it('answers the greeting without any credentials', async () => {
    const res = await s().get('/api');
    expect(res.status).toBe(200);
    expect(res.text).toBe('"Hello, Twilio Plugin!"');
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('Flex token on plugin endpoints', () => {
  const endpoints = ['/api/call-logs', '/api/task-logs', '/api/sms-logs'];

  it.each(endpoints)('%s refuses a missing token with 401 and calls no Twilio API', async (path) => {
    const trips = await roundTrips(s(), async () => {
      const res = await s().get(path);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: expect.stringContaining('Flex token') });
    });
    expect(trips).toBe(0);
  });

  it.each(endpoints)('%s refuses a forged token with 401', async (path) => {
    const real = await s().flexToken('alice');
    const [h, p] = real.split('.');
    const forged = `${h}.${p}.${Buffer.from('not-the-signature').toString('base64url')}`;
    const res = await s().get(path, { token: forged });
    expect(res.status).toBe(401);
  });

  it('refuses an expired token with 401', async () => {
    const token = await s().flexToken('alice', ['agent'], { ttl: 1 });
    await new Promise((r) => setTimeout(r, 1300));
    const res = await s().get('/api/sms-logs', { token });
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).toMatch(/expired/i);
  });

  it('refuses a guest (webchat) token with 403', async () => {
    const token = await s().flexToken('guest-1', ['guest']);
    const res = await s().get('/api/sms-logs', { token });
    expect(res.status).toBe(403);
  });

  it('refuses a send-sms with a forged token and sends nothing', async () => {
    const before = (await s().t.client.messages.list()).length;
    const res = await s().post('/api/send-sms', {
      token: 'x.y.z',
      json: { to: '+14155559999', from: '+14155550100', body: 'hi' },
    });
    expect(res.status).toBe(401);
    expect((await s().t.client.messages.list()).length).toBe(before);
  });
});

describe('GET /api/call-location-name', () => {
  it('answers location and caller name for a valid number', async () => {
    const token = await s().flexToken('alice');
    const res = await s().get('/api/call-location-name', { token, query: { phone_number: '+14155550100' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ location: expect.stringContaining('United States'), friendly_name: expect.any(String) });
    expect((res.body as { location: string }).location).toMatch(/San Francisco/);
  });

  it('tells the country for numbers outside the NANP', async () => {
    const token = await s().flexToken('alice');
    const res = await s().get('/api/call-location-name', { token, query: { phone_number: '+442071838750' } });
    expect(res.status).toBe(200);
    expect((res.body as { location: string }).location).toBe('London, United Kingdom');
  });

  it('accepts a + that arrived as a space (unencoded query string)', async () => {
    const token = await s().flexToken('alice');
    const res = await fetch(`${s().url}/api/call-location-name?phone_number=+14155550100&Token=${token}`);
    expect(res.status).toBe(200);
  });

  it.each(['12', 'not-a-number', '+999999'])('answers the seed 400 body for %s', async (phone) => {
    const token = await s().flexToken('alice');
    const res = await s().get('/api/call-location-name', { token, query: { phone_number: phone } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ location: 'Unknown Location', friendly_name: 'Unknown phone number' });
  });

  it('answers the seed 400 body when the number is missing', async () => {
    const token = await s().flexToken('alice');
    const res = await s().get('/api/call-location-name', { token });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ location: 'Unknown Location', friendly_name: 'Unknown phone number' });
  });

  it('costs one Lookup round trip (after the token is cached)', async () => {
    const token = await s().flexToken('alice');
    await s().get('/api', { token });
    await s().get('/api/sms-logs', { token });
    const trips = await roundTrips(s(), () =>
      s().get('/api/call-location-name', { token, query: { phone_number: '+14155550111' } }),
    );
    expect(trips).toBe(1);
  });
});

describe('GET /api/call-logs', () => {
  it('lists at most 50 calls with the seed fields', async () => {
    const token = await s().flexToken('alice');
    const res = await s().get<Record<string, unknown>[]>('/api/call-logs', { token });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.length).toBeLessThanOrEqual(50);
    for (const c of res.body) {
      expect(Object.keys(c).sort()).toEqual(['duration', 'from', 'start_time', 'status', 'to']);
      expect(typeof c.duration).toBe('string');
    }
  });

  it('answers 502 {error} without a stack when Twilio fails', async () => {
    const token = await s().flexToken('alice');
    await s().get('/api/sms-logs', { token });
    await s().t.control('POST', '/_emulator/faults', { match: '/Calls.json', status: 500 });
    try {
      const res = await s().get('/api/call-logs', { token });
      expect(res.status).toBe(502);
      expect(res.body).toEqual({ error: expect.any(String) });
      expect(res.text).not.toMatch(/at \w+ \(|node_modules|\.js:\d+/);
      expectLogged(/^\[\/api\/call-logs\] Error: Injected fault\n\s+at /);
    } finally {
      await s().t.control('DELETE', '/_emulator/faults');
    }
  });

  it('rides out a 429 from Twilio with a retry', async () => {
    const token = await s().flexToken('alice');
    await s().t.control('POST', '/_emulator/faults', { match: '/Calls.json', status: 429, count: 1 });
    try {
      const res = await s().get('/api/call-logs', { token });
      expect(res.status).toBe(200);
    } finally {
      await s().t.control('DELETE', '/_emulator/faults');
    }
  });
});

describe('GET /api/task-logs', () => {
  it('lists at most 50 tasks, newest first, attributes parsed', async () => {
    const token = await s().flexToken('alice');
    const res = await s().get<{ sid: string; status: string; created_time: string; attributes: unknown }[]>('/api/task-logs', {
      token,
    });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.length).toBeLessThanOrEqual(50);
    for (const task of res.body) {
      expect(Object.keys(task).sort()).toEqual(['attributes', 'created_time', 'sid', 'status']);
      expect(task.sid).toMatch(/^WT/);
      expect(typeof task.attributes).toBe('object');
    }
    const times = res.body.map((x) => Date.parse(x.created_time));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});

describe('POST /api/send-sms and GET /api/sms-logs', () => {
  it('sends from an owned number and the message shows in sms-logs', async () => {
    const token = await s().flexToken('alice');
    const res = await s().post<{ message_sid: string; status: string }>('/api/send-sms', {
      token,
      json: { to: '+14155559999', from: '+14155550100', body: 'Hello there!' },
    });
    expect(res.status).toBe(200);
    expect(res.body.message_sid).toMatch(/^SM/);
    expect(res.body.status).toBe('queued');
    const logs = await s().get<{ message_sid: string; body: string }[]>('/api/sms-logs', { token });
    expect(logs.body.find((m) => m.message_sid === res.body.message_sid)).toMatchObject({
      body: 'Hello there!',
      from: '+14155550100',
      to: '+14155559999',
    });
  });

  it('makes two Twilio round trips to send from a number no user owns: whose number it is (Sync), the send', async () => {
    const token = await s().flexToken('alice');
    await s().get('/api/sms-logs', { token });
    const trips = await roundTrips(s(), () =>
      s().post('/api/send-sms', { token, json: { to: '+14155559999', from: '+14155550100', body: 'x' } }),
    );
    // The owner read decides the spending limit and the bill (docs/decisions/0010-billing-ledger.md).
    expect(trips).toBe(2);
  });

  it('refuses a from the account does not own with 400 and sends nothing', async () => {
    const token = await s().flexToken('alice');
    const before = (await s().t.client.messages.list()).length;
    const res = await s().post('/api/send-sms', { token, json: { to: '+14155559999', from: '+14155550000', body: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.stringContaining('+14155550000') });
    expect((await s().t.client.messages.list()).length).toBe(before);
  });

  it.each([
    [{ from: '+14155550100', body: 'x' }, 'to'],
    [{ to: '+14155559999', body: 'x' }, 'from'],
    [{ to: '+14155559999', from: '+14155550100' }, 'body'],
    [{ to: 'abc', from: '+14155550100', body: 'x' }, 'to'],
    [{ to: '+14155559999', from: '+14155550100', body: 'x'.repeat(1601) }, 'body'],
  ])('answers 400 {error} for %j', async (json, field) => {
    const token = await s().flexToken('alice');
    const res = await s().post('/api/send-sms', { token, json });
    expect(res.status).toBe(400);
    expect((res.body as { error: string }).error).toContain(field);
  });

  it('lists at most 20 messages with the seed fields', async () => {
    const token = await s().flexToken('alice');
    for (let i = 0; i < 22; i++) {
      await s().t.client.messages.create({ to: '+14155558888', from: '+14155550100', body: `bulk ${i}` });
    }
    const res = await s().get<Record<string, unknown>[]>('/api/sms-logs', { token });
    expect(res.body).toHaveLength(20);
    expect(Object.keys(res.body[0]).sort()).toEqual(['body', 'date_sent', 'from', 'message_sid', 'status', 'to']);
    expect(res.body[0].body).toBe('bulk 21');
  });
});

describe('POST /api/receive-sms (webhook)', () => {
  const params = {
    From: '+14155559999',
    To: '+14155550100',
    Body: 'Hello from a handset that writes long texts',
    MessageSid: 'SM00000000000000000000000000000001',
  };

  it('acknowledges a signed message with the seed TwiML', async () => {
    const res = await s().webhook('/api/receive-sms', params);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/xml/);
    expect(res.text).toContain(
      '<Message>Hello, your message &apos;Hello from a handset...&apos; was received by our service number +14155550100</Message>',
    );
  });

  it('refuses a forged signature with 403 and no TwiML', async () => {
    const res = await s().webhook('/api/receive-sms', params, 'Zm9yZ2Vk');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ status: 'error', message: expect.any(String) });
  });

  it('refuses a missing signature', async () => {
    const res = await s().post('/api/receive-sms', { form: params });
    expect(res.status).toBe(403);
  });

  it('refuses a signature made for other parameters', async () => {
    const sig = getExpectedTwilioSignature(s().t.emu.authToken, `${s().url}/api/receive-sms`, { ...params, Body: 'other' });
    const res = await s().webhook('/api/receive-sms', params, sig);
    expect(res.status).toBe(403);
  });

  it.each(['From', 'To', 'Body'])('answers the seed 400 body without %s', async (field) => {
    const p: Record<string, string> = { ...params };
    delete p[field];
    const res = await s().webhook('/api/receive-sms', p);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ status: 'error', message: "Invalid request. 'From', 'To', and 'Body' fields are required." });
  });

  it('end to end: an injected inbound SMS gets the TwiML reply and shows in sms-logs', async () => {
    const inbound = await s().t.control<{ message_sid: string; twiml: string; replies: string[]; webhook: { status: number } }>(
      'POST',
      '/_emulator/inbound-sms',
      { From: '+14155557777', To: '+14155550100', Body: 'Hi there' },
    );
    expect(inbound.status).toBe(200);
    expect(inbound.body.webhook.status).toBe(200);
    expect(inbound.body.twiml).toContain(
      'Hello, your message &apos;Hi there&apos; was received by our service number +14155550100',
    );
    expect(inbound.body.replies).toHaveLength(1);
    const token = await s().flexToken('alice');
    const logs = await s().get<{ message_sid: string; body: string; from: string }[]>('/api/sms-logs', { token });
    expect(logs.body.find((m) => m.message_sid === inbound.body.message_sid)).toMatchObject({
      body: 'Hi there',
      from: '+14155557777',
    });
  });
});

describe('CORS', () => {
  it('answers a browser preflight for a Flex-facing function', async () => {
    const res = await fetch(`${s().url}/api/sms-logs`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://flex.twilio.com', 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toMatch(/GET/);
  });

  it('answers the preflight of a JSON POST to a function that needs a body (no body, no 415)', async () => {
    const res = await fetch(`${s().url}/api/send-sms`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://flex.twilio.com',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
  });

  it('puts CORS headers on errors too, so the plugin can read them', async () => {
    const res = await s().get('/api/sms-logs', { headers: { Origin: 'https://flex.twilio.com' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
