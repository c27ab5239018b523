import { useEmulator } from '../support/emulator';
import { callView, useFakeService, twiml, untilDone, untilView } from '../support/fake-service';

const t = useEmulator();
const fake = useFakeService(t);

const FROM = '+14155550111';

async function download(url: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await fetch(url);
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), bytes };
}

/** A call that leaves a voicemail through <Record>; resolves with the call and recording sids. */
async function voicemail(to: string, maxLength = 30): Promise<{ callSid: string; recordingSid: string }> {
  const url = fake().on(`/vm/${to}`, twiml(`<Record maxLength="${maxLength}" action="/vm-done/${to}"/>`));
  fake().on(`/vm-done/${to}`, twiml('<Hangup/>'));
  const call = await t().client.calls.create({ to, from: FROM, url });
  const [hit] = await fake().waitFor(`/vm-done/${to}`);
  await untilDone(t(), call.sid);
  return { callSid: call.sid, recordingSid: hit.params.RecordingSid };
}

describe('emulated Recordings through the twilio SDK', () => {
  it('lists the sample voicemail on a fresh emulator', async () => {
    const recordings = await t().client.recordings.list();
    expect(recordings.length).toBeGreaterThanOrEqual(1);
    const sample = recordings[recordings.length - 1];
    expect(sample).toMatchObject({ source: 'RecordVerb', status: 'completed', channels: 1, priceUnit: 'USD' });
    expect(sample.sid).toMatch(/^RE[0-9a-f]{32}$/);
    expect(sample.callSid).toMatch(/^CA/);
    const call = await t().client.calls(sample.callSid).fetch();
    expect(call.to).toBe('+14155550111');
  });

  it('fetches a <Record> recording account-wide and per call, serves its media, deletes it', async () => {
    const { client } = t();
    const { callSid, recordingSid } = await voicemail('+14155556001', 3);
    const rec = await client.recordings(recordingSid).fetch();
    expect(rec).toMatchObject({
      sid: recordingSid,
      callSid,
      duration: '3',
      source: 'RecordVerb',
      status: 'completed',
      price: '-0.00250',
      channels: 1,
    });
    expect(rec.uri).toBe(`/2010-04-01/Accounts/${t().emu.accountSid}/Recordings/${recordingSid}.json`);
    expect(rec.mediaUrl).toBe(`${t().url}/api/2010-04-01/Accounts/${t().emu.accountSid}/Recordings/${recordingSid}`);

    const perCall = await client.calls(callSid).recordings.list();
    expect(perCall.map((r) => r.sid)).toEqual([recordingSid]);
    expect(perCall[0].price).toBe(-0.0025);
    expect((await client.calls(callSid).recordings(recordingSid).fetch()).duration).toBe('3');
    expect((await client.recordings.list({ callSid })).map((r) => r.sid)).toEqual([recordingSid]);

    const wav = await download(`${rec.mediaUrl}.wav`);
    expect(wav.status).toBe(200);
    expect(wav.type).toBe('audio/x-wav');
    expect(wav.bytes.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(wav.bytes.subarray(8, 12).toString('ascii')).toBe('WAVE');
    // 3 s of 8 kHz 16-bit mono after the 44-byte header.
    expect(wav.bytes.length).toBe(44 + 3 * 8000 * 2);
    const mp3 = await download(`${rec.mediaUrl}.mp3`);
    expect(mp3.status).toBe(200);
    expect(mp3.type).toBe('audio/mpeg');
    expect([mp3.bytes[0], mp3.bytes[1]]).toEqual([0xff, 0xfb]);
    const bare = await download(rec.mediaUrl);
    expect(bare.type).toBe('audio/x-wav');

    await expect(client.recordings(recordingSid).remove()).resolves.toBe(true);
    await expect(client.recordings(recordingSid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
    expect((await download(`${rec.mediaUrl}.wav`)).status).toBe(404);
    expect(await client.calls(callSid).recordings.list()).toEqual([]);
  });

  it('deletes through the call too, and pages newest first', async () => {
    const { client } = t();
    const a = await voicemail('+14155556002');
    const b = await voicemail('+14155556003');
    const page = await client.recordings.page({ pageSize: 1 });
    expect(page.instances.map((r) => r.sid)).toEqual([b.recordingSid]);
    const next = await page.nextPage();
    expect(next?.instances.map((r) => r.sid)).toEqual([a.recordingSid]);
    await expect(client.calls(a.callSid).recordings(a.recordingSid).remove()).resolves.toBe(true);
    await expect(client.recordings(a.recordingSid).fetch()).rejects.toMatchObject({ status: 404 });
    const today = new Date();
    expect((await client.recordings.list({ dateCreatedAfter: new Date(today.getTime() - 60_000) })).map((r) => r.sid)).toEqual([
      b.recordingSid,
    ]);
    // Only the sample voicemail (from hours ago) was made before the last hour.
    const older = await client.recordings.list({ dateCreatedBefore: new Date(today.getTime() - 3_600_000) });
    expect(older.map((r) => r.source)).toEqual(['RecordVerb']);
    expect(older.map((r) => r.sid)).not.toContain(b.recordingSid);
  });

  it('records the whole call with Record=true and reports it', async () => {
    const { client } = t();
    const url = fake().on('/whole', twiml('<Say>This call is being recorded for quality</Say><Pause length="4"/>'));
    const call = await client.calls.create({
      to: '+14155556004',
      from: FROM,
      url,
      record: true,
      recordingStatusCallback: `${fake().url}/whole/rec`,
      recordingChannels: 'dual',
      statusCallback: `${fake().url}/whole/status`,
    });
    const [rec] = await fake().waitFor('/whole/rec');
    const done = await client.calls(call.sid).fetch();
    expect(done.duration).toBe('7');
    expect(rec.params).toMatchObject({
      CallSid: call.sid,
      RecordingStatus: 'completed',
      RecordingDuration: '7',
      RecordingSource: 'OutboundAPI',
      RecordingChannels: '2',
    });
    const [status] = await fake().waitFor('/whole/status');
    expect(status.params).toMatchObject({
      CallStatus: 'completed',
      RecordingSid: rec.params.RecordingSid,
      RecordingDuration: '7',
    });
    const [listed] = await client.calls(call.sid).recordings.list();
    expect(listed).toMatchObject({ source: 'OutboundAPI', channels: 2, duration: '7' });
  });

  it('starts, pauses, resumes and stops a recording of a live call through the API', async () => {
    const { client } = t();
    const url = fake().on('/live', twiml('<Play loop="0">https://example.com/hold.mp3</Play>'));
    const call = await client.calls.create({ to: '+14155556005', from: FROM, url });
    await untilView(t(), call.sid, (v) => v.status === 'in-progress');
    const started = await client.calls(call.sid).recordings.create({
      recordingStatusCallback: `${fake().url}/live/rec`,
      recordingStatusCallbackEvent: ['in-progress', 'completed'],
    });
    expect(started).toMatchObject({ status: 'in-progress', source: 'StartCallRecordingAPI', duration: null, price: null });
    expect((await client.calls(call.sid).recordings('Twilio.CURRENT').update({ status: 'paused' })).status).toBe('paused');
    expect((await client.calls(call.sid).recordings(started.sid).update({ status: 'in-progress' })).status).toBe('in-progress');
    const stopped = await client.calls(call.sid).recordings(started.sid).update({ status: 'stopped' });
    expect(stopped.status).toBe('completed');
    expect(Number(stopped.duration)).toBeGreaterThanOrEqual(1);
    const hits = await fake().waitFor('/live/rec', 2);
    expect(hits.map((h) => h.params.RecordingStatus)).toEqual(['in-progress', 'completed']);
    await client.calls(call.sid).update({ status: 'completed' });
    await expect(client.calls(call.sid).recordings.create()).rejects.toMatchObject({ status: 400, code: 21220 });
    expect((await callView(t(), call.sid)).recordings).toHaveLength(1);
  });

  it('keeps the REST API behind basic auth but the media public', async () => {
    const res = await fetch(`${t().url}/api/2010-04-01/Accounts/${t().emu.accountSid}/Recordings.json`);
    expect(res.status).toBe(401);
    const [sample] = await t().client.recordings.list({ limit: 1 });
    expect((await download(`${sample.mediaUrl}.mp3`)).status).toBe(200);
  });
});
