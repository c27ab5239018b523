/**
 * The softphone backend (002): outbound calls and messages, with basic auth or a Flex token.
 */
import { useService } from '../../support/service';
import { eventually } from '../../support/emulator';

const s = useService();

const basic = (user = s().env.API_USERNAME, pass = s().env.API_PASSWORD): Record<string, string> => ({
  Authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`,
});

describe('authentication', () => {
  it.each(['/api/call', '/api/message'])('%s refuses wrong basic credentials with 401 {error}', async (path) => {
    const res = await s().post<{ error: string }>(path, {
      headers: basic('softphone-api', 'wrong'),
      json: { to: '+14155559999', message: 'x' },
    });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatch(/Invalid username or password/);
  });

  it.each(['/api/call', '/api/message'])('%s refuses no credentials with 401', async (path) => {
    expect((await s().post(path, { json: { to: '+14155559999', message: 'x' } })).status).toBe(401);
  });

  it('accepts a Flex token as well', async () => {
    const token = await s().flexToken('alice');
    const res = await s().post('/api/message', { token, json: { to: '+14155559999', message: 'from flex' } });
    expect(res.status).toBe(200);
  });
});

describe('POST /api/message', () => {
  async function delivered(sid: string): Promise<string> {
    return eventually(async () => {
      const m = await s().t.client.messages(sid).fetch();
      return ['delivered', 'failed', 'undelivered'].includes(m.status) ? m.status : undefined;
    });
  }

  it('sends an SMS that reaches delivered', async () => {
    const res = await s().post<{ message_sid: string; status: string; type: string }>('/api/message', {
      headers: basic(),
      json: { to: '+14155559999', message: 'Hello!' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, status: 'queued', type: 'sms', media_count: 0 });
    expect(await delivered(res.body.message_sid)).toBe('delivered');
    const m = await s().t.client.messages(res.body.message_sid).fetch();
    expect(m.from).toBe('+14155550111');
  });

  it('sends an MMS with several media URLs', async () => {
    const res = await s().post<{ message_sid: string; media_count: number }>('/api/message', {
      headers: basic(),
      json: { to: '+14155559999', message: 'pics', media_url: ['https://example.com/a.jpg', 'https://example.com/b.png'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.message_sid).toMatch(/^MM/);
    expect(res.body.media_count).toBe(2);
    expect(await delivered(res.body.message_sid)).toBe('delivered');
    expect((await s().t.client.messages(res.body.message_sid).fetch()).numMedia).toBe('2');
  });

  it('sends media without text', async () => {
    const res = await s().post('/api/message', {
      headers: basic(),
      json: { to: '+14155559999', media_url: 'https://example.com/a.jpg' },
    });
    expect(res.status).toBe(200);
  });

  it('sends WhatsApp from the whatsapp: sender', async () => {
    const res = await s().post<{ message_sid: string; to: string }>('/api/message', {
      headers: basic(),
      json: { to: '+14155559999', message: 'hola', type: 'whatsapp', media_url: 'https://example.com/a.jpg' },
    });
    expect(res.status).toBe(200);
    expect(res.body.to).toBe('whatsapp:+14155559999');
    const m = await s().t.client.messages(res.body.message_sid).fetch();
    expect(m.from).toBe('whatsapp:+14155550111');
    expect(await delivered(res.body.message_sid)).toBe('delivered');
  });

  it.each([
    [{ to: '+14155559999' }, 'message'],
    [{ message: 'x' }, 'to'],
    [{ to: 'nope', message: 'x' }, 'to'],
    [{ to: '+14155559999', message: 'x', type: 'fax' }, 'type'],
    [{ to: '+14155559999', message: 'x', media_url: 'http://example.com/a.jpg' }, 'media_url'],
    [{ to: '+14155559999', message: 'x', media_url: 'javascript:alert(1)' }, 'media_url'],
    [{ to: '+14155559999', message: 'x'.repeat(1601) }, 'message'],
  ])('answers 400 {error, field} for %j and sends nothing', async (json, field) => {
    const before = (await s().t.client.messages.list()).length;
    const res = await s().post<{ error: string; field: string }>('/api/message', { headers: basic(), json });
    expect(res.status).toBe(400);
    expect(res.body.field.startsWith(field)).toBe(true);
    expect((await s().t.client.messages.list()).length).toBe(before);
  });
});

describe('POST /api/call', () => {
  it('calls a phone and bridges it to the softphone identity', async () => {
    const res = await s().post<{ call_sid: string; status: string; from: string; whatsapp: boolean }>('/api/call', {
      headers: basic(),
      json: { to: '+14155552671', whatsapp: false },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, status: 'queued', from: '+14155550111', whatsapp: false });
    const view = await eventually(async () => {
      const v = await s().t.control<{ status: string; verbs: { verb: string; client?: string }[] }>(
        'GET',
        `/_emulator/calls/${res.body.call_sid}`,
      );
      return v.body.verbs?.some((x) => x.verb === 'Dial') ? v.body : undefined;
    }, 10000);
    expect(view.verbs.find((x) => x.verb === 'Dial')).toMatchObject({ client: 'softphone' });
  });

  it('rings the Flex user themself when a Flex user calls', async () => {
    const token = await s().flexToken('bob');
    const res = await s().post<{ call_sid: string }>('/api/call', { token, json: { to: '+14155552673' } });
    expect(res.status).toBe(200);
    const view = await eventually(async () => {
      const v = await s().t.control<{ verbs: { verb: string; client?: string }[] }>(
        'GET',
        `/_emulator/calls/${res.body.call_sid}`,
      );
      return v.body.verbs?.some((x) => x.verb === 'Dial') ? v.body : undefined;
    }, 10000);
    expect(view.verbs.find((x) => x.verb === 'Dial')).toMatchObject({ client: 'bob' });
  });

  it('calls a WhatsApp user from the WhatsApp sender', async () => {
    const res = await s().post<{ to: string; from: string; whatsapp: boolean }>('/api/call', {
      headers: basic(),
      json: { to: '+14155552674', whatsapp: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ to: 'whatsapp:+14155552674', from: 'whatsapp:+14155550111', whatsapp: true });
  });

  it.each([
    [{}, 'to'],
    [{ to: '12' }, 'to'],
    [{ to: '+14155552671', whatsapp: 'maybe' }, 'whatsapp'],
  ])('answers 400 for %j and places no call', async (json, field) => {
    const before = (await s().t.client.calls.list()).filter((c) => !c.parentCallSid).length;
    const res = await s().post<{ field: string }>('/api/call', { headers: basic(), json });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe(field);
    expect((await s().t.client.calls.list()).filter((c) => !c.parentCallSid).length).toBe(before);
  });
});
