import { useEmulator } from '../support/emulator';
import { twiml, untilDone, useFakeService } from '../support/fake-service';

const t = useEmulator();
const fake = useFakeService(t);

const FROM = '+14155550100';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const tokenOf = (hit: { headers: Record<string, string | string[] | undefined> }): unknown =>
  hit.headers['i-twilio-idempotency-token'];

describe('I-Twilio-Idempotency-Token on the webhooks the emulator sends', () => {
  it('gives each webhook its own token, and the FallbackUrl the token of the request it retries', async () => {
    const url = fake().on('/idem/broken', { status: 500, body: 'down' });
    const fallbackUrl = fake().on('/idem/fallback', twiml('<Say>From the fallback</Say>'));
    const statusCallback = `${fake().url}/idem/status`;
    const call = await t().client.calls.create({
      to: '+14155559030',
      from: FROM,
      url,
      fallbackUrl,
      statusCallback,
      statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
    });
    await untilDone(t(), call.sid);
    const [primary] = await fake().waitFor('/idem/broken');
    const [fallback] = await fake().waitFor('/idem/fallback');
    const callbacks = await fake().waitFor('/idem/status', 4);

    expect(tokenOf(primary)).toMatch(UUID);
    expect(tokenOf(fallback)).toBe(tokenOf(primary));
    const distinct = new Set([tokenOf(primary), ...callbacks.map(tokenOf)]);
    expect(distinct.size).toBe(1 + callbacks.length);
    for (const cb of callbacks) expect(tokenOf(cb)).toMatch(UUID);
  });

  it('sends a new token with every inbound message, even from the same handset', async () => {
    const { client } = t();
    const [number] = await client.incomingPhoneNumbers.list({ phoneNumber: '+14155550111' });
    await client.incomingPhoneNumbers(number.sid).update({ smsUrl: fake().on('/idem/sms', '<Response/>') });
    for (let i = 0; i < 2; i++) {
      await t().control('POST', '/_emulator/inbound-sms', { From: '+14155559999', To: '+14155550111', Body: 'same words' });
    }
    const hits = await fake().waitFor('/idem/sms', 2);
    expect(hits.map(tokenOf).every((x) => typeof x === 'string' && UUID.test(x))).toBe(true);
    expect(tokenOf(hits[0])).not.toBe(tokenOf(hits[1]));
  });
});
