/**
 * The Serverless API through the Serverless Toolkit's own deploy code (TwilioServerlessApiClient's
 * deployProject, redirected to the emulator) and the real `twilio` SDK: a first deploy, a redeploy with a
 * changed function, a variable change, what the gateway is handed, and each build Twilio refuses.
 */
import type { DeployProjectConfig, ServerlessResourceConfig } from '@twilio-labs/serverless-api';
import { EmulatorServerlessClient } from '../../scripts/emulator-deploy-client';
import { MAX_FUNCTION_BYTES } from '../../emulator/products/serverless/build-checks';
import type { RequestLogEntry } from '../../emulator';
import { useEmulator } from '../support/emulator';

const t = useEmulator({ functionsBaseUrl: 'http://127.0.0.1:9' });

const SERVICE = 'rehearsal';
const serverless = () => t().client.serverless.v1;

const fn = (path: string, content: string, access: 'public' | 'protected' | 'private' = 'public'): ServerlessResourceConfig => ({
  name: path.slice(1),
  path,
  access,
  content,
});

interface Project {
  functions: ServerlessResourceConfig[];
  env?: Record<string, string>;
  handler?: string;
  runtime?: string;
}

const hello = (greeting: string): string => `exports.handler = (context, event, callback) => callback(null, '${greeting}');`;
const baseline = (): Project => ({
  functions: [fn('/hello', hello('hi')), fn('/webhook/sms', hello('twiml'), 'protected')],
  env: { GREETING: 'hello' },
});

function deploy(project: Project) {
  const client = new EmulatorServerlessClient({ username: t().emu.accountSid, password: t().emu.authToken }, t().url);
  const config: DeployProjectConfig = {
    username: t().emu.accountSid,
    password: t().emu.authToken,
    serviceName: SERVICE,
    functionsEnv: 'dev',
    overrideExistingService: true,
    env: project.env ?? {},
    pkgJson: { dependencies: { '@twilio/runtime-handler': project.handler ?? '2.0.1', twilio: '5.8.2' } },
    runtime: project.runtime ?? 'node22',
    functions: project.functions,
    assets: [{ name: 'index.html', path: '/index.html', access: 'public', content: Buffer.from('<h1>console</h1>') }],
  };
  return client.deployProject(config);
}

async function buildErrors(): Promise<RequestLogEntry[]> {
  const log = await t().control<{ requests: RequestLogEntry[] }>('GET', '/_emulator/requests');
  return log.body.requests.filter((r) => r.kind === 'error' && r.path.includes('/Builds/'));
}

let first: Awaited<ReturnType<typeof deploy>>;

