/**
 * The phone API when its configuration is missing or wrong: clear answers, no call placed.
 */
import { useService } from '../../support/service';

describe('phone API without a from number', () => {
  const s = useService({ env: { TWILIO_FROM_NUMBER: '', TWILIO_PHONE_NUMBER: '' } });

  it('health says what is missing with 503', async () => {
    const res = await s().get<{ status: string; message: string }>('/phone/health');
    expect(res.status).toBe(503);
    expect(res.body.status).toBe('unhealthy');
    expect(res.body.message).toMatch(/TWILIO_FROM_NUMBER/);
  });

  it('a call is a configuration error naming the setting', async () => {
    const tk = await s().flexToken('alice');
    const res = await s().post<{ detail: string }>('/phone/call', { token: tk, json: { to_number: '+14155552671' } });
    expect(res.status).toBe(500);
    expect(res.body.detail).toMatch(/TWILIO_FROM_NUMBER or TWILIO_PHONE_NUMBER is not set/);
  });
});

describe('phone API with a from number the account does not own', () => {
  const s = useService({ env: { TWILIO_FROM_NUMBER: '+14155550999' } });

  it('reports the configuration error clearly and places no call', async () => {
    const tk = await s().flexToken('alice');
    const before = (await s().t.client.calls.list()).filter((c) => !c.parentCallSid).length;
    const res = await s().post<{ detail: string }>('/phone/call', { token: tk, json: { to_number: '+14155552671' } });
    expect(res.status).toBe(500);
    expect(res.body.detail).toBe('TWILIO_FROM_NUMBER (+14155550999) is not a number this Twilio account owns or has verified');
    expect((await s().t.client.calls.list()).filter((c) => !c.parentCallSid).length).toBe(before);
  });
});
