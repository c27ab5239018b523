/**
 * Inbound messages are never refused for what they say: Twilio has already accepted them, and a refusal
 * only loses the reply. Long texts, emoji and control characters are acknowledged and logged, and the
 * TwiML that echoes them stays a document Twilio can parse (the emulator refuses others with 12100).
 */
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { parseXml } from '../../../emulator/core/xml';
import { useService } from '../../support/service';

const s = useService();

const EMOJI_801 = '😀'.repeat(801); // 1602 UTF-16 units: over 1600 as JavaScript counts, 801 characters as Twilio does
// (A lone surrogate cannot even travel as UTF-8; the TwiML helper's unit test covers it.)
const CONTROL = 'a\u0000b\u0001c\u0008d\u000be\u001ff\ufffeg\uffffh\tline\r\nend';
const FORBIDDEN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

interface Inbound {
  message_sid: string;
  twiml: string;
  replies: string[];
  error_code?: number;
  webhook: { status: number };
}

/** The service's logged copy of an inbound message, wherever its shard is. */
async function loggedMessage(sid: string): Promise<{ body: string; profileName: string | null } | undefined> {
  const sync = s().t.client.sync.v1.services('default');
  for (const map of await sync.syncMaps.list()) {
    if (!map.uniqueName.startsWith('inbound-messages.')) continue;
    const item = await sync
      .syncMaps(map.sid)
      .syncMapItems(sid)
      .fetch()
      .catch(() => undefined);
    if (item) return item.data as { body: string; profileName: string | null };
  }
  return undefined;
}

describe.each(['/webhook/incoming-message', '/api/receive-sms'])('%s', (path) => {
  const to = path === '/api/receive-sms' ? '+14155550100' : '+14155550111';

  it.each([
    ['801 emoji', EMOJI_801],
    ['control characters', CONTROL],
  ])('acknowledges %s with TwiML Twilio can parse', async (_, body) => {
    const r = await s().t.control<Inbound>('POST', '/_emulator/inbound-sms', { From: '+14155559999', To: to, Body: body });
    expect(r.body.webhook.status).toBe(200);
    expect(r.body.error_code).toBeUndefined();
    expect(r.body.replies).toHaveLength(1);
    expect(() => parseXml(r.body.twiml)).not.toThrow();
    expect(r.body.twiml).not.toMatch(FORBIDDEN_XML);
    // Every surrogate in the reply has its pair: no emoji was cut in two.
    expect(r.body.twiml).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    if (path === '/api/receive-sms') {
      const preview = Array.from(body).slice(0, 20).join('').replace(FORBIDDEN_XML, '');
      expect(r.body.twiml).toContain(`your message &apos;${preview}...&apos;`);
    } else {
      expect(await loggedMessage(r.body.message_sid)).toMatchObject({ body });
    }
  });
});

it('logs a WhatsApp profile name with control characters and answers valid TwiML', async () => {
  const params = {
    MessageSid: `SM${'7'.repeat(32)}`,
    From: 'whatsapp:+14155559999',
    To: 'whatsapp:+14155550111',
    Body: 'hi',
    NumMedia: '0',
    ProfileName: 'Ann\u0007 <b>&',
  };
  const res = await s().webhook('/webhook/incoming-message', params);
  expect(res.status).toBe(200);
  expect(res.text).toContain('<Message>Thanks, Ann &lt;b&gt;&amp;! We received your message.</Message>');
  expect(await loggedMessage(params.MessageSid)).toMatchObject({ profileName: 'Ann\u0007 <b>&' });
});

it.each([
  ['repeated keys in the body', '', 'Body=a&Body=b'],
  ['repeated keys in the query', '?Body=a&Body=b', ''],
  ['a bracketed key in the query', '?Body[x]=a', ''],
])('refuses a webhook parameter the signature cannot cover (%s) with 400 in the endpoint shape', async (_, query, extra) => {
  const params = { MessageSid: `SM${'8'.repeat(32)}`, From: '+14155559999', To: '+14155550111', NumMedia: '0' };
  const url = `${s().url}/webhook/incoming-message`;
  const res = await fetch(`${url}${query}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': getExpectedTwilioSignature(s().t.emu.authToken, url, params),
    },
    body: [new URLSearchParams(params).toString(), extra].filter(Boolean).join('&'),
  });
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({ error: 'Body is not a single value, which a Twilio signature never covers' });
  expect(await loggedMessage(params.MessageSid)).toBeUndefined();
});

it('refuses a JSON body to a webhook with 400: Twilio sends form fields, which its signature covers', async () => {
  const res = await s().post('/api/receive-sms', {
    json: { From: '+14155559999', To: '+14155550100', Body: { text: 'x' } },
    headers: { 'X-Twilio-Signature': 'c2lnbmVk' },
  });
  expect([res.status, res.body]).toEqual([
    400,
    { status: 'error', message: 'Twilio sends webhooks form-encoded; a JSON body is not something its signature covers' },
  ]);
});
