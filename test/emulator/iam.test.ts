import http from 'http';
import https from 'https';
import jwt from 'jsonwebtoken';
import { validator } from 'twilio-flex-token-validator';
import { useEmulator } from '../support/emulator';

const t = useEmulator();

interface Minted {
  token: string;
  expiration: string;
}

interface ValidateBody {
  valid: boolean;
  code: number;
  message: string | null;
  expiration: string | null;
  realm_user_id: string | null;
  identity: string | null;
  roles: string[] | null;
  worker_sid: string | null;
}

async function mint(body: Record<string, unknown>): Promise<Minted> {
  const res = await t().control<Minted>('POST', '/_emulator/flex-token', body);
  expect(res.status).toBe(200);
  return res.body;
}

async function validate(
  token: unknown,
  opts: { accountSid?: string; user?: string; password?: string } = {},
): Promise<{ status: number; body: ValidateBody }> {
  const { emu, url } = t();
  const account = opts.accountSid ?? emu.accountSid;
  const auth = Buffer.from(`${opts.user ?? emu.accountSid}:${opts.password ?? emu.authToken}`).toString('base64');
  const res = await fetch(`${url}/iam/v1/Accounts/${account}/Tokens/validate`, {
    method: 'POST',
    headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(token === undefined ? {} : { token }),
  });
  return { status: res.status, body: (await res.json()) as ValidateBody };
}

describe('emulated Flex token minting (control API)', () => {
  it('mints a signed token carrying identity, roles, worker and account', async () => {
    const { emu } = t();
    const before = Date.now();
    const { token, expiration } = await mint({
      identity: 'supervisor-sam',
      roles: ['supervisor', 'agent'],
      worker_sid: `WK${'a'.repeat(32)}`,
      ttl: 600,
    });
    const claims = jwt.verify(token, emu.authToken) as jwt.JwtPayload;
    expect(claims).toMatchObject({
      sub: emu.accountSid,
      identity: 'supervisor-sam',
      realm_user_id: 'supervisor-sam',
      roles: ['supervisor', 'agent'],
      worker_sid: `WK${'a'.repeat(32)}`,
    });
    expect(claims.exp).toBe((claims.iat ?? 0) + 600);
    const exp = Date.parse(expiration);
    expect(exp).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 599_000);
    expect(exp).toBeLessThanOrEqual(Date.now() + 601_000);
  });

  it('defaults roles to agent, ttl to an hour and the worker to the TaskRouter worker of that identity', async () => {
    const { client } = t();
    const { token, expiration } = await mint({ identity: 'alice' });
    const claims = jwt.decode(token) as jwt.JwtPayload;
    expect(claims.roles).toEqual(['agent']);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
    expect(Date.parse(expiration)).toBe((claims.exp ?? 0) * 1000);
    const [ws] = await client.taskrouter.v1.workspaces.list({ friendlyName: 'Flex Task Assignment' });
    const [alice] = await client.taskrouter.v1.workspaces(ws.sid).workers.list({ friendlyName: 'alice' });
    expect(claims.worker_sid).toBe(alice.sid);
    expect((jwt.decode((await mint({ identity: 'nobody' })).token) as jwt.JwtPayload).worker_sid).toBeNull();
  });

  it('refuses a bad request body with 400 and a Twilio error body', async () => {
    const bad: unknown[] = [
      {},
      { identity: '' },
      { identity: 7 },
      { identity: 'x', roles: ['root'] },
      { identity: 'x', roles: [] },
      { identity: 'x', roles: 'agent' },
      { identity: 'x', worker_sid: 'WK123' },
      { identity: 'x', ttl: 0 },
      { identity: 'x', ttl: 86_401 },
      { identity: 'x', ttl: 1.5 },
      [],
    ];
    for (const body of bad) {
      const res = await t().control<{ code: number; message: string; status: number; more_info: string }>(
        'POST',
        '/_emulator/flex-token',
        body,
      );
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body).toMatchObject({ code: 20001, status: 400, message: expect.any(String), more_info: expect.any(String) });
    }
  });
});

