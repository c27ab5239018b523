import { useEmulator } from '../support/emulator';
import { twiml, untilDone, useFakeService } from '../support/fake-service';

const t = useEmulator();
const fake = useFakeService(t);

const FROM = '+14155550100';

/** Documents XML 1.0 refuses for one character each: raw control characters, then character references. */
const FORBIDDEN: [string, string][] = [
  ['a BEL character', twiml('<Say>ring\u0007ring</Say>')],
  ['a NUL character', twiml('<Say>nul\u0000</Say>')],
  ['an ESC character in an attribute', twiml('<Say voice="al\u001bice">hello</Say>')],
  ['a vertical tab between elements', twiml('<Say>a</Say>\u000b<Say>b</Say>')],
  ['U+FFFF', twiml('<Say>\uffff</Say>')],
  ['a reference to U+0001', twiml('<Say>one&#1;</Say>')],
  ['a reference to U+001F in hex', twiml('<Say>us&#x1F;</Say>')],
  ['a reference beyond Unicode', twiml('<Say>&#x110000;</Say>')],
];

describe('strict TwiML: characters XML 1.0 does not allow are a parse failure (12100)', () => {
  it.each(FORBIDDEN)('the voice engine refuses %s', async (_, doc) => {
    const path = `/strict/voice/${Math.random().toString(36).slice(2)}`;
    const call = await t().client.calls.create({ to: '+14155559040', from: FROM, url: fake().on(path, doc) });
    const view = await untilDone(t(), call.sid);
    expect(view.errors).toEqual([
      expect.objectContaining({ code: 12100, message: expect.stringContaining('Document parse failure') }),
    ]);
    expect(view.verbs.map((v) => v.verb)).toEqual(['Error']);
  });

  it('the voice engine accepts tab, CR, LF and characters outside the BMP', async () => {
    const doc = twiml('<Say>\ttab\r\nline &#x1F600; \u{1F600} &#9;</Say>');
    const call = await t().client.calls.create({ to: '+14155559041', from: FROM, url: fake().on('/strict/voice/ok', doc) });
    const view = await untilDone(t(), call.sid);
    expect(view.errors).toEqual([]);
    expect(view.verbs.map((v) => v.verb)).toEqual(['Say']);
  });

  it('an inbound message whose TwiML answer holds a control character sends no reply and reports 12100', async () => {
    const { client } = t();
    const [number] = await client.incomingPhoneNumbers.list({ phoneNumber: '+14155550111' });
    await client.incomingPhoneNumbers(number.sid).update({
      smsUrl: fake().on('/strict/sms', twiml('<Message>bad\u0002reply</Message>')),
    });
    const bad = await t().control<{ replies: string[]; error_code?: number; error?: string }>('POST', '/_emulator/inbound-sms', {
      From: '+14155559999',
      To: '+14155550111',
      Body: 'hi',
    });
    expect(bad.status).toBe(200);
    expect(bad.body).toMatchObject({ replies: [], error_code: 12100 });
    expect(bad.body.error).toContain('U+0002');

    fake().on('/strict/sms', twiml('<Message>good\treply</Message>'));
    const good = await t().control<{ replies: string[]; error_code?: number }>('POST', '/_emulator/inbound-sms', {
      From: '+14155559999',
      To: '+14155550111',
      Body: 'hi',
    });
    expect(good.body.replies).toHaveLength(1);
    expect(good.body.error_code).toBeUndefined();
  });
});
