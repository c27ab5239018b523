import { planDeploy } from '../../scripts/deploy-check';

const pinned = { dependencies: { twilio: '5.8.2', '@twilio/runtime-handler': '2.1.0' } };
const real = { ACCOUNT_SID: `AC${'a'.repeat(32)}`, AUTH_TOKEN: 'secret', TWILIO_PHONE_NUMBER: '+14155550100' };

describe('deploy pre-checks', () => {
  it('uploads only production variables', () => {
    const plan = planDeploy({ ...real, SOMETHING_ELSE: 'x' }, pinned);
    expect(plan.problems).toEqual([]);
    expect(Object.keys(plan.variables).sort()).toEqual(['ACCOUNT_SID', 'AUTH_TOKEN', 'TWILIO_PHONE_NUMBER']);
  });

  it('refuses an emulator setting', () => {
    const plan = planDeploy({ ...real, TWILIO_EMULATOR_URL: 'http://127.0.0.1:3001' }, pinned);
    expect(plan.problems.join()).toMatch(/TWILIO_EMULATOR_URL is a local-only setting/);
  });

  it("refuses the emulator's account and loopback URLs", () => {
    const plan = planDeploy(
      { ...real, ACCOUNT_SID: 'AC00000000000000000000000000000000', ALLOWED_ORIGINS: 'http://localhost:3000' },
      pinned,
    );
    expect(plan.problems.join()).toMatch(/emulator's account/);
    expect(plan.problems.join()).toMatch(/ALLOWED_ORIGINS points at a local address/);
  });

  it('refuses dependency ranges', () => {
    const plan = planDeploy(real, { dependencies: { '@twilio/runtime-handler': '^2.1.0' } });
    expect(plan.problems).toEqual(['dependency @twilio/runtime-handler is not pinned to an exact version (^2.1.0)']);
  });

  it('passes for this project’s own package.json', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require('../../package.json') as { dependencies: Record<string, string> };
    expect(planDeploy(real, pkg).problems).toEqual([]);
  });
});
