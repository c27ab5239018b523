/**
 * The Serverless API's resources one by one through the real `twilio` SDK (and multipart uploads over
 * HTTP, which the SDK does not make): v1 paging, Twilio's domains, variables, and bad input refused with
 * a clear 20001 that changes nothing. State survives a restart.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { contractViolations } from '../support/contract';
import { startTestEmulator, useEmulator } from '../support/emulator';

const t = useEmulator({ functionsBaseUrl: 'http://127.0.0.1:9' });
const serverless = () => t().client.serverless.v1;

function upload(serviceSid: string, functionSid: string, fields: Record<string, string>, base = t().url) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields))
    if (name === 'Content') form.append(name, new Blob([value], { type: 'application/javascript' }), 'fn.js');
    else form.append(name, value);
  const auth = Buffer.from(`${t().emu.accountSid}:${t().emu.authToken}`).toString('base64');
  return fetch(`${base}/serverless-upload/v1/Services/${serviceSid}/Functions/${functionSid}/Versions`, {
    method: 'POST',
    headers: { Authorization: `Basic ${auth}` },
    body: form,
  }).then(async (res) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> }));
}

let serviceSid = '';
afterEach(() => jest.restoreAllMocks());
beforeAll(async () => {
  serviceSid = (await serverless().services.create({ uniqueName: 'api-tests', friendlyName: 'API tests' })).sid;
});

describe('Services', () => {
  it('lists in v1 pages that follow next_page_url to the end', async () => {
    for (const name of ['paged-1', 'paged-2']) await serverless().services.create({ uniqueName: name, friendlyName: name });
    const page = await serverless().services.page({ pageSize: 2 });
    expect(page.instances).toHaveLength(2);
    const raw = t()
      .exchanges.filter((x) => x.method === 'GET' && x.path === '/v1/Services')
      .pop()?.body as {
      meta: { key: string; next_page_url: string | null; page_size: number };
    };
    expect(raw.meta).toMatchObject({ key: 'services', page_size: 2 });
    expect(raw.meta.next_page_url).toMatch(/^https:\/\/serverless\.twilio\.com\/v1\/Services\?PageSize=2&Page=1/);
    const all = await serverless().services.list({ pageSize: 2 });
    expect(all.map((s) => s.uniqueName)).toEqual(['api-tests', 'paged-1', 'paged-2']);
  });

  it.each([
    ['a taken unique name', { uniqueName: 'api-tests', friendlyName: 'x' }, 'Service with UniqueName api-tests already exists'],
    ['a name that is no domain label', { uniqueName: 'my_service', friendlyName: 'x' }, /UniqueName must be/],
    ['a name over 50 characters', { uniqueName: 'a'.repeat(51), friendlyName: 'x' }, /UniqueName must be at most 50/],
  ])('refuses %s with 20001', async (_what, params, message) => {
    const before = (await serverless().services.list()).length;
    await expect(serverless().services.create(params)).rejects.toMatchObject({ status: 400, code: 20001, message });
    expect(await serverless().services.list()).toHaveLength(before);
  });

  it('refuses an eleventh service: an account has at most 10', async () => {
    const existing = (await serverless().services.list()).length;
    for (let n = existing; n < 10; n++) await serverless().services.create({ uniqueName: `filler-${n}`, friendlyName: 'filler' });
    await expect(serverless().services.create({ uniqueName: 'eleventh', friendlyName: 'x' })).rejects.toMatchObject({
      code: 20001,
      message: 'An account can have at most 10 services',
    });
    expect(await serverless().services.list()).toHaveLength(10);
  });

  it('answers 20404 for a service that does not exist', async () => {
    await expect(serverless().services('no-such-service').fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  });
});

describe('Environments', () => {
  it('builds the domain from the service domain base, and the suffix when there is one', async () => {
    const service = await serverless().services(serviceSid).fetch();
    expect(service.domainBase).toMatch(/^api-tests-\d{4}$/);
    const production = await serverless().services(serviceSid).environments.create({ uniqueName: 'production' });
    expect(production).toMatchObject({ domainSuffix: null, domainName: `${service.domainBase}.twil.io`, buildSid: null });
    const stage = await serverless().services(serviceSid).environments.create({ uniqueName: 'stage', domainSuffix: 'stage' });
    expect(stage.domainName).toBe(`${service.domainBase}-stage.twil.io`);
    expect((await serverless().services(serviceSid).environments('stage').fetch()).sid).toBe(stage.sid);
    expect(t().deployments.byDomain(stage.domainName)).toBeUndefined(); // nothing deployed yet
  });

  it.each([
    ['a suffix over 16 characters', { uniqueName: 'long', domainSuffix: 'a'.repeat(17) }, /DomainSuffix must be at most 16/],
    ['a taken unique name', { uniqueName: 'stage', domainSuffix: 'other' }, 'Environment with UniqueName stage already exists'],
    ['a taken suffix', { uniqueName: 'stage-2', domainSuffix: 'stage' }, 'An environment with DomainSuffix stage already exists'],
  ])('refuses %s with 20001', async (_what, params, message) => {
    await expect(serverless().services(serviceSid).environments.create(params)).rejects.toMatchObject({ code: 20001, message });
    expect(await serverless().services(serviceSid).environments.list()).toHaveLength(2);
  });
});

describe('Variables', () => {
  const variables = () => serverless().services(serviceSid).environments('stage').variables;

  it('creates, fetches, updates, lists in pages and deletes', async () => {
    const created = await variables().create({ key: 'API_USERNAME', value: 'ops' });
    await variables().create({ key: 'JWT_SECRET', value: 's3cret' });
    await variables().create({ key: 'SOFTPHONE_IDENTITY', value: 'softphone' });
    expect((await variables()(created.sid).fetch()).value).toBe('ops');
    expect((await variables()(created.sid).update({ value: 'admin' })).value).toBe('admin');
    expect((await variables().list({ pageSize: 2 })).map((v) => v.key)).toEqual([
      'API_USERNAME',
      'JWT_SECRET',
      'SOFTPHONE_IDENTITY',
    ]);
    await expect(variables()(created.sid).remove()).resolves.toBe(true);
    await expect(variables()(created.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it.each([
    ['a taken key', { key: 'JWT_SECRET', value: 'x' }, 'Variable with Key JWT_SECRET already exists'],
    ['a value over 450 bytes', { key: 'BIG', value: 'é'.repeat(226) }, 'Value must be at most 450 bytes'],
    ['a key over 128 characters', { key: 'K'.repeat(129), value: 'x' }, 'Key must be 1 to 128 characters'],
  ])('refuses %s with 20001 and keeps the variables as they were', async (_what, params, message) => {
    const before = await variables().list();
    await expect(variables().create(params)).rejects.toMatchObject({ status: 400, code: 20001, message });
    expect(await variables().list()).toEqual(before);
  });
});

describe('Function Versions and Builds', () => {
  let functionSid = '';
  beforeAll(async () => {
    functionSid = (await serverless().services(serviceSid).functions.create({ friendlyName: 'hello' })).sid;
  });

  it('takes a multipart upload and prepends the slash a path lacks', async () => {
    const res = await upload(serviceSid, functionSid, {
      Path: 'hello',
      Visibility: 'protected',
      Content: 'exports.handler = 1;',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ path: '/hello', visibility: 'protected', function_sid: functionSid });
  });

  it.each([
    [
      'an unknown visibility',
      { Path: '/x', Visibility: 'secret', Content: 'x' },
      'Visibility must be one of public, protected, private',
    ],
    ['no path', { Visibility: 'public', Content: 'x' }, 'Path is required'],
    ['no content', { Path: '/x', Visibility: 'public' }, 'Content is required'],
  ])('refuses an upload with %s', async (_what, fields, message) => {
    const res = await upload(serviceSid, functionSid, fields);
    expect(res).toEqual({ status: 400, body: expect.objectContaining({ code: 20001, message }) });
    expect(await serverless().services(serviceSid).functions(functionSid).functionVersions.list()).toHaveLength(1);
  });

  it.each([
    ['no versions', {}, 'At least one Function Version or Asset Version is required for Build'],
    ['a version of no such function', { functionVersions: ['ZN' + '0'.repeat(32)] }, /^Function Version ZN0+ was not found/],
    [
      'malformed dependencies',
      { functionVersions: [] as string[], dependencies: '{"twilio"' },
      /^Dependencies must be a JSON array/,
    ],
  ])('refuses a build with %s', async (_what, params, message) => {
    const [version] = await serverless().services(serviceSid).functions(functionSid).functionVersions.list();
    const body = 'dependencies' in params ? { ...params, functionVersions: [version.sid] } : params;
    await expect(serverless().services(serviceSid).builds.create(body)).rejects.toMatchObject({ code: 20001, message });
    expect(await serverless().services(serviceSid).builds.list()).toHaveLength(0);
  });

  it('builds over one lifecycle step, then deploys and the environment serves the build', async () => {
    const [version] = await serverless().services(serviceSid).functions(functionSid).functionVersions.list();
    // The clock stands still while the build is young, so a slow machine cannot let it finish early.
    const clock = jest.spyOn(Date, 'now').mockReturnValue(Date.now());
    const build = await serverless()
      .services(serviceSid)
      .builds.create({ functionVersions: [version.sid], dependencies: '[{"name":"twilio","version":"5.8.2"}]' });
    expect(build).toMatchObject({ status: 'building', runtime: 'node22', dependencies: [{ name: 'twilio', version: '5.8.2' }] });
    const stage = serverless().services(serviceSid).environments('stage');
    await expect(stage.deployments.create({ buildSid: build.sid })).rejects.toMatchObject({
      code: 20001,
      message: `Build ${build.sid} is building; only a completed Build can be deployed`,
    });
    clock.mockRestore();
    await new Promise((r) => setTimeout(r, t().emu.stepMs + 10));
    expect((await serverless().services(serviceSid).builds(build.sid).buildStatus().fetch()).status).toBe('completed');
    const deployment = await stage.deployments.create({ buildSid: build.sid });
    expect((await stage.deployments(deployment.sid).fetch()).buildSid).toBe(build.sid);
    const environment = await stage.fetch();
    expect(environment.buildSid).toBe(build.sid);
    expect(t().deployments.byDomain(environment.domainName)).toMatchObject({
      buildSid: build.sid,
      variables: { JWT_SECRET: 's3cret', SOFTPHONE_IDENTITY: 'softphone' },
      functions: [{ path: '/hello', visibility: 'protected', content: 'exports.handler = 1;' }],
    });
  });
});

describe('a restart', () => {
  it('keeps what was deployed', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'emu-serverless-'));
    const before = await startTestEmulator({ stateDir });
    const api = before.client.serverless.v1;
    const service = await api.services.create({ uniqueName: 'kept', friendlyName: 'kept' });
    const fnSid = (await api.services(service.sid).functions.create({ friendlyName: 'f' })).sid;
    const env = await api.services(service.sid).environments.create({ uniqueName: 'dev-environment', domainSuffix: 'dev' });
    await api.services(service.sid).environments(env.sid).variables.create({ key: 'A', value: '1' });
    const auth = Buffer.from(`${before.emu.accountSid}:${before.emu.authToken}`).toString('base64');
    const form = new FormData();
    form.append('Path', '/f');
    form.append('Visibility', 'public');
    form.append('Content', new Blob(['exports.handler = 2;']), 'f.js');
    const version = (await fetch(`${before.url}/serverless-upload/v1/Services/${service.sid}/Functions/${fnSid}/Versions`, {
      method: 'POST',
      headers: { Authorization: `Basic ${auth}` },
      body: form,
    }).then((r) => r.json())) as { sid: string };
    const build = await api.services(service.sid).builds.create({ functionVersions: [version.sid] });
    await new Promise((r) => setTimeout(r, before.emu.stepMs + 10));
    await api.services(service.sid).environments(env.sid).deployments.create({ buildSid: build.sid });
    await before.close();
    const after = await startTestEmulator({ stateDir });
    try {
      expect(after.deployments.byDomain(env.domainName)).toMatchObject({
        buildSid: build.sid,
        variables: { A: '1' },
        functions: [{ path: '/f', visibility: 'public', content: 'exports.handler = 2;' }],
      });
      expect((await after.client.serverless.v1.services('kept').fetch()).sid).toBe(service.sid);
    } finally {
      await after.close();
    }
    expect(contractViolations([...before.exchanges, ...after.exchanges])).toEqual([]);
  });
});
