import { readFileSync } from 'fs';
import { join } from 'path';
import { ACCEPTED_RUNTIME_HANDLERS, planDeploy, PRODUCTION_VARIABLES } from '../../scripts/deploy-check';

const pinned = { dependencies: { twilio: '5.8.2', '@twilio/runtime-handler': '2.0.1' } };
const real = { ACCOUNT_SID: `AC${'a'.repeat(32)}`, AUTH_TOKEN: 'secret', TWILIO_PHONE_NUMBER: '+14155550100' };

describe('deploy pre-checks', () => {
  it('knows every variable the service reads, as .env.example and README list them', () => {
    const root = join(__dirname, '..', '..');
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const service = readFileSync(join(root, 'src', 'lib', 'runtime', 'env.ts'), 'utf8');
    const serviceVariables = [...service.matchAll(/^\s+([A-Z][A-Z0-9_]+)\??:/gm)].map((m) => m[1]);
    const runtimeProvided = ['DOMAIN_NAME', 'PATH', 'SERVICE_SID', 'ENVIRONMENT_SID', 'TWILIO_EMULATOR_URL'];
    const uploaded = PRODUCTION_VARIABLES.map((v) => v.name);
    expect(serviceVariables.filter((v) => !runtimeProvided.includes(v) && !uploaded.includes(v))).toEqual([]);
    for (const name of uploaded) {
      expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
      expect(readme).toContain(`\`${name}\``);
    }
  });

  it('uploads only production variables', () => {
    const plan = planDeploy({ ...real, SOMETHING_ELSE: 'x' }, pinned, 'node22');
    expect(plan.problems).toEqual([]);
    expect(Object.keys(plan.variables).sort()).toEqual(['ACCOUNT_SID', 'AUTH_TOKEN', 'TWILIO_PHONE_NUMBER']);
  });

  it('names missing credentials and required variables apart from problems', () => {
    const plan = planDeploy({ TWILIO_PHONE_NUMBER: '' }, pinned, 'node22');
    expect(plan.problems).toEqual([]);
    expect(plan.missingCredentials).toEqual(['ACCOUNT_SID', 'AUTH_TOKEN']);
    expect(plan.missingRequired.map((v) => v.name)).toEqual(['TWILIO_PHONE_NUMBER', 'SOFTPHONE_IDENTITY']);
    expect(plan.unsetOptional.map((v) => v.name)).toContain('TWILIO_WHATSAPP_NUMBER');
  });

  it('refuses an emulator setting', () => {
    const plan = planDeploy({ ...real, TWILIO_EMULATOR_URL: 'http://127.0.0.1:3031' }, pinned, 'node22');
    expect(plan.problems.join()).toMatch(/TWILIO_EMULATOR_URL is a local-only setting/);
  });

  it("refuses the emulator's account and loopback URLs", () => {
    const plan = planDeploy(
      { ...real, ACCOUNT_SID: 'AC00000000000000000000000000000000', ALLOWED_ORIGINS: 'http://localhost:3000' },
      pinned,
      'node22',
    );
    expect(plan.problems.join()).toMatch(/emulator's account/);
    expect(plan.problems.join()).toMatch(/ALLOWED_ORIGINS points at a local address/);
  });

  it('refuses dependency ranges', () => {
    const plan = planDeploy(real, { dependencies: { '@twilio/runtime-handler': '2.0.1', twilio: '^5.8.2' } }, 'node22');
    expect(plan.problems).toEqual(['dependency twilio is not pinned to an exact version (^5.8.2)']);
  });

  it.each(['2.1.0', '2.1.2', '2.0.3', '1.3.0'])('refuses runtime-handler %s, which Twilio does not accept', (version) => {
    const plan = planDeploy(real, { dependencies: { '@twilio/runtime-handler': version } }, 'node22');
    expect(plan.problems).toEqual([`@twilio/runtime-handler ${version} is not a version Twilio accepts; use 2.0.1`]);
  });

  it('refuses a missing runtime-handler', () => {
    expect(planDeploy(real, { dependencies: { twilio: '5.8.2' } }, 'node22').problems).toEqual([
      'dependency @twilio/runtime-handler is missing (the platform needs it)',
    ]);
  });

  it('accepts node22 and node24, and refuses other or unset runtimes', () => {
    expect(planDeploy(real, pinned, 'node24').problems).toEqual([]);
    expect(planDeploy(real, pinned, 'node18').problems).toEqual([
      'runtime node18 is not one Twilio Functions builds on; use node22 or node24',
    ]);
    expect(planDeploy(real, pinned, undefined).problems.join()).toMatch(/sets no runtime/);
  });

  it('passes for this project’s own package.json, with a runtime-handler from the accepted list', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require('../../package.json') as { dependencies: Record<string, string> };
    expect(planDeploy(real, pkg, 'node22').problems).toEqual([]);
    expect(Object.keys(ACCEPTED_RUNTIME_HANDLERS)).toContain(pkg.dependencies['@twilio/runtime-handler']);
  });
});
