/**
 * The typed client of the Flex plugin (client/): its types are the ones the service's document makes today, and
 * it calls the running service as Flex and non-Flex callers do, with typed answers and typed errors. Its answers
 * are checked against the document like every other answer in the suite.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DOCUMENT_PATH as DOCUMENT } from '../support/function-contract';
import { components, createContactCentreClient, Credentials, PlatformError } from '../../client/src';
import { bearer, usePlatform } from '../support/platform';

const s = usePlatform();

/** Runs the generator's check (in its own process: openapi-typescript loads ES modules, which jest cannot). */
function checkTypes(document: string): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/client.ts', '--check', '--document', document], {
    cwd: join(__dirname, '..', '..'),
    encoding: 'utf8',
  });
  return { status: run.status, stderr: run.stderr };
}

function clientAs(auth: Credentials | (() => Promise<Credentials>)): ReturnType<typeof createContactCentreClient> {
  const svc = s();
  return createContactCentreClient({ baseUrl: svc.url, auth, fetch: svc.fetch });
}

describe('the typed client', () => {
  it('has the types the document the build wrote makes (run `npm run build` after changing an answer)', () => {
    expect(checkTypes(DOCUMENT)).toEqual({ status: 0, stderr: '' });
  });

  it('notices a document whose answers changed since the types were made', () => {
    const doc = JSON.parse(readFileSync(DOCUMENT, 'utf8')) as { components: { schemas: Record<string, { required: string[] }> } };
    doc.components.schemas.PhoneNumber.required.pop();
    const dir = mkdtempSync(join(tmpdir(), 'client-types-'));
    try {
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
      const run = checkTypes(join(dir, 'openapi.json'));
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('run `npm run build`');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is published as the service's version, with the openapi-fetch the service is tested with", () => {
    const read = (
      path: string,
    ): { version: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> } =>
      JSON.parse(readFileSync(join(__dirname, '..', '..', path), 'utf8')) as ReturnType<typeof read>;
    const [service, client] = [read('package.json'), read('client/package.json')];
    expect(client.version).toBe(service.version);
    expect(client.dependencies?.['openapi-fetch']).toBe(service.devDependencies?.['openapi-fetch']);
  });

  it('buys and lists numbers as a Flex user, the token in the body of a POST and in the query of a GET', async () => {
    const token = await s().flexToken('client-agent');
    const agent = clientAs({ flexToken: token });
    const bought = await agent.POST('/api/twilio/buy-number', { body: { areaCode: '415', websiteId: 'shop' } });
    expect(bought.response.status).toBe(200);
    const number: components['schemas']['PhoneNumber'] | undefined = bought.data?.phoneNumber;
    expect(number?.websiteId).toBe('shop');

    const mine = await agent.GET('/api/twilio/my-numbers');
    expect(mine.error).toBeUndefined();
    expect(mine.data?.phoneNumbers.map((n) => n.number)).toEqual([number?.number]);

    // A form body, as some plugins send: the token joins its fields.
    const changed = await agent.POST('/api/twilio/my-numbers/update', {
      body: { id: number?.id ?? '', status: 'inactive' },
      bodySerializer: (body) => new URLSearchParams(body).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(changed.data?.phoneNumber.status).toBe('inactive');
  });

  it("reads a bearer user's usage with typed query parameters, credentials asked for before each request", async () => {
    let asked = 0;
    const user = clientAs(async () => {
      asked += 1;
      return { bearer: bearer(s(), 'client-user') };
    });
    const month = new Date().toISOString().slice(0, 7);
    const { data, response } = await user.GET('/api/twilio/usage', { params: { query: { month } } });
    expect(response.status).toBe(200);
    expect(data?.usage.month).toBe(month);
    expect(data?.usage.limit.alert).toBe('ok');
    await user.GET('/api/twilio/billing', { params: { query: { months: 2 } } });
    expect(asked).toBe(2);
  });

  it("answers the endpoint's documented error body as a typed error", async () => {
    const user = clientAs({ bearer: bearer(s(), 'client-user') });
    const missing = await user.GET('/api/twilio/call-logs/detail', {
      params: { query: { callSid: `CA${'0'.repeat(32)}` } },
    });
    expect(missing.response.status).toBe(404);
    const error: PlatformError | undefined = missing.error;
    expect(error).toEqual({ success: false, error: 'CALL_NOT_FOUND', message: 'Call not found or not owned by user' });
    expect(missing.data).toBeUndefined();

    const forged = await clientAs({ bearer: 'not-a-token' }).GET('/api/twilio/my-numbers');
    expect(forged.response.status).toBe(401);
    expect(forged.error?.error).toBe('UNAUTHORIZED');
  });
});
