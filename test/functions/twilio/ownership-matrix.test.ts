/**
 * Two users, every platform function, every resource in {own, other user's, nonexistent}: another user's
 * resource must answer exactly like a nonexistent one and change nothing. Every leak is collected and the
 * test fails on the first list that is not empty.
 */
import { randomBytes } from 'crypto';
import { buyIn, callerFor, NumberView, PlatformCaller, usePlatform } from '../../support/platform';
import type { HttpResult } from '../../support/service';

const s = usePlatform();

const sid = (prefix: 'CA' | 'RE'): string => `${prefix}${randomBytes(16).toString('hex')}`;

interface Owned {
  caller: PlatformCaller;
  identity: string;
  number: NumberView;
  callSid: string;
  recordingSid: string;
}

/** A user with a number, a completed call on it and that call's recording, made as Twilio reports them. */
async function userWithHistory(name: string, areaCode: string): Promise<Owned> {
  const caller = callerFor(s(), name);
  const identity = (await caller.get<{ identity: string }>('/api/twilio/access-token')).body.identity;
  const number = await buyIn(caller, areaCode);
  const callSid = sid('CA');
  const recordingSid = sid('RE');
  for (const CallStatus of ['ringing', 'completed']) {
    const r = await s().webhook('/webhooks/twilio/call-status', {
      CallSid: callSid,
      CallStatus,
      From: number.number,
      To: '+14155557788',
      Direction: 'outbound-api',
      CallDuration: '30',
      Price: '-0.02',
      PriceUnit: 'USD',
    });
    expect(r.status).toBe(200);
  }
  const rec = await s().webhook('/webhooks/twilio/recording-status', {
    RecordingSid: recordingSid,
    CallSid: callSid,
    RecordingStatus: 'completed',
    RecordingDuration: '30',
    RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/${recordingSid}`,
  });
  expect(rec.status).toBe(200);
  return { caller, identity, number, callSid, recordingSid };
}

type Kind = 'own' | 'other' | 'none';

describe('ownership matrix: two users, every function, own / other / nonexistent', () => {
  it('finds 0 cross-user reads or writes', async () => {
    const a = await userWithHistory('matrix-a', '303');
    const b = await userWithHistory('matrix-b', '305');
    const leaks: string[] = [];
    const text = (r: HttpResult): string => r.text;
    const pick = <T>(kind: Kind, own: T, other: T, none: T): T => (kind === 'own' ? own : kind === 'other' ? other : none);
    const kinds: Kind[] = ['own', 'other', 'none'];
    const ids = (k: Kind) => ({
      numberId: pick(k, a.number.id, b.number.id, '987654'),
      callSid: pick(k, a.callSid, b.callSid, sid('CA')),
      recordingSid: pick(k, a.recordingSid, b.recordingSid, sid('RE')),
    });
    const foreign = [
      `"id":"${b.number.id}"`,
      `"phoneNumberId":"${b.number.id}"`,
      b.number.number,
      b.callSid,
      b.recordingSid,
      b.identity,
      b.number.twilioSid,
    ];
    const noForeign = (where: string, r: HttpResult): void => {
      for (const f of foreign) if (text(r).includes(f)) leaks.push(`${where} shows ${f}`);
    };
    // The answer for another user's resource must be the answer for a nonexistent one.
    const sameAsNone = async (where: string, ask: (k: Kind) => Promise<HttpResult>): Promise<void> => {
      const [other, none] = [await ask('other'), await ask('none')];
      const strip = (r: HttpResult): string => JSON.stringify([r.status, r.body]).replace(/(CA|RE)[0-9a-f]{32}|\d{6}/g, 'X');
      if (strip(other) !== strip(none))
        leaks.push(`${where}: other ${other.status} ${other.text} vs none ${none.status} ${none.text}`);
      noForeign(where, other);
    };

    // Reads: lists show only A's resources, whatever filter names B's.
    for (const k of kinds) {
      const { numberId, callSid } = ids(k);
      noForeign(`my-numbers`, await a.caller.get('/api/twilio/my-numbers'));
      noForeign(`call-logs ${k}`, await a.caller.get('/api/twilio/call-logs', { phoneNumberId: numberId }));
      noForeign(
        `call-logs status ${k}`,
        await a.caller.get('/api/twilio/call-logs', { status: 'completed', phoneNumberId: numberId }),
      );
      noForeign(`recordings ${k}`, await a.caller.get('/api/twilio/recordings', { callSid, phoneNumberId: numberId }));
      noForeign(`recordings by number ${k}`, await a.caller.get('/api/twilio/recordings', { phoneNumberId: numberId }));
      noForeign(`access-token`, await a.caller.get('/api/twilio/access-token'));
    }
    // Reads of one resource: other = nonexistent.
    await sameAsNone('call-logs/detail', (k) => a.caller.get('/api/twilio/call-logs/detail', { callSid: ids(k).callSid }));
    await sameAsNone('recordings/by-call', (k) => a.caller.get('/api/twilio/recordings/by-call', { callSid: ids(k).callSid }));
    await sameAsNone('call-logs by number', (k) => a.caller.get('/api/twilio/call-logs', { phoneNumberId: ids(k).numberId }));
    // Writes: other = nonexistent, and B's resources are untouched.
    await sameAsNone('my-numbers/update', (k) =>
      a.caller.post('/api/twilio/my-numbers/update', { id: ids(k).numberId, status: 'inactive', websiteId: 'hijacked' }),
    );
    await sameAsNone('recordings/delete', (k) =>
      a.caller.post('/api/twilio/recordings/delete', { recordingSid: ids(k).recordingSid }),
    );
    await sameAsNone('my-numbers/release', (k) => a.caller.post('/api/twilio/my-numbers/release', { id: ids(k).numberId }));
    const stolen = await a.caller.post('/api/twilio/buy-number', { phoneNumber: b.number.number });
    if (stolen.status === 200) leaks.push(`buy-number bought B's number: ${stolen.text}`);
    // A browser call from A with B's number as caller ID is refused aloud, never dialled.
    const voice = await s().webhook('/api/twilio/voice', {
      CallSid: sid('CA'),
      From: `client:${a.identity}`,
      To: '+14155557788',
      callerId: b.number.number,
    });
    if (voice.text.includes('<Dial')) leaks.push(`voice dialled from B's number: ${voice.text}`);
    expect(voice.text).toContain('You can only make calls from phone numbers you own');

    // B still has everything, unchanged.
    const bNumbers = await b.caller.get<{ phoneNumbers: NumberView[] }>('/api/twilio/my-numbers');
    const bNumber = bNumbers.body.phoneNumbers.find((n) => n.id === b.number.id);
    if (!bNumber || bNumber.status !== 'active' || JSON.stringify(bNumber).includes('hijacked')) {
      leaks.push(`B's number changed: ${JSON.stringify(bNumber)}`);
    }
    await s()
      .t.client.incomingPhoneNumbers(b.number.twilioSid)
      .fetch()
      .catch(() => leaks.push(`B's number was released at Twilio`));
    const bCall = await b.caller.get<{ call: { callSid: string } }>('/api/twilio/call-logs/detail', { callSid: b.callSid });
    if (bCall.status !== 200) leaks.push(`B lost their call: ${bCall.text}`);
    const bRecs = await b.caller.get<{ recordings: { recordingSid: string }[] }>('/api/twilio/recordings/by-call', {
      callSid: b.callSid,
    });
    if (bRecs.body.recordings[0]?.recordingSid !== b.recordingSid) leaks.push(`B lost their recording: ${bRecs.text}`);
    // And A's own resources answer: the matrix is not vacuous.
    expect((await a.caller.get('/api/twilio/call-logs/detail', { callSid: a.callSid })).status).toBe(200);
    expect((await a.caller.post('/api/twilio/recordings/delete', { recordingSid: a.recordingSid })).status).toBe(200);
    expect((await a.caller.get<{ recordings: unknown[] }>('/api/twilio/recordings')).body.recordings).toEqual([]);
    expect((await a.caller.post('/api/twilio/my-numbers/release', { id: a.number.id })).status).toBe(200);
    expect(leaks).toEqual([]);
  });
});
