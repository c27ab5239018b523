/**
 * `npm run deploy -- --emulator` as a developer runs it: the real script in a copy of the project, against
 * a running emulator named by TWILIO_EMULATOR_URL in .env. The deploy is the Serverless Toolkit's own code;
 * the emulator then holds what its gateway serves.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { routesFrom } from '../../scripts/local-server';
import { runDeploy, ScriptRun, useProjectCopy } from '../support/project-copy';
import { useEmulator } from '../support/emulator';

const t = useEmulator({ functionsBaseUrl: 'http://127.0.0.1:9' });
const project = useProjectCopy();

const deploy = (...args: string[]): Promise<ScriptRun> => runDeploy(project(), ['--emulator', ...args]);

const writeEnv = (lines: string[]): void =>
  writeFileSync(join(project(), '.env'), [`TWILIO_EMULATOR_URL=${t().url}`, ...lines].join('\n'));
const domainIn = (stdout: string): string => /^domain +(\S+)/m.exec(stdout)?.[1] ?? '';

describe('npm run deploy -- --emulator', () => {
  let domain = '';
  let firstBuild = '';

  it('deploys every function and asset with the toolkit, and prints the domain and the URLs', async () => {
    writeEnv(['SOFTPHONE_IDENTITY=softphone']);
    const run = await deploy();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Rehearsing the deploy against the emulator at ${t().url}`);
    domain = domainIn(run.stdout);
    expect(domain).toMatch(/^flex-contact-centre-backend-\d{4}-dev\.twil\.io$/);
    const { functions, assets } = routesFrom(join(project(), 'dist'));
    for (const f of functions.filter((r) => r.access !== 'private'))
      expect(run.stdout).toMatch(new RegExp(`^${f.access} +${f.path} +https://${domain}${f.path} *$`, 'm'));
    const deployed = t().deployments.byDomain(domain);
    firstBuild = deployed?.buildSid ?? '';
    expect(deployed?.functions).toHaveLength(functions.length);
    expect(deployed?.assets.map((a) => a.path).sort()).toEqual(assets.map((a) => a.path).sort());
    expect(deployed?.functions.find((f) => f.path === '/api/call')?.content).toBe(
      readFileSync(join(project(), 'dist', 'functions', 'api', 'call.js'), 'utf8'),
    );
    // .env's variables, and for what it leaves empty the emulator defaults `npm start` uses.
    expect(run.stdout).toContain(
      'Emulator defaults uploaded for what .env leaves empty: TWILIO_PHONE_NUMBER, TWILIO_WHATSAPP_NUMBER, API_USERNAME, API_PASSWORD, JWT_SECRET, TWILIO_VERIFY_SERVICE_SID',
    );
    expect(deployed?.variables).toEqual({
      SOFTPHONE_IDENTITY: 'softphone',
      TWILIO_PHONE_NUMBER: expect.stringMatching(/^\+1\d{10}$/),
      TWILIO_WHATSAPP_NUMBER: expect.stringMatching(/^\+1\d{10}$/),
      API_USERNAME: 'dev',
      API_PASSWORD: 'dev-password',
      JWT_SECRET: 'local-emulator-jwt-secret',
      TWILIO_VERIFY_SERVICE_SID: expect.stringMatching(/^VA[0-9a-f]{32}$/),
    });
    expect(run.stdout).toContain(`${t().url}/_emulator/domains/${domain}/docs`);
    expect(deployed?.dependencies['@twilio/runtime-handler']).toBe('2.0.1');
  }, 60_000);

  it('redeploys a changed function as a new build on the same domain', async () => {
    appendFileSync(join(project(), 'src', 'functions', 'api', 'call.ts'), "\nexport const rehearsal = 'second deploy';\n");
    const run = await deploy();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('src/functions/api/call.ts changed since the build');
    expect(domainIn(run.stdout)).toBe(domain);
    const deployed = t().deployments.byDomain(domain);
    expect(deployed?.buildSid).not.toBe(firstBuild);
    expect(deployed?.functions.find((f) => f.path === '/api/call')?.content).toContain('second deploy');
  }, 60_000);

  it('updates a changed variable and adds a new one', async () => {
    const api = t().client.serverless.v1.services('flex-contact-centre-backend').environments('dev-environment').variables;
    const before = (await api.list()).find((v) => v.key === 'SOFTPHONE_IDENTITY');
    writeEnv(['SOFTPHONE_IDENTITY=agent', 'API_USERNAME=ops']);
    const run = await deploy();
    expect(run.status).toBe(0);
    expect(t().deployments.byDomain(domain)?.variables).toMatchObject({ SOFTPHONE_IDENTITY: 'agent', API_USERNAME: 'ops' });
    expect((await api.list()).find((v) => v.key === 'SOFTPHONE_IDENTITY')?.sid).toBe(before?.sid);
  }, 60_000);

  it("fails a runtime handler Twilio refuses with Twilio's error, and the live build stays", async () => {
    const live = t().deployments.byDomain(domain)?.buildSid;
    const pkgFile = join(project(), 'package.json');
    const pkg = readFileSync(pkgFile, 'utf8');
    writeFileSync(pkgFile, pkg.replace('"@twilio/runtime-handler": "2.0.1"', '"@twilio/runtime-handler": "2.1.0"'));
    try {
      const run = await deploy();
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(
        'Twilio would refuse this deploy; the rehearsal shows how:\n  - @twilio/runtime-handler 2.1.0 is not a version Twilio accepts; use 2.0.1\n',
      );
      expect(run.stderr).toContain('ERROR Failed API Request 20001');
      expect(run.stderr.replace(/\s*│\s*/g, ' ')).toContain('No matching version found for @twilio/runtime-handler@2.1.0.');
      expect(t().deployments.byDomain(domain)?.buildSid).toBe(live);
    } finally {
      writeFileSync(pkgFile, pkg);
    }
  }, 60_000);

  it('says how to start an emulator when none answers', async () => {
    writeFileSync(join(project(), '.env'), 'TWILIO_EMULATOR_URL=http://127.0.0.1:9\n');
    const run = await deploy();
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'Deploy rehearsal refused: No emulator answers at http://127.0.0.1:9: start one with `npm start` (or `npm run emulator`) and deploy again.\n',
    );
  }, 60_000);
});
