import { useEmulator } from '../support/emulator';
import { callView, useFakeService, twiml, untilDone, untilView } from '../support/fake-service';

const t = useEmulator();
const fake = useFakeService(t);

const FROM = '+14155550100';

async function outbound(path: string, doc: string, to = '+14155558001'): Promise<string> {
  const url = fake().on(path, twiml(doc));
  return (await t().client.calls.create({ to, from: FROM, url })).sid;
}

describe('TwiML engine: Gather', () => {
  it('takes digits through the control API and posts them to the action', async () => {
    fake().on('/gather/done', twiml('<Say>Thanks</Say>'));
    const sid = await outbound(
      '/gather',
      '<Gather action="/gather/done" numDigits="2" timeout="10"><Say>Press two digits</Say></Gather><Say>No input</Say>',
    );
    await untilView(t(), sid, (v) => v.waiting?.kind === 'gather');
    const r = await t().control('POST', `/_emulator/calls/${sid}/digits`, { digits: '427' });
    expect(r.status).toBe(200);
    const [hit] = await fake().waitFor('/gather/done');
    expect(hit.params).toMatchObject({ CallSid: sid, Digits: '42', CallStatus: 'in-progress' });
    const view = await untilDone(t(), sid);
    expect(view.verbs.map((v) => v.verb)).toEqual(['Gather', 'Say', 'Say']);
    expect(view.verbs[0]).toMatchObject({ outcome: 'input', digits: '42' });
    expect(view.verbs[2].text).toBe('Thanks');
  });

  it('strips the finishOnKey and, without action, posts back to the document URL', async () => {
    let round = 0;
    const url = fake().on('/gather/self', () => {
      round += 1;
      return round === 1 ? twiml('<Gather timeout="10"/>') : twiml('<Say>Second round</Say>');
    });
    const sid = (await t().client.calls.create({ to: '+14155558002', from: FROM, url })).sid;
    await untilView(t(), sid, (v) => v.waiting?.kind === 'gather');
    await t().control('POST', `/_emulator/calls/${sid}/digits`, { digits: '12#9' });
    await untilDone(t(), sid);
    const hits = fake().hitsTo('/gather/self');
    expect(hits).toHaveLength(2);
    expect(hits[1].params).toMatchObject({ Digits: '12', FinishedOnKey: '#' });
  });

  it('falls through to the next verb when nothing is pressed in time', async () => {
    const sid = await outbound(
      '/gather/timeout',
      '<Gather action="/never" timeout="1"><Say>Press something</Say></Gather><Say>Nothing pressed</Say>',
    );
    const view = await untilDone(t(), sid);
    expect(view.verbs.map((v) => v.text ?? v.verb)).toEqual(['Gather', 'Press something', 'Nothing pressed']);
    expect(view.verbs[0]).toMatchObject({ outcome: 'timeout' });
    expect(fake().hitsTo('/never')).toHaveLength(0);
    // 1 s prompt (2 words) + 1 s timeout + 1 s (2 words).
    expect(view.duration).toBe(3);
  });

  it('posts to the action without Digits when actionOnEmptyResult is set', async () => {
    fake().on('/gather/empty', twiml('<Say>Empty handled</Say>'));
    const sid = await outbound('/gather/empty-doc', '<Gather action="/gather/empty" actionOnEmptyResult="true" timeout="1"/>');
    await untilDone(t(), sid);
    const [hit] = fake().hitsTo('/gather/empty');
    expect(hit.params.Digits).toBeUndefined();
  });

  it('answers 409 when the call waits for no input, 404 for no call', async () => {
    const sid = await outbound('/gather/none', '<Play loop="0">https://example.com/music.mp3</Play>');
    await untilView(t(), sid, (v) => v.status === 'in-progress');
    expect((await t().control('POST', `/_emulator/calls/${sid}/digits`, { digits: '1' })).status).toBe(409);
    expect((await t().control('POST', `/_emulator/calls/CA0000/digits`, { digits: '1' })).status).toBe(404);
    expect((await t().control('POST', `/_emulator/calls/${sid}/answer`, {})).status).toBe(409);
    await t().client.calls(sid).update({ status: 'completed' });
  });
});

