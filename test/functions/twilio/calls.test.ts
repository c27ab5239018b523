/**
 * Browser-call refusals (spoken and logged), transcriptions, price, and events of numbers nobody owns,
 * which are kept but never shown to a user.
 */
import { randomBytes } from 'crypto';
import { buyIn, callerFor, usePlatform } from '../../support/platform';

const s = usePlatform();
const callSid = (): string => `CA${randomBytes(16).toString('hex')}`;

describe('/api/twilio/voice refusals', () => {
  it('refuses aloud a call from an inactive number, from a number not owned, and from a user without numbers', async () => {
    const owner = callerFor(s(), 'voice-owner');
    const identity = (await owner.get<{ identity: string }>('/api/twilio/access-token')).body.identity;
    const voice = (params: Record<string, string>) =>
      s().webhook('/api/twilio/voice', { CallSid: callSid(), From: `client:${identity}`, To: '+14155557788', ...params });
    expect((await voice({})).text).toContain('<Say>You can only make calls from phone numbers you own</Say>');
    const n = await buyIn(owner, '650');
    expect((await voice({})).text).toContain(`<Dial callerId="${n.number}"`);
    await owner.post('/api/twilio/my-numbers/update', { id: n.id, status: 'inactive' });
    const inactive = await voice({ callerId: n.number });
    expect(inactive.text).toContain('<Say>Cannot make calls from inactive phone numbers</Say>');
    expect(inactive.text).not.toContain('<Dial');
    await owner.post('/api/twilio/my-numbers/update', { id: n.id, status: 'active' });
    expect((await voice({ To: '+19005550123' })).text).toMatch(/<Say>.*premium-rate.*<\/Say><Hangup\/>/);
    const forged = await s().webhook('/api/twilio/voice', { CallSid: callSid(), From: 'client:nobody', To: '+14155557788' });
    expect(forged.text).toContain('You can only make calls from phone numbers you own');
  });
});

describe('status webhooks and the user’s log', () => {
  it('keeps price and transcription on the owner’s call; events of numbers nobody owns stay out of every log', async () => {
    const owner = callerFor(s(), 'transcribed');
    const n = await buyIn(owner, '646');
    const sid = callSid();
    const recordingSid = `RE${randomBytes(16).toString('hex')}`;
    await s().webhook('/webhooks/twilio/call-status', {
      CallSid: sid,
      CallStatus: 'completed',
      From: '+14155559999',
      To: n.number,
      Direction: 'inbound',
      CallDuration: '42',
      Price: '-0.0085',
      PriceUnit: 'USD',
    });
    await s().webhook('/webhooks/twilio/recording-status', {
      RecordingSid: recordingSid,
      CallSid: sid,
      RecordingStatus: 'completed',
    });
    const t = await s().webhook('/webhooks/twilio/recording-status', {
      RecordingSid: recordingSid,
      CallSid: sid,
      TranscriptionText: 'Hello, this is a test call',
      TranscriptionStatus: 'completed',
    });
    expect(t.status).toBe(200);
    const detail = await owner.get<{ call: Record<string, unknown> }>('/api/twilio/call-logs/detail', { callSid: sid });
    expect(detail.body.call).toMatchObject({
      direction: 'inbound',
      duration: 42,
      price: 0.0085,
      priceUnit: 'USD',
      recordingSid,
      transcription: 'Hello, this is a test call',
      phoneNumberId: n.id,
    });
    // A call between numbers nobody on the platform owns.
    const stray = callSid();
    await s().webhook('/webhooks/twilio/call-status', {
      CallSid: stray,
      CallStatus: 'completed',
      From: '+14155550111',
      To: '+14155557788',
    });
    for (const who of ['transcribed', 'someone-else']) {
      const log = await callerFor(s(), who).get<{ calls: { callSid: string }[] }>('/api/twilio/call-logs');
      expect(log.body.calls.map((c) => c.callSid)).not.toContain(stray);
    }
    const missing = await s().webhook('/webhooks/twilio/recording-status', { RecordingSid: recordingSid, CallSid: sid });
    expect([missing.status, missing.body]).toEqual([
      400,
      { success: false, error: 'VALIDATION_ERROR', message: 'RecordingStatus is required' },
    ]);
  });

  it('pages the log newest first with the seed’s pagination object', async () => {
    const owner = callerFor(s(), 'pager');
    const n = await buyIn(owner, '510');
    const sids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const sid = callSid();
      sids.push(sid);
      await s().webhook('/webhooks/twilio/call-status', {
        CallSid: sid,
        CallStatus: i === 4 ? 'busy' : 'completed',
        From: n.number,
        To: '+14155557788',
        Timestamp: new Date(Date.UTC(2026, 0, 1, 10, i)).toUTCString(),
      });
    }
    const page2 = await owner.get<{ calls: { callSid: string }[]; pagination: object }>('/api/twilio/call-logs', {
      page: '2',
      limit: '2',
    });
    expect(page2.body.calls.map((c) => c.callSid)).toEqual([sids[2], sids[1]]);
    expect(page2.body.pagination).toEqual({ page: 2, limit: 2, totalPages: 3, totalItems: 5 });
    const busy = await owner.get<{ calls: { callSid: string }[]; pagination: object }>('/api/twilio/call-logs', {
      status: 'busy',
    });
    expect(busy.body.calls.map((c) => c.callSid)).toEqual([sids[4]]);
    const bad = await owner.get('/api/twilio/call-logs', { limit: '101' });
    expect(bad.status).toBe(400);
    const mine = await owner.get<{ phoneNumbers: { callCount: number }[] }>('/api/twilio/my-numbers');
    expect(mine.body.phoneNumbers[0].callCount).toBe(5);
  });
});
