import { eventually, useEmulator } from '../support/emulator';
import { callView, useFakeService, twiml, untilDone, untilView } from '../support/fake-service';

const t = useEmulator();
const fake = useFakeService(t);

const FROM = '+14155550100';

describe('emulated Calls: lifecycle through the twilio SDK', () => {
  it('answers, runs the TwiML and completes, with every status callback in order', async () => {
    const { client } = t();
    const url = fake().on('/voice/hello', twiml('<Say>Hello there from the emulator</Say><Pause length="3"/>'));
    const call = await client.calls.create({
      to: '+14155559001',
      from: FROM,
      url,
      statusCallback: `${fake().url}/status/hello`,
      statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
    });
    expect(call.sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(call.status).toBe('queued');
    expect(call.direction).toBe('outbound-api');
    expect(call.startTime).toBeNull();
    expect(call.price).toBeNull();

    const callbacks = await fake().waitFor('/status/hello', 4);
    expect(callbacks.map((h) => h.params.CallStatus)).toEqual(['initiated', 'ringing', 'in-progress', 'completed']);
    expect(callbacks.map((h) => h.params.SequenceNumber)).toEqual(['0', '1', '2', '3']);
    for (const h of callbacks) {
      expect(h.params).toMatchObject({
        CallSid: call.sid,
        AccountSid: t().emu.accountSid,
        From: FROM,
        To: '+14155559001',
        Caller: FROM,
        Called: '+14155559001',
        Direction: 'outbound-api',
        ApiVersion: '2010-04-01',
        CallbackSource: 'call-progress-events',
      });
      expect(h.params.Timestamp).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    }
    // 5 words of Say (2 s at 2.5 words/s) + a 3 s Pause.
    expect(callbacks[3].params).toMatchObject({ CallDuration: '5', Duration: '1' });

    const [fetch] = fake().hitsTo('/voice/hello');
    expect(fetch.method).toBe('POST');
    expect(fetch.params).toMatchObject({
      CallSid: call.sid,
      CallStatus: 'in-progress',
      Direction: 'outbound-api',
      From: FROM,
      To: '+14155559001',
    });

    const done = await client.calls(call.sid).fetch();
    expect(done.status).toBe('completed');
    expect(done.duration).toBe('5');
    expect(done.startTime).toBeInstanceOf(Date);
    expect(done.endTime.getTime() - done.startTime.getTime()).toBe(5000);
    expect(done.price).toBe('-0.01400'); // one started minute to a phone, outbound (pricing.ts)
    expect(done.priceUnit).toBe('USD');
    expect(done.phoneNumberSid).toMatch(/^PN/);

    const view = await callView(t(), call.sid);
    expect(view.verbs).toEqual([
      expect.objectContaining({ verb: 'Say', text: 'Hello there from the emulator', seconds: 2 }),
      expect.objectContaining({ verb: 'Pause', length: 3, seconds: 3 }),
    ]);
    expect(view.errors).toEqual([]);
  });

  it('sends only the completed callback by default, via GET when asked', async () => {
    const { client } = t();
    const url = fake().on('/voice/short', twiml('<Say>Hi</Say>'));
    const call = await client.calls.create({
      to: '+14155559002',
      from: FROM,
      url,
      statusCallback: `${fake().url}/status/short`,
      statusCallbackMethod: 'GET',
    });
    await untilDone(t(), call.sid);
    const [hit] = await fake().waitFor('/status/short');
    await new Promise((r) => setTimeout(r, 100));
    expect(fake().hitsTo('/status/short')).toHaveLength(1);
    expect(hit.method).toBe('GET');
    expect(hit.params).toMatchObject({ CallStatus: 'completed', CallDuration: '1' });
  });

  it.each([
    ['+14155550200', 'busy'],
    ['+14155550201', 'no-answer'],
    ['+14155550202', 'failed'],
  ])('dialling %s ends %s without fetching TwiML', async (to, status) => {
    const { client } = t();
    const path = `/voice/never-${status}`;
    const url = fake().on(path, twiml('<Say>unreachable</Say>'));
    const call = await client.calls.create({
      to,
      from: FROM,
      url,
      timeout: 15,
      statusCallback: `${fake().url}/status/${status}`,
    });
    const [hit] = await fake().waitFor(`/status/${status}`);
    expect(hit.params).toMatchObject({ CallStatus: status, CallDuration: '0' });
    const done = await client.calls(call.sid).fetch();
    expect(done.status).toBe(status);
    expect(done.duration).toBe('0');
    expect(done.price).toBeNull();
    if (status === 'no-answer') expect(done.endTime.getTime() - done.startTime.getTime()).toBe(15_000);
    expect(fake().hitsTo(path)).toHaveLength(0);
  });

  it('runs inline Twiml', async () => {
    const { client } = t();
    const call = await client.calls.create({
      to: '+14155559003',
      from: FROM,
      twiml: '<Response><Say>Inline words</Say><Hangup/></Response>',
    });
    const view = await untilDone(t(), call.sid);
    expect(view.status).toBe('completed');
    expect(view.verbs.map((v) => v.verb)).toEqual(['Say', 'Hangup']);
    expect(view.verbs[0].text).toBe('Inline words');
  });

  it('refuses bad requests with Twilio codes', async () => {
    const { client } = t();
    await expect(
      client.calls.create({ to: '+14155559004', from: '+14155550000', url: 'https://example.com/x' }),
    ).rejects.toMatchObject({ status: 400, code: 21210 });
    await expect(client.calls.create({ to: 'nonsense', from: FROM, url: 'https://example.com/x' })).rejects.toMatchObject({
      status: 400,
      code: 21211,
    });
    await expect(client.calls.create({ to: '+14155559004', from: FROM })).rejects.toMatchObject({ status: 400, code: 21205 });
    await expect(client.calls('CA00000000000000000000000000000000').fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it('accepts client: and whatsapp: destinations', async () => {
    const { client } = t();
    const c1 = await client.calls.create({
      to: 'client:bob',
      from: FROM,
      twiml: '<Response><Say>Hi Bob</Say></Response>',
      timeout: 1,
    });
    const c2 = await client.calls.create({
      to: 'whatsapp:+14155559005',
      from: `whatsapp:${FROM}`,
      twiml: '<Response><Say>Hi</Say></Response>',
    });
    expect(c1.to).toBe('client:bob');
    // Nobody answers the client within 1 s: no-answer.
    expect((await untilDone(t(), c1.sid)).status).toBe('no-answer');
    expect((await untilDone(t(), c2.sid)).status).toBe('completed');
  });
});

describe('emulated Calls: TwiML errors as Twilio reports them', () => {
  it('records 11200 when the Url cannot be reached, and completes the call', async () => {
    const call = await t().client.calls.create({
      to: '+14155559010',
      from: FROM,
      url: 'http://127.0.0.1:1/nothing-listens-here',
    });
    const view = await untilDone(t(), call.sid);
    expect(view.status).toBe('completed');
    expect(view.errors).toEqual([expect.objectContaining({ code: 11200, url: 'http://127.0.0.1:1/nothing-listens-here' })]);
    expect(view.verbs).toEqual([expect.objectContaining({ verb: 'Error', code: 11200 })]);
  });

  it('records 11200 for an HTTP error answer, then tries the FallbackUrl', async () => {
    const { client } = t();
    const url = fake().on('/voice/broken', { status: 500, body: 'oops' });
    const fallbackUrl = fake().on('/voice/fallback', twiml('<Say>Fallback speaking</Say>'));
    const call = await client.calls.create({ to: '+14155559011', from: FROM, url, fallbackUrl });
    const view = await untilDone(t(), call.sid);
    expect(view.errors.map((e) => e.code)).toEqual([11200]);
    expect(view.verbs.map((v) => v.text)).toEqual(['Fallback speaking']);
    const [hit] = fake().hitsTo('/voice/fallback');
    expect(hit.params).toMatchObject({ ErrorCode: '11200', ErrorUrl: url });
  });

  it('records 12100 for a document that is not valid TwiML', async () => {
    const { client } = t();
    const bad = fake().on('/voice/bad-xml', '<Response><Say>unclosed</Response>');
    const notResponse = fake().on('/voice/not-response', '<Foo/>');
    const a = await client.calls.create({ to: '+14155559012', from: FROM, url: bad });
    const b = await client.calls.create({ to: '+14155559013', from: FROM, url: notResponse });
    expect((await untilDone(t(), a.sid)).errors.map((e) => e.code)).toEqual([12100]);
    expect((await untilDone(t(), b.sid)).errors.map((e) => e.code)).toEqual([12100]);
    expect((await t().client.calls(a.sid).fetch()).status).toBe('completed');
  });

  it('records 12200 for an unknown verb, and 12300 for a non-TwiML content type', async () => {
    const { client } = t();
    const unknown = fake().on('/voice/unknown-verb', twiml('<Say>first</Say><Dance/>'));
    const jsonDoc = fake().on('/voice/json', { contentType: 'application/json', body: '{"say":"hi"}' });
    const a = await client.calls.create({ to: '+14155559014', from: FROM, url: unknown });
    const b = await client.calls.create({ to: '+14155559015', from: FROM, url: jsonDoc });
    const va = await untilDone(t(), a.sid);
    expect(va.errors).toEqual([expect.objectContaining({ code: 12200, message: expect.stringContaining('<Dance>') })]);
    expect(va.verbs.map((v) => v.verb)).toEqual(['Error']);
    expect((await untilDone(t(), b.sid)).errors.map((e) => e.code)).toEqual([12300]);
  });

  it('speaks a text/plain answer', async () => {
    const url = fake().on('/voice/plain', { contentType: 'text/plain', body: 'Plain words here' });
    const call = await t().client.calls.create({ to: '+14155559016', from: FROM, url });
    const view = await untilDone(t(), call.sid);
    expect(view.verbs).toEqual([expect.objectContaining({ verb: 'Say', text: 'Plain words here' })]);
  });
});

describe('emulated Calls: updates and deletes', () => {
  it('hangs up a live call with Status=completed (canceled leaves it alone)', async () => {
    const { client } = t();
    const url = fake().on('/voice/hold', twiml('<Play loop="0">https://example.com/hold.mp3</Play>'));
    const call = await client.calls.create({ to: '+14155559020', from: FROM, url, statusCallback: `${fake().url}/status/hold` });
    await untilView(t(), call.sid, (v) => v.verbs.some((x) => x.verb === 'Play'));
    const ignored = await client.calls(call.sid).update({ status: 'canceled' });
    expect(ignored.status).toBe('in-progress');
    const hung = await client.calls(call.sid).update({ status: 'completed' });
    expect(hung.status).toBe('completed');
    expect(hung.endTime).toBeInstanceOf(Date);
    const [hit] = await fake().waitFor('/status/hold');
    expect(hit.params.CallStatus).toBe('completed');
  });

  it('cancels a call before it is answered', async () => {
    const { client } = t();
    const url = fake().on('/voice/cancel-me', twiml('<Say>never</Say>'));
    const call = await client.calls.create({
      to: 'client:nobody',
      from: FROM,
      url,
      statusCallback: `${fake().url}/status/cancel`,
    });
    const canceled = await client.calls(call.sid).update({ status: 'canceled' });
    expect(canceled.status).toBe('canceled');
    const [hit] = await fake().waitFor('/status/cancel');
    expect(hit.params.CallStatus).toBe('canceled');
    expect(fake().hitsTo('/voice/cancel-me')).toHaveLength(0);
    expect((await client.calls(call.sid).fetch()).price).toBeNull();
  });

  it('redirects a live call to new TwiML', async () => {
    const { client } = t();
    const url = fake().on('/voice/hold2', twiml('<Play loop="0">https://example.com/hold.mp3</Play>'));
    const next = fake().on('/voice/after-redirect', twiml('<Say>You were redirected</Say>'));
    const call = await client.calls.create({ to: '+14155559021', from: FROM, url });
    await untilView(t(), call.sid, (v) => v.verbs.some((x) => x.verb === 'Play'));
    await client.calls(call.sid).update({ url: next, method: 'POST' });
    const view = await untilDone(t(), call.sid);
    expect(view.verbs.map((v) => v.verb)).toEqual(['Play', 'Redirect', 'Say']);
    expect(view.verbs[2].text).toBe('You were redirected');
    await expect(client.calls(call.sid).update({ url: next })).rejects.toMatchObject({ status: 400, code: 21220 });
    // Twiml on a live call works too.
    const other = await client.calls.create({ to: '+14155559022', from: FROM, url });
    await untilView(t(), other.sid, (v) => v.verbs.some((x) => x.verb === 'Play'));
    await client.calls(other.sid).update({ twiml: '<Response><Say>Inline redirect</Say></Response>' });
    expect((await untilDone(t(), other.sid)).verbs.map((v) => v.text ?? v.verb)).toEqual(['Play', 'Redirect', 'Inline redirect']);
  });

  it('deletes only finished calls', async () => {
    const { client } = t();
    const url = fake().on('/voice/hold3', twiml('<Play loop="0">https://example.com/hold.mp3</Play>'));
    const call = await client.calls.create({ to: '+14155559023', from: FROM, url });
    await expect(client.calls(call.sid).remove()).rejects.toMatchObject({ status: 400, code: 20009 });
    await client.calls(call.sid).update({ status: 'completed' });
    await expect(client.calls(call.sid).remove()).resolves.toBe(true);
    await expect(client.calls(call.sid).fetch()).rejects.toMatchObject({ status: 404 });
  });

  it('ends an answered call at its TimeLimit', async () => {
    const url = fake().on('/voice/long', twiml('<Pause length="30"/><Say>never reached</Say>'));
    const call = await t().client.calls.create({ to: '+14155559024', from: FROM, url, timeLimit: 10 });
    const view = await untilDone(t(), call.sid);
    expect(view.duration).toBe(10);
    expect(view.verbs.map((v) => v.verb)).toEqual(['Pause']);
  });
});

describe('emulated Calls: list', () => {
  it('starts with a sample history of the last days', async () => {
    const calls = await t().client.calls.list({ pageSize: 50, status: undefined });
    const samples = calls.filter((c) => c.startTime && c.startTime.getTime() < Date.now() - 3_600_000);
    expect(samples.length).toBeGreaterThanOrEqual(5);
    expect(new Set(samples.map((c) => c.status))).toEqual(new Set(['completed', 'busy', 'no-answer']));
    expect(samples.some((c) => c.direction === 'inbound' && c.to === '+14155550100')).toBe(true);
    expect(samples.some((c) => c.direction === 'outbound-dial' && c.parentCallSid)).toBe(true);
    for (const c of samples.filter((s) => s.status === 'completed')) {
      expect(c.endTime.getTime() - c.startTime.getTime()).toBe(Number(c.duration) * 1000);
      expect(c.price).toMatch(/^-0\.\d{5}$/);
    }
  });

  it('filters by To, From, Status, StartTime and pages newest first', async () => {
    const { client } = t();
    const to = '+14155557001';
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      made.push((await client.calls.create({ to, from: FROM, twiml: `<Response><Say>n${i}</Say></Response>` })).sid);
    }
    const busy = await client.calls.create({ to: '+14155550200', from: '+14155550111', twiml: '<Response/>' });
    await Promise.all([...made, busy.sid].map((sid) => untilDone(t(), sid)));

    const page = await client.calls.page({ to, pageSize: 2 });
    expect(page.instances.map((c) => c.sid)).toEqual([made[2], made[1]]);
    const next = await page.nextPage();
    expect(next?.instances.map((c) => c.sid)).toEqual([made[0]]);
    expect(await client.calls.list({ to })).toHaveLength(3);
    expect((await client.calls.list({ from: '+14155550111', status: 'busy' })).map((c) => c.sid)).toContain(busy.sid);
    expect((await client.calls.list({ to, status: 'busy' })).length).toBe(0);
    const today = new Date();
    const recent = await client.calls.list({ to, startTimeAfter: new Date(today.getTime() - 60_000) });
    expect(recent).toHaveLength(3);
    expect(await client.calls.list({ to, startTimeBefore: new Date(today.getTime() - 86_400_000) })).toHaveLength(0);
    const onDay = await eventually(async () => {
      const r = await client.calls.list({ to, startTime: today });
      return r.length ? r : undefined;
    });
    expect(onDay).toHaveLength(3);
  });

  it('lists calls to the control API a page at a time, newest first', async () => {
    const { client } = t();
    const newest = await client.calls.page({ pageSize: 3 });
    type Listing = { calls: { call_sid: string }[]; more: boolean };
    const first = await t().control<Listing>('GET', '/_emulator/calls?PageSize=2');
    expect(first.body.calls.map((c) => c.call_sid)).toEqual(newest.instances.slice(0, 2).map((c) => c.sid));
    expect(first.body.more).toBe(true);
    const second = await t().control<Listing>('GET', '/_emulator/calls?PageSize=2&Page=1');
    expect(second.body.calls[0].call_sid).toBe(newest.instances[2].sid);
    const all = await t().control<Listing>('GET', '/_emulator/calls?PageSize=1000');
    expect(all.body.more).toBe(false);
    expect(all.body.calls).toHaveLength((await client.calls.list()).length);
  });
});
