/**
 * `npm run deploy [-- --dry-run] [-- --emulator] [-- <twilio-run deploy flags>]`, run in the project folder:
 *   1. checks (deploy-check.ts) against .env, package.json and .twilioserverlessrc;
 *   2. rebuilds dist when it is not the build of the current sources (build-record.ts);
 *   3. prints the upload manifest (deploy-manifest.ts);
 *   4. without --dry-run, writes the production variables to the git-ignored .env.deploy and runs
 *      `twilio-run deploy` with it. A dry run needs no credentials and uploads nothing.
 * With --emulator the deploy is rehearsed against the local emulator (deploy-emulator.ts): no credentials,
 * and what Twilio's build refuses is not refused here but left to the emulator, which refuses it as Twilio does.
 */
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { buildAll } from './build';
import { staleBuild } from './build-record';
import { planDeploy } from './deploy-check';
import { deploySettings, describeManifest, uploadManifest } from './deploy-manifest';
import { readEnvFile, writeEnvFile } from './env-file';
import { rehearseDeploy } from './deploy-emulator';

/** The environment twilio-run deploys to: `--environment X`, `--production` (none), else its default `dev`. */
function environmentOf(args: readonly string[]): string {
  const i = args.findIndex((a) => a === '--environment' || a.startsWith('--environment='));
  if (i >= 0) return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : (args[i + 1] ?? '');
  return args.includes('--production') ? '' : 'dev';
}

const listed = (items: readonly string[]): string => items.map((p) => `  - ${p}`).join('\n');

async function main(): Promise<number> {
  const root = process.cwd();
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const emulator = args.includes('--emulator');
  const passOn = args.filter((a) => a !== '--dry-run' && a !== '--emulator');
  const environment = environmentOf(passOn);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name?: string;
    dependencies?: Record<string, string>;
  };
  const settings = deploySettings(root, environment);
  const plan = planDeploy(readEnvFile(join(root, '.env')), pkg, settings.runtime);

  const stale = staleBuild(root);
  if (stale.length) {
    const more = stale.length > 3 ? `; ${stale.length - 3} more` : '';
    console.log(`dist is not the build of these sources (${stale.slice(0, 3).join('; ')}${more}): building.`);
    await buildAll(root);
    const still = staleBuild(root);
    if (still.length) {
      console.error(`Deploy refused: the sources changed during the build:\n${listed(still)}`);
      return 1;
    }
  } else console.log('dist is the build of these sources.');
  console.log(describeManifest(await uploadManifest(root, settings, pkg, plan, environment), plan));

  const refusals = emulator
    ? []
    : [...plan.problems, ...(dryRun ? [] : plan.missingCredentials.map((v) => `${v} is not set in .env`))];
  if (emulator && plan.platformProblems.length)
    console.log(`Twilio would refuse this deploy; the rehearsal shows how:\n${listed(plan.platformProblems)}`);
  if (refusals.length) {
    console.error(`${dryRun ? 'A deploy would be refused' : 'Deploy refused'}:\n${listed(refusals)}`);
    return 1;
  }
  if (dryRun) {
    console.log('Dry run: nothing uploaded.');
    return 0;
  }
  const envFile = join(root, '.env.deploy');
  writeEnvFile(envFile, plan.variables);
  if (emulator) return rehearseDeploy(root, passOn, envFile);
  const res = spawnSync('npx', ['twilio-run', 'deploy', '--env', envFile, ...passOn], { cwd: root, stdio: 'inherit' });
  return res.status ?? 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`Deploy failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
