/**
 * Incoming call and incoming message webhooks (002), driven by the emulator as Twilio drives them.
 */
import { useService } from '../../support/service';
import { expectLogged } from '../../support/console';
import { eventually } from '../../support/emulator';
import { getRecording } from '../../../src/lib/store/recordings';
import { twilioClient } from '../../../src/lib/runtime/twilio-client';

const s = useService();

interface EngineView {
  status: string;
  verbs: { verb: string; client?: string; outcome?: string }[];
  recordings?: string[];
}

async function callView(sid: string): Promise<EngineView> {
  return (await s().t.control<EngineView>('GET', `/_emulator/calls/${sid}`)).body;
}

async function ringing(sid: string): Promise<void> {
  await eventually(async () => {
    const v = await callView(sid);
    return v.verbs?.some((x) => x.verb === 'Dial') ? true : undefined;
  }, 10000);
}

async function ended(sid: string): Promise<EngineView> {
  return eventually(async () => {
    const v = await callView(sid);
    return ['completed', 'failed', 'busy', 'no-answer', 'canceled'].includes(v.status) ? v : undefined;
  }, 15000);
}

describe('POST /webhook/incoming-call', () => {
  it('rings the softphone identity with a Dial that reports back', async () => {
    const params = { CallSid: `CA${'1'.repeat(32)}`, From: '+14155559999', To: '+14155550111' };
    const res = await s().webhook('/webhook/incoming-call', params);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(
      /<Dial timeout="20" action="http:\/\/localhost:\d+\/webhook\/incoming-call" method="POST"><Client>softphone<\/Client><\/Dial>/,
    );
  });

  it('takes a voicemail when the Dial was not answered', async () => {
    const params = { CallSid: `CA${'1'.repeat(32)}`, From: '+14155559999', To: '+14155550111', DialCallStatus: 'no-answer' };
    const res = await s().webhook('/webhook/incoming-call', params);
    expect(res.text).toMatch(/<Record [^>]*recordingStatusCallback="http:\/\/localhost:\d+\/webhooks\/twilio\/recording-status"/);
  });

  it('hangs up after an answered Dial', async () => {
    const params = { CallSid: `CA${'1'.repeat(32)}`, From: '+14155559999', To: '+14155550111', DialCallStatus: 'completed' };
    expect((await s().webhook('/webhook/incoming-call', params)).text).toMatch(/<Response><Hangup\/><\/Response>/);
  });

  it('refuses a forged signature', async () => {
    const res = await s().webhook('/webhook/incoming-call', { CallSid: `CA${'1'.repeat(32)}`, From: '+1', To: '+1' }, 'Zm9yZ2Vk');
    expect(res.status).toBe(403);
  });

  it('end to end: an inbound call rings the softphone and is answered', async () => {
    const { body } = await s().t.control<{ call_sid: string }>('POST', '/_emulator/inbound-call', {
      From: '+14155559999',
      To: '+14155550111',
    });
    await ringing(body.call_sid);
    expect((await s().t.control('POST', `/_emulator/calls/${body.call_sid}/answer`)).status).toBe(200);
    const v = await ended(body.call_sid);
    expect(v.status).toBe('completed');
    expect(v.verbs.find((x) => x.verb === 'Dial')).toMatchObject({ client: 'softphone' });
    expect(v.verbs.some((x) => x.verb === 'Record')).toBe(false);
  });

  it('end to end: unanswered, the caller leaves a voicemail that is recorded and kept', async () => {
    const { body } = await s().t.control<{ call_sid: string }>('POST', '/_emulator/inbound-call', {
      From: '+14155559999',
      To: '+14155550111',
    });
    await ringing(body.call_sid);
    await s().t.control('POST', `/_emulator/calls/${body.call_sid}/decline`);
    const v = await ended(body.call_sid);
    expect(v.status).toBe('completed');
    expect(v.verbs.map((x) => x.verb)).toEqual(expect.arrayContaining(['Dial', 'Say', 'Record']));
    const recordings = await s().t.client.calls(body.call_sid).recordings.list();
    expect(recordings).toHaveLength(1);
    const stored = await eventually(() => getRecording(twilioClient(s().env), s().env, recordings[0].sid));
    expect(stored).toMatchObject({ callSid: body.call_sid, status: 'completed' });
    expect(stored.duration).toBeGreaterThan(0);
  });
});

describe('POST /webhook/incoming-message', () => {
  it('acknowledges an SMS and logs it', async () => {
    const r = await s().t.control<{ twiml: string; replies: string[] }>('POST', '/_emulator/inbound-sms', {
      From: '+14155559999',
      To: '+14155550111',
      Body: 'hello',
    });
    expect(r.body.twiml).toContain('<Message>Thanks! We received your message.</Message>');
    expect(r.body.replies).toHaveLength(1);
  });

  it('acknowledges MMS media', async () => {
    const r = await s().t.control<{ twiml: string }>('POST', '/_emulator/inbound-sms', {
      From: '+14155559999',
      To: '+14155550111',
      Body: '',
      MediaUrl: ['https://example.com/1.jpg', 'https://example.com/2.png'],
    });
    expect(r.body.twiml).toContain('We received your message and 2 attachments.');
  });

  it('acknowledges WhatsApp with the profile name', async () => {
    const r = await s().t.control<{ twiml: string }>('POST', '/_emulator/inbound-sms', {
      From: 'whatsapp:+14155559999',
      To: 'whatsapp:+14155550111',
      Body: 'hi on whatsapp',
    });
    expect(r.body.twiml).toContain('Thanks, Emulated WhatsApp user!');
  });

  it('treats a retried webhook as the same message', async () => {
    const params = { MessageSid: `SM${'2'.repeat(32)}`, From: '+14155559999', To: '+14155550111', Body: 'again', NumMedia: '0' };
    const first = await s().webhook('/webhook/incoming-message', params);
    const second = await s().webhook('/webhook/incoming-message', params);
    expect(first.status).toBe(200);
    expect(second.text).toBe(first.text);
  });

  it('still acknowledges when Sync is down (Twilio keeps the message)', async () => {
    await s().t.control('POST', '/_emulator/faults', { match: '/sync/v1/', status: 500 });
    try {
      const params = { MessageSid: `SM${'3'.repeat(32)}`, From: '+14155559999', To: '+14155550111', Body: 'x', NumMedia: '0' };
      const res = await s().webhook('/webhook/incoming-message', params);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<Message>');
      expectLogged(/^\[\/webhook\/incoming-message\] Error: Injected fault/);
    } finally {
      await s().t.control('DELETE', '/_emulator/faults');
    }
  });

  it('refuses a forged signature and logs nothing', async () => {
    const params = { MessageSid: `SM${'4'.repeat(32)}`, From: '+14155559999', To: '+14155550111', Body: 'x', NumMedia: '0' };
    expect((await s().webhook('/webhook/incoming-message', params, 'Zm9yZ2Vk')).status).toBe(403);
  });

  it('answers 400 for a malformed MessageSid', async () => {
    const res = await s().webhook('/webhook/incoming-message', { MessageSid: 'nope', From: '+1', To: '+1', Body: 'x' });
    expect(res.status).toBe(400);
  });
});