describe('TwiML engine: Dial', () => {
  it('connects a Client answered through the control API, with a child call and the action', async () => {
    fake().on('/dial/after', twiml('<Say>Goodbye</Say>'));
    const sid = await outbound(
      '/dial/alice',
      '<Say>Connecting</Say><Dial action="/dial/after" timeout="20"><Client statusCallback="' +
        `${fake().url}/dial/leg-status" statusCallbackEvent="initiated ringing answered completed">alice</Client></Dial>`,
    );
    const ringing = await untilView(t(), sid, (v) => v.waiting?.kind === 'client');
    expect(ringing.children).toEqual([expect.objectContaining({ to: 'client:alice', status: 'ringing' })]);
    const r = await t().control<{ leg_sid: string }>('POST', `/_emulator/calls/${sid}/answer`, { client: 'alice', duration: 42 });
    expect(r.status).toBe(200);
    const [hit] = await fake().waitFor('/dial/after');
    expect(hit.params).toMatchObject({
      DialCallStatus: 'completed',
      DialCallDuration: '42',
      DialCallSid: r.body.leg_sid,
      DialBridged: 'true',
    });
    const view = await untilDone(t(), sid);
    expect(view.verbs.map((v) => v.verb)).toEqual(['Say', 'Dial', 'Say']);
    expect(view.verbs[1]).toMatchObject({ verb: 'Dial', client: 'alice', outcome: 'completed', duration: 42 });

    const leg = await t().client.calls(r.body.leg_sid).fetch();
    expect(leg).toMatchObject({
      parentCallSid: sid,
      direction: 'outbound-dial',
      to: 'client:alice',
      from: FROM,
      status: 'completed',
      duration: '42',
    });
    expect(leg.price).toBe('-0.00400');
    const legStatus = await fake().waitFor('/dial/leg-status', 4);
    expect(legStatus.map((h) => h.params.CallStatus)).toEqual(['initiated', 'ringing', 'in-progress', 'completed']);
    expect(legStatus[0].params.ParentCallSid).toBe(sid);
    const children = await t().client.calls.list({ parentCallSid: sid });
    expect(children.map((c) => c.sid)).toEqual([r.body.leg_sid]);
    const parent = await t().client.calls(sid).fetch();
    expect(Number(parent.duration)).toBeGreaterThanOrEqual(1 + 42 + 1);
  });

  it('lets the control API answer a Client as soon as the Dial shows in the view', async () => {
    const sid = await outbound('/dial/early', '<Dial timeout="20"><Client>early</Client></Dial>');
    await untilView(t(), sid, (v) => v.verbs.some((x) => x.verb === 'Dial'));
    expect((await t().control('POST', `/_emulator/calls/${sid}/answer`, {})).status).toBe(200);
    const view = await untilDone(t(), sid);
    expect(view.verbs[0]).toMatchObject({ client: 'early', outcome: 'completed' });
  });

  it('reports busy when the Client declines', async () => {
    fake().on('/dial/declined', twiml('<Say>They are busy</Say>'));
    const sid = await outbound('/dial/decline', '<Dial action="/dial/declined" timeout="20"><Client>bob</Client></Dial>');
    await untilView(t(), sid, (v) => v.waiting?.kind === 'client');
    expect((await t().control('POST', `/_emulator/calls/${sid}/decline`, {})).status).toBe(200);
    const [hit] = await fake().waitFor('/dial/declined');
    expect(hit.params).toMatchObject({ DialCallStatus: 'busy', DialCallDuration: '0', DialBridged: 'false' });
    const view = await untilDone(t(), sid);
    expect(view.verbs[0]).toMatchObject({ verb: 'Dial', client: 'bob', outcome: 'busy' });
    expect(view.children[0].status).toBe('busy');
  });

  it('rings out to no-answer after its timeout and goes on with the next verb', async () => {
    const sid = await outbound('/dial/ringout', '<Dial timeout="2"><Client>carol</Client></Dial><Say>Nobody answered</Say>');
    const view = await untilDone(t(), sid);
    expect(view.verbs.map((v) => v.verb)).toEqual(['Dial', 'Say']);
    expect(view.verbs[0]).toMatchObject({ client: 'carol', outcome: 'no-answer' });
    expect(view.children[0].status).toBe('no-answer');
    // 2 s ringing + 1 s of speech.
    expect(view.duration).toBe(3);
  });

  it('dials Numbers by the deterministic rules, bare or nested, with recording', async () => {
    fake().on('/dial/num-after', twiml(''));
    const ok = await outbound('/dial/num', `<Dial action="/dial/num-after" record="record-from-answer">+14155558100</Dial>`);
    const [hit] = await fake().waitFor('/dial/num-after');
    expect(hit.params).toMatchObject({ DialCallStatus: 'completed', DialCallDuration: '5', RecordingDuration: '5' });
    expect(hit.params.RecordingSid).toMatch(/^RE/);
    const okView = await untilDone(t(), ok);
    expect(okView.verbs[0]).toMatchObject({ number: '+14155558100', outcome: 'completed' });
    expect(okView.recordings).toEqual([expect.objectContaining({ source: 'DialVerb', duration: 5 })]);

    const busy = await outbound('/dial/num-busy', '<Dial><Number>+14155550200</Number></Dial>');
    expect((await untilDone(t(), busy)).verbs[0]).toMatchObject({ outcome: 'busy' });
    const none = await outbound('/dial/num-none', '<Dial timeout="7"><Number>+14155550201</Number></Dial>');
    const noneView = await untilDone(t(), none);
    expect(noneView.verbs[0]).toMatchObject({ outcome: 'no-answer', seconds: 7 });
    const bad = await outbound('/dial/num-bad', '<Dial><Number>12</Number></Dial>');
    const badView = await untilDone(t(), bad);
    expect(badView.verbs[0]).toMatchObject({ outcome: 'failed' });
    expect(badView.errors.map((e) => e.code)).toEqual([13223]);
  });

  it('lets a dialled handset talk as long as the control API says, and refuses a bad setting', async () => {
    const set = await t().control('POST', '/_emulator/talk-times', { number: '+14155558161', seconds: 61 });
    expect(set).toEqual({ status: 200, body: { number: '+14155558161', seconds: 61 } });
    fake().on('/dial/talk-after', twiml(''));
    const sid = await outbound('/dial/talk', `<Dial action="/dial/talk-after"><Number>+14155558161</Number></Dial>`);
    const [hit] = await fake().waitFor('/dial/talk-after');
    expect(hit.params).toMatchObject({ DialCallStatus: 'completed', DialCallDuration: '61' });
    expect((await untilDone(t(), sid)).children[0]).toMatchObject({ status: 'completed', duration: 61 });

    expect((await t().control('POST', '/_emulator/talk-times', { number: '+14155558161', seconds: null })).status).toBe(200);
    expect((await t().control('POST', '/_emulator/talk-times', { number: '12', seconds: 5 })).status).toBe(400);
    expect((await t().control('POST', '/_emulator/talk-times', { number: '+14155558161', seconds: 0 })).status).toBe(400);
  });

  it('cancels ringing legs when the caller hangs up', async () => {
    const sid = await outbound('/dial/hangup', '<Dial timeout="60"><Client>dave</Client></Dial>');
    await untilView(t(), sid, (v) => v.waiting?.kind === 'client');
    await t().client.calls(sid).update({ status: 'completed' });
    const view = await untilView(t(), sid, (v) => v.children[0]?.status === 'canceled');
    expect(view.status).toBe('completed');
  });
});

