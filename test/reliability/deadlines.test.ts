/**
 * A slow or failing Twilio: functions answer inside their own budget, in their documented shape, and a
 * POST that may have reached Twilio is never repeated (test/reliability/unknown-outcomes.test.ts has more).
 */
import { useService } from '../support/service';
import { expectLogged } from '../support/console';

const s = useService();

afterEach(async () => {
  await s().t.control('DELETE', '/_emulator/faults');
});

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = Date.now();
  const value = await fn();
  return { ms: Date.now() - started, value };
}

describe('slow Twilio', () => {
  it('a read answers 503 at the 7 s deadline, well before the platform kill at 10 s', async () => {
    const token = await s().flexToken('alice');
    await s().get('/api/sms-logs', { token });
    await s().t.control('POST', '/_emulator/faults', { match: 'GET /api/2010-04-01/Accounts/', delay_ms: 9000 });
    const { ms, value } = await timed(() => s().get('/api/sms-logs', { token }));
    expect([value.status, value.body]).toEqual([503, { error: 'The request took too long; try again' }]);
    expect(ms).toBeGreaterThanOrEqual(6900);
    expect(ms).toBeLessThan(8500);
    expectLogged(/^\[\/api\/sms-logs\] deadline of 7000 ms passed$/);
  }, 20000);

  it('a send that times out after reaching Twilio answers with the message it created, and is not repeated', async () => {
    const token = await s().flexToken('alice');
    await s().get('/api/sms-logs', { token });
    await s().t.control('POST', '/_emulator/faults', { match: 'POST /api/2010-04-01/Accounts/', delay_ms: 4000, count: 1 });
    await s().t.control('DELETE', '/_emulator/requests');
    const { ms, value } = await timed(() =>
      s().post<{ message_sid: string }>('/api/send-sms', {
        token,
        json: { to: '+14155559999', from: '+14155550100', body: 'slow' },
      }),
    );
    expect(value.status).toBe(200);
    expect((await s().t.client.messages(value.body.message_sid).fetch()).body).toBe('slow');
    expect(ms).toBeLessThan(7000);
    const log = await s().t.control<{ requests: { method: string; path: string }[] }>('GET', '/_emulator/requests');
    expect(log.body.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/Messages.json'))).toHaveLength(1);
  }, 20000);

  it('an inbound message whose Sync write fails is still acknowledged with TwiML', async () => {
    await s().t.control('POST', '/_emulator/faults', { match: '/sync/v1/', status: 503 });
    const res = await s().webhook('/webhook/incoming-message', {
      MessageSid: `SM${'9'.repeat(32)}`,
      From: '+14155559999',
      To: '+14155550111',
      Body: 'x',
      NumMedia: '0',
    });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<Response><Message>/);
    expectLogged(/^\[\/webhook\/incoming-message\] Error: Injected fault/);
  });
});

describe('Twilio rate limiting', () => {
  it('a short 429 burst is ridden out by the retrying client', async () => {
    const token = await s().flexToken('alice');
    await s().t.control('POST', '/_emulator/faults', { match: 'Messages.json', status: 429, count: 2 });
    const res = await s().post('/api/send-sms', { token, json: { to: '+14155559999', from: '+14155550100', body: 'retry me' } });
    expect(res.status).toBe(200);
  });

  it('a lasting 429 answers 503 in the endpoint shape', async () => {
    const token = await s().flexToken('alice');
    await s().t.control('POST', '/_emulator/faults', { match: 'Calls.json', status: 429 });
    const res = await s().get('/phone/calls', { token });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ detail: 'Twilio is rate limiting requests; try again shortly' });
    expectLogged(/^\[\/phone\/calls\] Error: Injected fault/);
  });
});
