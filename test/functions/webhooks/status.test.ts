/**
 * Call and recording status callbacks: duplicates and reordering never move a record backwards.
 */
import { useService } from '../../support/service';
import { getCallRecord } from '../../../src/lib/store/call-records';
import { getRecording } from '../../../src/lib/store/recordings';
import { twilioClient } from '../../../src/lib/runtime/twilio-client';

const s = useService();
let n = 0;
const newCallSid = (): string => `CA${String(++n).padStart(32, 'a')}`;
const record = (sid: string) => getCallRecord(twilioClient(s().env), s().env, sid);

function status(sid: string, callStatus: string, extra: Record<string, string> = {}) {
  return s().webhook('/webhooks/twilio/call-status', {
    CallSid: sid,
    CallStatus: callStatus,
    From: '+14155550111',
    To: '+14155559999',
    Direction: 'outbound-api',
    ...extra,
  });
}

describe('POST /webhooks/twilio/call-status', () => {
  it('keeps the record moving forward through the lifecycle', async () => {
    const sid = newCallSid();
    for (const st of ['initiated', 'ringing', 'in-progress']) expect((await status(sid, st)).status).toBe(200);
    await status(sid, 'completed', { CallDuration: '120', Price: '-0.02', PriceUnit: 'USD' });
    expect(await record(sid)).toMatchObject({ status: 'completed', duration: 120, price: 0.02, priceUnit: 'USD' });
  });

  it('ignores an out-of-order ringing after completed', async () => {
    const sid = newCallSid();
    await status(sid, 'completed', { CallDuration: '30' });
    await status(sid, 'ringing');
    await status(sid, 'in-progress');
    expect(await record(sid)).toMatchObject({ status: 'completed', duration: 30 });
  });

  it('treats a duplicate as a no-op and never replaces one final status with another', async () => {
    const sid = newCallSid();
    await status(sid, 'busy');
    await status(sid, 'busy');
    await status(sid, 'completed', { CallDuration: '5' });
    expect(await record(sid)).toMatchObject({ status: 'busy' });
  });

  it('stays consistent under parallel duplicated callbacks', async () => {
    const sid = newCallSid();
    const events = ['initiated', 'ringing', 'in-progress', 'completed', 'ringing', 'completed', 'in-progress', 'initiated'];
    const results = await Promise.all(events.map((e) => status(sid, e, e === 'completed' ? { CallDuration: '42' } : {})));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(await record(sid)).toMatchObject({ status: 'completed', duration: 42 });
  });

  it('keeps the start time when completed arrives before in-progress', async () => {
    const sid = newCallSid();
    await status(sid, 'ringing', { Timestamp: 'Thu, 01 Jan 2026 10:00:00 +0000' });
    await status(sid, 'completed', { CallDuration: '60', Timestamp: 'Thu, 01 Jan 2026 10:01:05 +0000' });
    await status(sid, 'in-progress', { Timestamp: 'Thu, 01 Jan 2026 10:00:05 +0000' });
    expect(await record(sid)).toMatchObject({
      status: 'completed',
      duration: 60,
      startTime: '2026-01-01T10:00:05Z',
      endTime: '2026-01-01T10:01:05Z',
    });
  });

  it('answers 10 parallel callbacks for one call with 200 or 503, never 500, and keeps the record whole', async () => {
    const sid = newCallSid();
    const events = [
      'initiated',
      'ringing',
      'in-progress',
      'completed',
      'ringing',
      'in-progress',
      'completed',
      'initiated',
      'ringing',
      'completed',
    ];
    const results = await Promise.all(events.map((e) => status(sid, e, e === 'completed' ? { CallDuration: '7' } : {})));
    for (const r of results) {
      if (r.status === 200) continue;
      expect([r.status, r.body]).toEqual([503, { success: false, error: 'SYNC_CONTENDED', message: expect.any(String) }]);
    }
    expect(await record(sid)).toMatchObject({ status: 'completed', duration: 7 });
  });

  it('answers 503 in the webhook shape when every If-Match attempt meets a newer revision', async () => {
    const sid = newCallSid();
    await status(sid, 'initiated');
    await s().t.control('POST', '/_emulator/faults', { match: `/^POST .*/Items/${sid}$/`, status: 412, code: 54205 });
    try {
      const res = await status(sid, 'ringing');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ success: false, error: 'SYNC_CONTENDED', message: expect.stringContaining('try again') });
    } finally {
      await s().t.control('DELETE', '/_emulator/faults');
    }
    expect(await record(sid)).toMatchObject({ status: 'initiated' });
  });

  it('makes at most one Sync write per callback', async () => {
    const sid = newCallSid();
    await status(sid, 'initiated');
    await s().t.control('DELETE', '/_emulator/requests');
    await status(sid, 'ringing');
    const log = await s().t.control<{ requests: { kind: string; method: string; host: string }[] }>('GET', '/_emulator/requests');
    const writes = log.body.requests.filter((r) => r.kind === 'rest' && r.method === 'POST');
    expect(writes).toHaveLength(1);
  });

  it.each([
    [{ CallSid: 'CA123', CallStatus: 'completed' }],
    [{ CallSid: `CA${'b'.repeat(32)}`, CallStatus: 'exploded' }],
    [{ CallStatus: 'completed' }],
  ])('answers 400 for %j and records nothing', async (params) => {
    const res = await s().webhook('/webhooks/twilio/call-status', params as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, error: 'VALIDATION_ERROR' });
  });

  it('refuses a forged callback and records nothing', async () => {
    const sid = newCallSid();
    const res = await s().webhook('/webhooks/twilio/call-status', { CallSid: sid, CallStatus: 'completed' }, 'Zm9yZ2Vk');
    expect(res.status).toBe(403);
    expect(await record(sid)).toBeUndefined();
  });
});

describe('POST /webhooks/twilio/recording-status', () => {
  it('stores the recording once, with its price', async () => {
    const params = {
      RecordingSid: `RE${'c'.repeat(32)}`,
      CallSid: `CA${'c'.repeat(32)}`,
      RecordingStatus: 'completed',
      RecordingDuration: '12',
      RecordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/RE.mp3',
      Price: '-0.0025',
    };
    expect((await s().webhook('/webhooks/twilio/recording-status', params)).status).toBe(200);
    expect((await s().webhook('/webhooks/twilio/recording-status', params)).status).toBe(200);
    const stored = await getRecording(twilioClient(s().env), s().env, params.RecordingSid);
    expect(stored).toMatchObject({ status: 'completed', duration: 12, price: 0.0025, callSid: params.CallSid });
  });
});
