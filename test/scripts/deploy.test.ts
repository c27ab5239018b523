/**
 * `npm run deploy` as ops run it: the real script in a copy of the project (so the build it checks and
 * rebuilds is not the one other test files serve), with no network and no Twilio account.
 */
import { appendFileSync, existsSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { staleBuild } from '../../scripts/build-record';
import { routesFrom } from '../../scripts/local-server';
import { runDeploy, ScriptRun, useProjectCopy } from '../support/project-copy';

const project = useProjectCopy();

const deploy = (...args: string[]): Promise<ScriptRun> => runDeploy(project(), args);

describe('npm run deploy -- --dry-run', () => {
  it('prints the upload manifest without credentials and uploads nothing', async () => {
    const run = await deploy('--dry-run');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('dist is the build of these sources.');
    expect(run.stdout).toContain('Service flex-contact-centre-backend, environment dev, runtime node22');
    // Every route the local server serves, with the visibility Twilio will give it.
    const { functions, assets } = routesFrom(join(project(), 'dist'));
    expect(functions.length).toBeGreaterThan(10);
    for (const f of functions) expect(run.stdout).toMatch(new RegExp(`^  ${f.access} +${f.path}$`, 'm'));
    for (const a of assets) expect(run.stdout).toMatch(new RegExp(`^  ${a.access} +${a.path}$`, 'm'));
    expect(run.stdout).toMatch(/^ {2}protected +\/webhook\/incoming-call$/m);
    expect(run.stdout).toMatch(/^ {2}public +\/index.html$/m);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require('../../package.json') as { dependencies: Record<string, string> };
    for (const [name, version] of Object.entries(pkg.dependencies)) expect(run.stdout).toContain(`  ${name} ${version}\n`);
    expect(run.stdout).toContain('Variables uploaded (names only): (none)');
    expect(run.stdout).toContain('ACCOUNT_SID missing, AUTH_TOKEN missing');
    expect(run.stdout).toMatch(/^ {2}TWILIO_PHONE_NUMBER: /m);
    expect(run.stdout).toContain('Dry run: nothing uploaded.');
    expect(existsSync(join(project(), '.env.deploy'))).toBe(false);
  });

  it('lists the names of the variables it would upload, never a value', async () => {
    const secrets = { AUTH_TOKEN: 'auth-token-value-1234', API_PASSWORD: 'api-password-value-5678' };
    writeFileSync(
      join(project(), '.env'),
      [
        `ACCOUNT_SID=AC${'b'.repeat(32)}`,
        `AUTH_TOKEN=${secrets.AUTH_TOKEN}`,
        'TWILIO_PHONE_NUMBER=+14155550100',
        'SOFTPHONE_IDENTITY=softphone',
        'API_USERNAME=ops',
        `API_PASSWORD=${secrets.API_PASSWORD}`,
        'JWT_SECRET=',
      ].join('\n'),
    );
    try {
      const run = await deploy('--dry-run');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(
        'Variables uploaded (names only): TWILIO_PHONE_NUMBER, SOFTPHONE_IDENTITY, API_USERNAME, API_PASSWORD\n',
      );
      expect(run.stdout).toContain('ACCOUNT_SID set, AUTH_TOKEN set');
      expect(run.stdout).not.toContain('Required variables not in .env');
      for (const value of Object.values(secrets)) expect(run.stdout + run.stderr).not.toContain(value);
    } finally {
      rmSync(join(project(), '.env'));
    }
  });

  it('still says what a deploy would refuse, and fails', async () => {
    writeFileSync(join(project(), '.env'), 'TWILIO_EMULATOR_URL=http://127.0.0.1:3031\n');
    try {
      const run = await deploy('--dry-run');
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('Functions (');
      expect(run.stderr).toBe(
        'A deploy would be refused:\n  - TWILIO_EMULATOR_URL is a local-only setting; remove it from .env before deploying\n',
      );
    } finally {
      rmSync(join(project(), '.env'));
    }
  });

  it('rebuilds a stale build before listing it', async () => {
    appendFileSync(join(project(), 'src', 'functions', 'api.ts'), '\n// edited after the build\n');
    expect(staleBuild(project())).toEqual(['src/functions/api.ts changed since the build']);
    const run = await deploy('--dry-run');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'dist is not the build of these sources (src/functions/api.ts changed since the build): building.',
    );
    expect(staleBuild(project())).toEqual([]);
  });

  it('rebuilds a build that is missing or was changed by hand', async () => {
    rmSync(join(project(), 'dist', 'functions', 'api', 'call.js'));
    expect(staleBuild(project())).toEqual(['dist/functions/api/call.js is gone since the build']);
    rmSync(join(project(), 'dist'), { recursive: true });
    const run = await deploy('--dry-run');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/no build record \(dist\/build-info.json\)[^\n]*: building\./);
    expect(run.stdout).toMatch(/^ {2}public +\/api\/call$/m);
  });
});

describe('npm run deploy', () => {
  it('refuses without credentials, before anything is written or uploaded', async () => {
    const run = await deploy();
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('Deploy refused:\n  - ACCOUNT_SID is not set in .env\n  - AUTH_TOKEN is not set in .env\n');
    expect(existsSync(join(project(), '.env.deploy'))).toBe(false);
  });
});