describe('TwiML engine: Record, Redirect, Hangup, Reject', () => {
  it('records, posts the action and the recording status callback', async () => {
    fake().on('/record/done', twiml('<Say>Got it</Say>'));
    const sid = await outbound(
      '/record',
      `<Say>Leave a message</Say><Record action="/record/done" maxLength="30" recordingStatusCallback="${fake().url}/record/status"/>`,
    );
    const [action] = await fake().waitFor('/record/done');
    expect(action.params).toMatchObject({ CallSid: sid, RecordingDuration: '4', Digits: '' });
    expect(action.params.RecordingSid).toMatch(/^RE[0-9a-f]{32}$/);
    const [status] = await fake().waitFor('/record/status');
    expect(status.params).toMatchObject({
      AccountSid: t().emu.accountSid,
      CallSid: sid,
      RecordingSid: action.params.RecordingSid,
      RecordingUrl: action.params.RecordingUrl,
      RecordingStatus: 'completed',
      RecordingDuration: '4',
      RecordingChannels: '1',
      RecordingSource: 'RecordVerb',
    });
    const media = await fetch(action.params.RecordingUrl);
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('audio/x-wav');
    expect(
      Buffer.from(await media.arrayBuffer())
        .subarray(0, 4)
        .toString('ascii'),
    ).toBe('RIFF');
    const view = await untilDone(t(), sid);
    // 3 words (2 s) + 4 s speaking + 5 s of silence before the recording stops + 1 s.
    expect(view.duration).toBe(12);
    expect(view.verbs[1]).toMatchObject({ verb: 'Record', outcome: 'completed', recording_sid: action.params.RecordingSid });
  });

  it('ends a recording with a finishOnKey key', async () => {
    fake().on('/record/key-done', twiml(''));
    const sid = await outbound('/record/key', '<Record action="/record/key-done" finishOnKey="#" maxLength="60"/>');
    await untilView(t(), sid, (v) => v.waiting?.kind === 'record');
    await t().control('POST', `/_emulator/calls/${sid}/digits`, { digits: '#' });
    const [hit] = await fake().waitFor('/record/key-done');
    expect(hit.params.Digits).toBe('#');
  });

  it('posts Digits=hangup when the caller hangs up while recording', async () => {
    fake().on('/record/hung', twiml('<Say>ignored</Say>'));
    const sid = await outbound('/record/hangup', '<Record action="/record/hung" maxLength="60" timeout="60"/>');
    await untilView(t(), sid, (v) => v.waiting?.kind === 'record');
    await t().client.calls(sid).update({ status: 'completed' });
    const [hit] = await fake().waitFor('/record/hung');
    expect(hit.params).toMatchObject({ Digits: 'hangup', CallStatus: 'completed' });
    expect((await callView(t(), sid)).recordings).toHaveLength(1);
  });

  it('follows Redirect (relative URLs resolve against the document) and stops at Hangup', async () => {
    fake().on('/redirect/next', twiml('<Say>After redirect</Say><Hangup/><Say>never</Say>'));
    const sid = await outbound('/redirect/start', '<Redirect method="GET">next</Redirect><Say>not reached</Say>');
    const view = await untilDone(t(), sid);
    expect(view.verbs.map((v) => v.text ?? v.verb)).toEqual(['Redirect', 'After redirect', 'Hangup']);
    const [hit] = fake().hitsTo('/redirect/next');
    expect(hit.method).toBe('GET');
    expect(hit.params.CallSid).toBe(sid);
  });

  it('records 11100 for a relative URL in inline TwiML', async () => {
    const call = await t().client.calls.create({
      to: '+14155558003',
      from: FROM,
      twiml: '<Response><Redirect>/relative</Redirect></Response>',
    });
    expect((await untilDone(t(), call.sid)).errors.map((e) => e.code)).toEqual([11100]);
  });

  it('notes verbs it does not emulate and carries on', async () => {
    const sid = await outbound('/skipped', '<Start><Stream url="wss://example.com"/></Start><Say>Still here</Say>');
    const view = await untilDone(t(), sid);
    expect(view.verbs.map((v) => v.verb)).toEqual(['Start', 'Say']);
    expect(view.notes.join(' ')).toContain('<Start> is not emulated');
  });
});

