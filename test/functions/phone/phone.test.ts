/**
 * The phone API (003) over HTTP against the emulator, including live calls that run their TwiML.
 */
import { useService } from '../../support/service';
import { eventually } from '../../support/emulator';

const s = useService();

interface CallStatusBody {
  success: boolean;
  call_sid: string;
  status: string;
  to: string;
  from_number: string;
  duration: string | null;
  start_time: string | null;
  end_time: string | null;
}

async function token(): Promise<string> {
  return s().flexToken('alice', ['agent']);
}

async function finished(callSid: string, tk: string): Promise<CallStatusBody> {
  return eventually(async () => {
    const res = await s().get<CallStatusBody>('/phone/call-status', { token: tk, query: { call_sid: callSid } });
    return ['completed', 'busy', 'no-answer', 'failed', 'canceled'].includes(res.body.status) ? res.body : undefined;
  }, 10000);
}

describe('POST /phone/call', () => {
  it('places a call that runs the default TwiML served by this service and completes', async () => {
    const tk = await token();
    const res = await s().post<Record<string, unknown>>('/phone/call', { token: tk, json: { to_number: '+14155552671' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      call_sid: expect.stringMatching(/^CA[0-9a-f]{32}$/),
      status: 'queued',
      to: '+14155552671',
      from_number: '+14155550111',
      message: 'Call initiated successfully',
    });
    const done = await finished(res.body.call_sid as string, tk);
    expect(done.status).toBe('completed');
    expect(Number(done.duration)).toBeGreaterThan(0);
    expect(Date.parse(done.end_time as string)).toBeGreaterThan(Date.parse(done.start_time as string));
    const view = await s().t.control<{ verbs: { verb: string }[] }>('GET', `/_emulator/calls/${res.body.call_sid as string}`);
    expect(view.body.verbs.map((v) => v.verb)).toEqual(expect.arrayContaining(['Say', 'Hangup']));
  });

  it('uses the twiml_url when given', async () => {
    const tk = await token();
    const url = `${s().url}/phone/default-twiml`;
    const res = await s().post<{ call_sid: string }>('/phone/call', {
      token: tk,
      json: { to_number: '+14155552672', twiml_url: url },
    });
    expect(res.status).toBe(200);
    expect((await finished(res.body.call_sid, tk)).status).toBe('completed');
  });

  it.each([
    ['busy', '+14155550200'],
    ['no-answer', '+14155550201'],
    ['failed', '+14155550202'],
  ])('reports a %s call', async (status, to) => {
    const tk = await token();
    const res = await s().post<{ call_sid: string }>('/phone/call', { token: tk, json: { to_number: to } });
    expect(res.status).toBe(200);
    expect((await finished(res.body.call_sid, tk)).status).toBe(status);
  });

  it.each([
    [{ to_number: '4155552671' }, /E\.164/],
    [{ to_number: '+1 415 555 2671' }, /E\.164/],
    [{}, /to_number is required/],
    [{ to_number: '+14155552671', twiml_url: 'ftp://x' }, /twiml_url/],
    [{ to_number: '+14155552671', twiml_url: 'not a url' }, /twiml_url/],
  ])('answers 400 {detail} for %j and places no call', async (json, message) => {
    const tk = await token();
    const before = (await s().t.client.calls.list()).filter((c) => !c.parentCallSid).length;
    const res = await s().post<{ detail: string }>('/phone/call', { token: tk, json });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual(['detail']);
    expect(res.body.detail).toMatch(message);
    expect((await s().t.client.calls.list()).filter((c) => !c.parentCallSid).length).toBe(before);
  });

  it('requires a Flex token', async () => {
    const res = await s().post<{ detail: string }>('/phone/call', { json: { to_number: '+14155552671' } });
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/Flex token/);
  });
});

describe('GET /phone/call-status', () => {
  it('answers 404 {detail} for an unknown call', async () => {
    const tk = await token();
    const res = await s().get('/phone/call-status', { token: tk, query: { call_sid: `CA${'0'.repeat(32)}` } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: expect.stringContaining('not found') });
  });

  it('answers 404 for something that is not a call SID', async () => {
    const tk = await token();
    const res = await s().get('/phone/call-status', { token: tk, query: { call_sid: 'CA../../Messages' } });
    expect(res.status).toBe(404);
  });

  it('answers 400 without a call_sid', async () => {
    const res = await s().get('/phone/call-status', { token: await token() });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ detail: 'call_sid is required' });
  });
});

describe('GET /phone/calls', () => {
  it('lists recent calls with count, limit respected', async () => {
    const tk = await token();
    const res = await s().get<{ success: boolean; calls: Record<string, unknown>[]; count: number }>('/phone/calls', {
      token: tk,
      query: { limit: '3' },
    });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.calls.length).toBeLessThanOrEqual(3);
    expect(res.body.count).toBe(res.body.calls.length);
    expect(Object.keys(res.body.calls[0]).sort()).toEqual([
      'call_sid',
      'duration',
      'end_time',
      'from',
      'start_time',
      'status',
      'to',
    ]);
  });

  it('defaults to 10', async () => {
    const res = await s().get<{ count: number }>('/phone/calls', { token: await token() });
    expect(res.body.count).toBeLessThanOrEqual(10);
  });

  it.each(['0', '1001', 'ten', '-5', '2.5'])('answers 400 {detail} for limit=%s', async (limit) => {
    const res = await s().get<{ detail: string }>('/phone/calls', { token: await token(), query: { limit } });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/limit/);
  });
});

describe('GET /phone/health', () => {
  it('reports healthy with the account SID cut short and no secret', async () => {
    const res = await s().get<Record<string, string>>('/phone/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'healthy',
      message: 'Phone service is properly configured',
      twilio_account_sid: `${s().env.ACCOUNT_SID.slice(0, 9)}...`,
    });
    expect(res.text).not.toContain(s().env.AUTH_TOKEN);
  });
});

describe('landing page asset', () => {
  it('is served at /index.html and asks the health function', async () => {
    const res = await fetch(`${s().url}/index.html`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<title>Flex contact centre backend</title>');
    expect(html).toContain("fetch('phone/health')");
  });
});
