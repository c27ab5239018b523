/**
 * The gateway runs uploaded code with the Serverless Toolkit's runtime: context, Runtime.getAssets(),
 * the 10 s limit, thrown errors, redeploys. Synthetic functions: a DeployedFunction is a path and its source.
 */
import { request } from 'http';
import { getExpectedBodyHash, getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { registerGateway } from '../../emulator/gateway/gateway';
import { expectLogged } from '../support/console';
import { useEmulator } from '../support/emulator';
import { domainClient, MemoryDeployments } from '../support/deployed';

const t = useEmulator();
const deployments = new MemoryDeployments();
const DOMAIN = 'gateway-runtime-4321-dev.twil.io';
const site = () => domainClient(t().url, DOMAIN, t().emu.authToken);

const ECHO = `exports.handler = (context, event, callback) => {
  callback(null, {
    domain: context.DOMAIN_NAME, path: context.PATH, greeting: context.GREETING,
    account: context.ACCOUNT_SID, service: context.SERVICE_SID, environment: context.ENVIRONMENT_SID,
    emulator: context.TWILIO_EMULATOR_URL, name: event.name,
  });
};`;
const SECRET = `exports.handler = (context, event, callback) => {
  callback(null, { secret: Runtime.getAssets()['/secret.txt'].open().trim() });
};`;
// Never answers; half a second after the limit it would call the emulator, unless its work was abandoned.
const NEVER_ANSWERS = `exports.handler = (context) => {
  setTimeout(() => fetch(context.TWILIO_EMULATOR_URL + '/api/2010-04-01/Accounts/abandoned-work.json'), 10500);
};`;
const THROWS = `exports.handler = (context, event, callback) => { callback(new Error('boom at the bottom')); };`;
const VERSION = (n: number) => `exports.handler = (context, event, callback) => callback(null, { version: ${n} });`;

beforeAll(() => {
  registerGateway(t().emu, { deployments });
  deployments.deploy(DOMAIN, {
    variables: { GREETING: 'hello' },
    functions: [
      { path: '/echo', visibility: 'public', content: ECHO },
      { path: '/secret', visibility: 'public', content: SECRET },
      { path: '/slow', visibility: 'public', content: NEVER_ANSWERS },
      { path: '/throws', visibility: 'public', content: THROWS },
      { path: '/version', visibility: 'public', content: VERSION(1) },
      { path: '/signed-echo', visibility: 'protected', content: ECHO },
    ],
    assets: [{ path: '/secret.txt', visibility: 'private', content: Buffer.from('open sesame\n') }],
  });
});

describe('the runtime behind the gateway', () => {
  it("gives a function the environment's variables, its domain and path, and the account", async () => {
    const env = deployments.byDomain(DOMAIN)!;
    const res = await site().send('/echo?name=ada');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({
      domain: DOMAIN,
      path: '/echo',
      greeting: 'hello',
      account: t().emu.accountSid,
      service: env.serviceSid,
      environment: env.environmentSid,
      emulator: t().url,
      name: 'ada',
    });
  });

  it('is also reached by its Host header, as Twilio routes it, and as <domain>.localhost from a browser', async () => {
    // fetch() sets Host from the URL; node's http client sends the one given, as any HTTP client may.
    const { port } = new URL(t().url);
    const byHost = (host: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/echo', headers: { Host: host } }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        req.end();
      });
    for (const host of [DOMAIN, `${DOMAIN}.localhost:${port}`]) {
      const answer = await byHost(host);
      expect(answer.status).toBe(200);
      expect((JSON.parse(answer.text) as { domain: string }).domain).toBe(DOMAIN);
    }
  });

  it('checks the signature of a protected GET over its query, and of a JSON body by its bodySHA256', async () => {
    const token = t().emu.authToken;
    const get = '/signed-echo?name=grace';
    const signedGet = getExpectedTwilioSignature(token, `https://${DOMAIN}${get}`, {});
    expect((await site().send(get, { headers: { 'X-Twilio-Signature': signedGet } })).status).toBe(200);
    const other = '/signed-echo?name=mallory';
    expect((await site().send(other, { headers: { 'X-Twilio-Signature': signedGet } })).status).toBe(400);

    const body = JSON.stringify({ name: 'grace' });
    const post = `/signed-echo?bodySHA256=${getExpectedBodyHash(body)}`;
    const headers = {
      'Content-Type': 'application/json',
      'X-Twilio-Signature': getExpectedTwilioSignature(token, `https://${DOMAIN}${post}`, {}),
    };
    const valid = await site().send(post, { method: 'POST', headers, body });
    expect(valid.status).toBe(200);
    expect(JSON.parse(valid.text)).toMatchObject({ name: 'grace', path: '/signed-echo' });
    const tampered = await site().send(post, { method: 'POST', headers, body: JSON.stringify({ name: 'mallory' }) });
    expect(tampered.status).toBe(400);
  });

  it('opens a private asset through Runtime.getAssets(), which no request reaches', async () => {
    const res = await site().send('/secret');
    expect(JSON.parse(res.text)).toEqual({ secret: 'open sesame' });
    expect((await site().send('/secret.txt')).status).toBe(404);
  });

  it('answers a thrown error with a 500 that shows neither stack trace nor file path', async () => {
    expectLogged(/\/throws failed: boom at the bottom/);
    const res = await site().send('/throws', { headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64)' } });
    expect(res.status).toBe(500);
    expect(res.text).not.toMatch(/boom|at |\/tmp|\.js/);
  });

  it('serves a redeployed build and its new variables', async () => {
    const before = await site().send('/version');
    expect(JSON.parse(before.text)).toEqual({ version: 1 });
    const current = deployments.byDomain(DOMAIN)!;
    deployments.deploy(DOMAIN, {
      variables: { GREETING: 'bonjour' },
      functions: [
        ...current.functions.filter((f) => f.path !== '/version'),
        { path: '/version', visibility: 'public', content: VERSION(2) },
      ],
      assets: current.assets,
    });
    expect(JSON.parse((await site().send('/version')).text)).toEqual({ version: 2 });
    expect(JSON.parse((await site().send('/echo')).text)).toMatchObject({ greeting: 'bonjour' });
  });

  it('answers 504 after 10 s without an answer, abandons the work the invocation left, and runs the next on a fresh runtime', async () => {
    const started = Date.now();
    const res = await site().send('/slow');
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
    expect((await site().send('/echo')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    const log = await t().control<{ requests: { kind: string; error_code?: number; path: string; status: number }[] }>(
      'GET',
      '/_emulator/requests',
    );
    expect(log.body.requests).toContainEqual(
      expect.objectContaining({ kind: 'error', error_code: 82002, path: '/slow', status: 504 }),
    );
    expect(log.body.requests.filter((r) => r.path.includes('abandoned-work'))).toEqual([]);
  }, 30_000);
});