describe('a deploy with the Serverless Toolkit', () => {
  it('creates the service, its dev environment on a Twilio domain, and serves the build', async () => {
    first = await deploy(baseline());
    expect(first.domain).toMatch(/^rehearsal-\d{4}-dev\.twil\.io$/);
    const service = await serverless().services(SERVICE).fetch();
    expect(service).toMatchObject({ sid: first.serviceSid, uniqueName: SERVICE, includeCredentials: true });
    expect(first.domain.startsWith(`${service.domainBase}-`)).toBe(true);
    const environment = await serverless().services(first.serviceSid).environments(first.environmentSid).fetch();
    expect(environment).toMatchObject({ domainSuffix: 'dev', uniqueName: 'dev-environment', buildSid: first.buildSid });
    const build = await serverless().services(first.serviceSid).builds(first.buildSid).fetch();
    expect(build.status).toBe('completed');
    expect(build.dependencies).toEqual([
      { name: '@twilio/runtime-handler', version: '2.0.1' },
      { name: 'twilio', version: '5.8.2' },
    ]);
    expect(build.functionVersions.map((v: { path: string }) => v.path).sort()).toEqual(['/hello', '/webhook/sms']);

    const deployed = t().deployments.byDomain(first.domain.toUpperCase());
    expect(deployed).toMatchObject({
      serviceSid: first.serviceSid,
      environmentSid: first.environmentSid,
      buildSid: first.buildSid,
      domainName: first.domain,
      variables: { GREETING: 'hello' },
      dependencies: { '@twilio/runtime-handler': '2.0.1', twilio: '5.8.2' },
      runtime: 'node22',
    });
    expect(deployed?.functions).toEqual(
      expect.arrayContaining([
        { path: '/hello', visibility: 'public', content: hello('hi') },
        { path: '/webhook/sms', visibility: 'protected', content: hello('twiml') },
      ]),
    );
    expect(deployed?.assets).toEqual([{ path: '/index.html', visibility: 'public', content: Buffer.from('<h1>console</h1>') }]);
    expect(t().deployments.byDomain('rehearsal-0000-dev.twil.io')).toBeUndefined();
  });

  it('answers an upload with the version the API then fetches, and keeps its code', async () => {
    const functions = serverless().services(first.serviceSid).functions;
    const hi = (await functions.list()).find((f) => f.friendlyName === 'hello');
    const [version] = await functions(hi?.sid ?? '').functionVersions.list();
    await functions(version.functionSid).functionVersions(version.sid).fetch();
    const answer = (host: string, method: string) =>
      t().exchanges.find(
        (x) =>
          x.host === host &&
          x.method === method &&
          x.path.endsWith(`/Versions${method === 'GET' ? `/${version.sid}` : ''}`) &&
          (x.body as { sid?: string }).sid === version.sid,
      );
    expect(answer('serverless-upload.twilio.com', 'POST')?.status).toBe(201);
    expect(answer('serverless-upload.twilio.com', 'POST')?.body).toEqual(answer('serverless.twilio.com', 'GET')?.body);
    const content = await functions(version.functionSid).functionVersions(version.sid).functionVersionContent().fetch();
    expect(content.content).toBe(hello('hi'));
  });

  it('redeploys a changed function as a new build and deployment on the same domain', async () => {
    const project = baseline();
    project.functions[0] = fn('/hello', hello('hi again'));
    const second = await deploy(project);
    expect(second).toMatchObject({ serviceSid: first.serviceSid, environmentSid: first.environmentSid, domain: first.domain });
    expect(second.buildSid).not.toBe(first.buildSid);
    const deployments = await serverless().services(first.serviceSid).environments(first.environmentSid).deployments.list();
    expect(deployments.map((d) => d.buildSid)).toEqual([first.buildSid, second.buildSid]);
    expect((await serverless().services(first.serviceSid).functions.list()).length).toBe(2);
    expect(t().deployments.byDomain(first.domain)?.functions).toContainEqual({
      path: '/hello',
      visibility: 'public',
      content: hello('hi again'),
    });
  });

  it('updates a changed variable in place', async () => {
    const variables = () => serverless().services(first.serviceSid).environments(first.environmentSid).variables.list();
    const [before] = await variables();
    await deploy({ ...baseline(), env: { GREETING: 'bonjour' } });
    const after = await variables();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ sid: before.sid, key: 'GREETING', value: 'bonjour' });
    expect(t().deployments.byDomain(first.domain)?.variables).toEqual({ GREETING: 'bonjour' });
  });
});

describe('builds Twilio refuses', () => {
  const live = () => t().deployments.byDomain(first.domain)?.buildSid;

  it.each([
    [
      'a runtime handler version the platform does not accept',
      { handler: '2.1.0' },
      'Some dependencies could not be validated. No matching version found for @twilio/runtime-handler@2.1.0. ' +
        'You can find the valid versions at https://www.twilio.com/docs/serverless/functions-assets/handler',
    ],
    ['an unsupported runtime', { runtime: 'node18' }, 'unsupported runtime: node18'],
  ])('refuses %s at creation with 20001, and the live build stays', async (_what, change, message) => {
    const before = live();
    await expect(deploy({ ...baseline(), ...change })).rejects.toMatchObject({ code: 20001, message });
    expect(live()).toBe(before);
  });

  it.each([
    ['two versions serving one path', [fn('/hello', hello('a')), fn('/hello', hello('b'))], /^Duplicate path \/hello/],
    ['a function over the size limit', [fn('/big', `// ${'x'.repeat(MAX_FUNCTION_BYTES)}`)], /^Function \/big is \d+ bytes/],
  ])('fails a build with %s after building, and the live build stays', async (_what, functions, reason) => {
    const before = live();
    await t().control('DELETE', '/_emulator/requests');
    await expect(deploy({ ...baseline(), functions })).rejects.toBe('failed');
    const failed = (await serverless().services(SERVICE).builds.list()).filter((b) => b.status === 'failed').pop();
    expect((await buildErrors()).map((e) => [e.error_code, e.error_message])).toEqual([[20001, expect.stringMatching(reason)]]);
    expect(live()).toBe(before);
    await expect(
      serverless()
        .services(SERVICE)
        .environments('dev-environment')
        .deployments.create({ buildSid: failed?.sid ?? '' }),
    ).rejects.toMatchObject({ status: 400, code: 20001 });
  });
});
