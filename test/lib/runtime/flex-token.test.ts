/**
 * The real-mode validator (twilio-flex-token-validator, which calls iam.twilio.com): replaced here by a
 * stand-in with the library's behaviour (it rejects with a bare message), since tests have no network.
 */
import type { validator } from 'twilio-flex-token-validator';

// Before the module under test loads it (this repo's transform does not hoist jest.mock).
jest.mock('twilio-flex-token-validator', () => ({ validator: jest.fn() }));
const iam = (require('twilio-flex-token-validator') as { validator: jest.MockedFunction<typeof validator> }).validator;
const { FlexTokenError, FlexTokenUnavailable, validateFlexToken } =
  require('../../../src/lib/runtime/flex-token') as typeof import('../../../src/lib/runtime/flex-token');

const env = { ACCOUNT_SID: 'AC00000000000000000000000000000000', AUTH_TOKEN: 'secret' };
let n = 0;
const freshToken = (): string => `token-${++n}`;

beforeEach(() => iam.mockReset());

it('gives IAM only the time left before the deadline (no second try without a second left), then says it could not validate', async () => {
  iam.mockReturnValue(new Promise(() => undefined));
  const started = Date.now();
  const attempt = validateFlexToken(env, freshToken(), Date.now() + 3000);
  await expect(attempt).rejects.toThrow(FlexTokenUnavailable);
  await expect(attempt).rejects.toThrow(/^no answer from IAM in \d+ ms$/);
  expect(iam).toHaveBeenCalledTimes(1);
  expect(Date.now() - started).toBeLessThan(3000);
});

it.each(['Internal Server Error', 'socket hang up', 'Unexpected token < in JSON at position 0', undefined])(
  'treats a failure that is not about the token (%s) as unavailable, after a second try',
  async (message) => {
    iam.mockRejectedValue(message);
    await expect(validateFlexToken(env, freshToken(), Date.now() + 7000)).rejects.toThrow(FlexTokenUnavailable);
    expect(iam).toHaveBeenCalledTimes(2);
  },
);

it.each(['Invalid Access Token', 'Access Token expired or expiration date invalid'])(
  'treats IAM refusing the token (%s) as invalid, without a second try',
  async (message) => {
    iam.mockRejectedValue(message);
    await expect(validateFlexToken(env, freshToken(), Date.now() + 7000)).rejects.toThrow(new FlexTokenError(message));
    expect(iam).toHaveBeenCalledTimes(1);
  },
);

it('accepts what IAM validates after one failed try', async () => {
  const expiration = new Date(Date.now() + 60_000).toISOString();
  iam.mockRejectedValueOnce('Service Unavailable').mockResolvedValueOnce({
    valid: true,
    identity: 'alice',
    roles: ['agent'],
    expiration,
  } as unknown as Awaited<ReturnType<typeof validator>>);
  await expect(validateFlexToken(env, freshToken(), Date.now() + 7000)).resolves.toMatchObject({ identity: 'alice' });
});