describe('emulated IAM Tokens/validate', () => {
  it('accepts a valid token with the body the validator expects', async () => {
    const { token, expiration } = await mint({ identity: 'bob', roles: ['admin'] });
    const res = await validate(token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      valid: true,
      code: 0,
      message: null,
      expiration,
      realm_user_id: 'bob',
      identity: 'bob',
      roles: ['admin'],
      worker_sid: expect.stringMatching(/^WK[0-9a-f]{32}$/),
    });
  });

  it('rejects a forged token (signed with another secret) with 401 / 20107', async () => {
    const { emu } = t();
    const now = Math.floor(Date.now() / 1000);
    const forged = jwt.sign(
      {
        sub: emu.accountSid,
        iss: emu.accountSid,
        iat: now,
        exp: now + 600,
        identity: 'mallory',
        realm_user_id: 'mallory',
        roles: ['admin'],
        worker_sid: null,
      },
      'not-the-auth-token',
    );
    const res = await validate(forged);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      valid: false,
      code: 20107,
      message: 'Invalid Access Token signature',
      identity: null,
      roles: null,
    });
  });

  it('rejects a malformed token with 401 / 20101', async () => {
    for (const token of ['not-a-jwt', 'a.b.c', jwt.sign({ hello: 'world' }, t().emu.authToken)]) {
      const res = await validate(token);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ valid: false, code: 20101, message: 'Invalid Access Token' });
    }
  });

  it('rejects an expired token with 401 / 20104', async () => {
    // exp = floor(now) + 1 s, so the token is certainly expired 1.2 s later (and may be sooner).
    const { token } = await mint({ identity: 'alice', ttl: 1 });
    await new Promise((r) => setTimeout(r, 1200));
    const res = await validate(token);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ valid: false, code: 20104, message: 'Access Token expired or expiration date invalid' });
  });

  it('rejects a token of another account with 401 / 20103, and other credentials before looking at the token', async () => {
    const { emu } = t();
    const other = `AC${'1'.repeat(32)}`;
    const now = Math.floor(Date.now() / 1000);
    const foreign = jwt.sign(
      {
        sub: other,
        iss: other,
        iat: now,
        exp: now + 600,
        identity: 'eve',
        realm_user_id: 'eve',
        roles: ['agent'],
        worker_sid: null,
      },
      emu.authToken,
    );
    const res = await validate(foreign);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ valid: false, code: 20103 });

    const { token } = await mint({ identity: 'alice' });
    const wrongPath = await validate(token, { accountSid: other });
    expect(wrongPath.status).toBe(404);
    const wrongSecret = await validate(token, { password: 'wrong' });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body).toMatchObject({ code: 20003 });
  });

  it('answers 400 when the body has no token', async () => {
    const res = await validate(undefined);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ valid: false, code: 20001 });
  });
});

describe('the real twilio-flex-token-validator against the emulator', () => {
  let spy: jest.SpyInstance | undefined;
  beforeAll(() => {
    // The library always calls https://iam.twilio.com:443; send that request to the emulator instead.
    spy = jest.spyOn(https, 'request').mockImplementation(((
      options: https.RequestOptions,
      callback?: (res: http.IncomingMessage) => void,
    ) => {
      const target = new URL(t().url);
      expect(options.hostname).toBe('iam.twilio.com');
      return http.request(
        { ...options, hostname: target.hostname, port: Number(target.port), path: `/iam${options.path ?? ''}` },
        callback,
      );
    }) as unknown as typeof https.request);
  });
  afterAll(() => spy?.mockRestore());

  it('resolves with the token result for a valid token', async () => {
    const { emu } = t();
    const { token } = await mint({ identity: 'alice', roles: ['agent'] });
    await expect(validator(token, emu.accountSid, emu.authToken)).resolves.toMatchObject({
      valid: true,
      identity: 'alice',
      roles: ['agent'],
    });
  });

  it('rejects with the message for a forged or expired token', async () => {
    const { emu } = t();
    const forged = jwt.sign({ sub: emu.accountSid, exp: Math.floor(Date.now() / 1000) + 60 }, 'other-secret');
    await expect(validator(forged, emu.accountSid, emu.authToken)).rejects.toBe('Invalid Access Token signature');
    const expired = jwt.sign(
      { sub: emu.accountSid, iat: 1, exp: 2, identity: 'alice', realm_user_id: 'alice', roles: ['agent'], worker_sid: null },
      emu.authToken,
    );
    await expect(validator(expired, emu.accountSid, emu.authToken)).rejects.toBe(
      'Access Token expired or expiration date invalid',
    );
  });
});
