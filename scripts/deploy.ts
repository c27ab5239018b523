/**
 * `npm run deploy [-- --dry-run] [-- <twilio-run deploy flags>]`: checks, builds, then deploys with the
 * Serverless Toolkit, uploading only the production variables (written to the git-ignored .env.deploy).
 */
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { buildAll } from './build';
import { readEnvFile } from './env-file';
import { planDeploy } from './deploy-check';

async function main(): Promise<void> {
  const root = join(__dirname, '..');
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const plan = planDeploy(readEnvFile(), pkg);
  if (plan.problems.length) {
    console.error(`Deploy refused:\n${plan.problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  const built = await buildAll();
  console.log(
    `Built ${built.functions} functions. Variables to upload: ${
      Object.keys(plan.variables)
        .filter((k) => k !== 'ACCOUNT_SID' && k !== 'AUTH_TOKEN')
        .join(', ') || '(none)'
    }`,
  );
  if (dryRun) return;
  const envFile = join(root, '.env.deploy');
  writeFileSync(
    envFile,
    Object.entries(plan.variables)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join('\n') + '\n',
    { mode: 0o600 },
  );
  const res = spawnSync('npx', ['twilio-run', 'deploy', '--env', envFile, ...args.filter((a) => a !== '--dry-run')], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(res.status ?? 1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