describe('inbound calls through the control API', () => {
  it("runs the number's VoiceUrl with Twilio's inbound parameters", async () => {
    const { client } = t();
    const [number] = await client.incomingPhoneNumbers.list({ phoneNumber: '+14155550111' });
    const voiceUrl = fake().on('/inbound/voice', twiml('<Say>Welcome to the softphone line</Say>'));
    await client.incomingPhoneNumbers(number.sid).update({ voiceUrl, statusCallback: `${fake().url}/inbound/status` });

    const r = await t().control<{ call_sid: string }>('POST', '/_emulator/inbound-call', {
      From: '+14155551234',
      To: '+14155550111',
    });
    expect(r.status).toBe(200);
    const sid = r.body.call_sid;
    expect(sid).toMatch(/^CA[0-9a-f]{32}$/);
    const [hit] = await fake().waitFor('/inbound/voice');
    expect(hit.params).toMatchObject({
      CallSid: sid,
      CallStatus: 'ringing',
      Direction: 'inbound',
      From: '+14155551234',
      To: '+14155550111',
      Caller: '+14155551234',
      Called: '+14155550111',
      ToCity: 'SAN FRANCISCO',
      ToState: 'CA',
      ToCountry: 'US',
      FromCountry: 'US',
    });
    const view = await untilDone(t(), sid);
    expect(view.verbs).toEqual([expect.objectContaining({ verb: 'Say', text: 'Welcome to the softphone line' })]);
    const call = await client.calls(sid).fetch();
    expect(call).toMatchObject({ direction: 'inbound', status: 'completed', phoneNumberSid: number.sid, duration: '2' });
    const [status] = await fake().waitFor('/inbound/status');
    expect(status.params).toMatchObject({ CallStatus: 'completed', CallDuration: '2', Direction: 'inbound' });

    // A first <Reject> leaves the call unanswered and unbilled.
    fake().on('/inbound/voice', twiml('<Reject reason="busy"/>'));
    const rejected = await t().control<{ call_sid: string }>('POST', '/_emulator/inbound-call', {
      From: '+14155551234',
      To: '+14155550111',
    });
    const rv = await untilDone(t(), rejected.body.call_sid);
    expect(rv.status).toBe('busy');
    expect((await client.calls(rejected.body.call_sid).fetch()).price).toBeNull();
  });

  it('connects an inbound call to a Client and lets the test answer it', async () => {
    const { client } = t();
    const [number] = await client.incomingPhoneNumbers.list({ phoneNumber: '+14155550100' });
    await client
      .incomingPhoneNumbers(number.sid)
      .update({ voiceUrl: fake().on('/inbound/agent', twiml('<Dial><Client>agent</Client></Dial>')) });
    const r = await t().control<{ call_sid: string }>('POST', '/_emulator/inbound-call', {
      From: '+442071234567',
      To: '+14155550100',
    });
    const ringing = await untilView(t(), r.body.call_sid, (v) => v.waiting?.kind === 'client');
    // The leg's own sid works too.
    const legSid = ringing.children[0].call_sid;
    expect((await t().control('POST', `/_emulator/calls/${legSid}/answer`, {})).status).toBe(200);
    const view = await untilDone(t(), r.body.call_sid);
    expect(view.verbs[0]).toMatchObject({ verb: 'Dial', client: 'agent', outcome: 'completed', duration: 5 });
    const leg = await client.calls(legSid).fetch();
    expect(leg.from).toBe('+442071234567');
  });

  it('refuses numbers the account does not own', async () => {
    expect((await t().control('POST', '/_emulator/inbound-call', { From: '+14155551234', To: '+14155550999' })).status).toBe(404);
    expect((await t().control('POST', '/_emulator/inbound-call', { From: 'nope', To: '+14155550100' })).status).toBe(400);
  });
});
