/**
 * IAM failing or slow while agents work: the service cannot tell whether a token is valid, so it says so
 * (503 "could not validate your token now"), after one more try within its deadline. A 401 would sign
 * every agent out of Flex. A token that IAM does refuse is still a 401.
 */
import { expectLogged } from '../support/console';
import { useService } from '../support/service';

const s = useService();
const IAM = '/^POST \\/iam\\/v1\\/Accounts\\/AC\\w+\\/Tokens\\/validate$/';

afterEach(async () => {
  await s().t.control('DELETE', '/_emulator/faults');
});

async function validations(): Promise<number> {
  const log = await s().t.control<{ requests: { kind: string; path: string }[] }>('GET', '/_emulator/requests');
  return log.body.requests.filter((r) => r.path.endsWith('/Tokens/validate')).length;
}

const unavailable = { error: 'Could not validate your token now; try again shortly' };

it.each([500, 503])('IAM answering %i: 503 after a second try, never 401', async (status) => {
  const token = await s().flexToken('alice', ['agent']);
  await s().t.control('POST', '/_emulator/faults', { match: IAM, status });
  await s().t.control('DELETE', '/_emulator/requests');
  const res = await s().get('/api/sms-logs', { token });
  expect([res.status, res.body]).toEqual([503, unavailable]);
  expect(await validations()).toBe(2);
  expectLogged(new RegExp(`^\\[/api/sms-logs\\] Flex token validation unavailable: IAM answered ${status}$`));
});

it('one IAM error is absorbed by the second try', async () => {
  const token = await s().flexToken('alice', ['agent']);
  await s().t.control('POST', '/_emulator/faults', { match: IAM, status: 500, count: 1 });
  const res = await s().get('/api/sms-logs', { token });
  expect(res.status).toBe(200);
});

it('IAM held 4 s: the first try times out at 3 s, the second answers within the deadline', async () => {
  const token = await s().flexToken('alice', ['agent']);
  await s().t.control('POST', '/_emulator/faults', { match: IAM, delay_ms: 4000, count: 1 });
  const started = Date.now();
  const res = await s().get('/api/sms-logs', { token });
  expect(res.status).toBe(200);
  expect(Date.now() - started).toBeLessThan(7000);
}, 15000);

it.each([4000, 9000])(
  'IAM held %i ms on every try: 503 before the 7 s deadline, never 401',
  async (delay) => {
    const token = await s().flexToken('alice', ['agent']);
    await s().t.control('POST', '/_emulator/faults', { match: IAM, delay_ms: delay });
    const started = Date.now();
    const res = await s().post('/phone/call', { token, json: { to_number: '+14155559999' } });
    expect([res.status, res.body]).toEqual([503, { detail: unavailable.error }]);
    expect(Date.now() - started).toBeLessThan(7000);
    expectLogged(/^\[\/phone\/call\] Flex token validation unavailable: no answer from IAM in \d+ ms$/);
  },
  20000,
);

it('a token IAM refuses is still 401, at once and without a second try', async () => {
  await s().t.control('DELETE', '/_emulator/requests');
  const res = await s().get('/api/sms-logs', { token: 'not-a-flex-token' });
  expect(res.status).toBe(401);
  expect(res.body).toEqual({ error: expect.stringMatching(/^Invalid Flex token: /) });
  expect(await validations()).toBe(1);
});
