/**
 * `npm run deploy -- --emulator`: the deploy rehearsal. twilio-run's own flags, configuration and printers,
 * and the Serverless Toolkit's own deploy (`deployLocalProject`), against the emulator `npm start` runs (at
 * TWILIO_EMULATOR_URL, else on EMULATOR_PORT): only the client's requests are redirected
 * (emulator-deploy-client.ts). The deployed build stays in that emulator, whose gateway serves it.
 */
import type { DeployLocalProjectConfig, DeployResult } from '@twilio-labs/serverless-api';
import { checkForValidRuntimeHandlerVersion } from 'twilio-run/dist/checks/check-runtime-handler';
import { cliInfo } from 'twilio-run/dist/commands/deploy';
import { getConfigFromFlags } from 'twilio-run/dist/config/deploy';
import { printConfigInfo, printDeployedResources } from 'twilio-run/dist/printers/deploy';
import { logApiError, logger } from 'twilio-run/dist/utils/logger';
import { join } from 'path';
import yargs from 'yargs';
import { DEFAULT_AUTH_TOKEN, DOMAIN_PREFIX } from '../emulator/core/emulator';
import type { RequestLogEntry } from '../emulator/core/emulator';
import { localSettings, withEmulatorDefaults } from './dev-env';
import { provisionVerify } from './dev-verify';
import { twilioClient } from '../src/lib/runtime/twilio-client';
import { EmulatorServerlessClient } from './emulator-deploy-client';
import { readEnvFile, writeEnvFile } from './env-file';

interface EmulatorTarget {
  url: string;
  accountSid: string;
  authToken: string;
}

/** The emulator `npm start` talks to, with its account; a sentence for ops when none answers. */
async function findEmulator(root: string): Promise<EmulatorTarget | string> {
  const settings = localSettings(readEnvFile(join(root, '.env')), process.env, root);
  if ('problems' in settings) return settings.problems.join('\n');
  const url = settings.env.TWILIO_EMULATOR_URL ?? `http://127.0.0.1:${settings.emulatorPort}`;
  const health = await fetch(`${url}/_emulator/health`, { signal: AbortSignal.timeout(3000) })
    .then((res) => (res.ok ? (res.json() as Promise<{ account_sid: string }>) : undefined))
    .catch(() => undefined);
  if (!health) return `No emulator answers at ${url}: start one with \`npm start\` (or \`npm run emulator\`) and deploy again.`;
  const authToken = settings.twilio === 'external' ? (settings.env.AUTH_TOKEN ?? DEFAULT_AUTH_TOKEN) : DEFAULT_AUTH_TOKEN;
  return { url, accountSid: health.account_sid, authToken };
}

/** Why the emulator failed the latest build (what Twilio's debugger would show), if it logged one. */
async function buildFailure(url: string): Promise<string | undefined> {
  const log = await fetch(`${url}/_emulator/requests`)
    .then((res) => res.json() as Promise<{ requests: RequestLogEntry[] }>)
    .catch(() => undefined);
  const failure = log?.requests.filter((r) => r.kind === 'error' && r.path.includes('/Builds/')).pop();
  return failure && `${failure.error_code ?? ''} ${failure.error_message ?? ''}`.trim();
}

/**
 * The variables the rehearsal uploads: those of .env, and for what it leaves empty the emulator defaults
 * `npm start` fills in (the emulator's line, the softphone identity, local secrets, the Verify service), so the
 * deployed build works against the emulator as the local one does. Browser calling is not filled in: its
 * TwiML App is npm start's, pointed at the local functions. Rewrites `envFile` and names what it filled.
 */
async function withRehearsalDefaults(envFile: string, target: EmulatorTarget): Promise<string[]> {
  const uploaded = readEnvFile(envFile);
  const emulatorEnv = { ACCOUNT_SID: target.accountSid, AUTH_TOKEN: target.authToken, TWILIO_EMULATOR_URL: target.url };
  const client = twilioClient(emulatorEnv);
  const numbers = (await client.incomingPhoneNumbers.list({ limit: 100 })).map((n) => ({
    phone_number: n.phoneNumber,
    sms_url: n.smsUrl,
  }));
  const verify = await provisionVerify({ ...emulatorEnv, ...uploaded });
  const { env, filled } = withEmulatorDefaults(uploaded, numbers, verify);
  writeEnvFile(envFile, env);
  return filled;
}

/** Deploys the project in `root` to the emulator; `passOn` are twilio-run deploy flags, `envFile` the variables. */
export async function rehearseDeploy(root: string, passOn: readonly string[], envFile: string): Promise<number> {
  const target = await findEmulator(root);
  if (typeof target === 'string') {
    console.error(`Deploy rehearsal refused: ${target}`);
    return 1;
  }
  const filled = await withRehearsalDefaults(envFile, target);
  const flags = await yargs([...passOn, '--env', envFile])
    .options(cliInfo.options)
    .parse();
  const config = await getConfigFromFlags({
    ...flags,
    cwd: root,
    username: target.accountSid,
    password: target.authToken,
  } as Parameters<typeof getConfigFromFlags>[0]);
  // The service is the emulator's one of that name: a service sid twilio-run remembers belongs to Twilio.
  const deployConfig: DeployLocalProjectConfig = { ...config, serviceSid: undefined, overrideExistingService: true };
  if (!checkForValidRuntimeHandlerVersion(config.pkgJson)) return 1;
  console.log(`Rehearsing the deploy against the emulator at ${target.url}`);
  if (filled.length) console.log(`Emulator defaults uploaded for what .env leaves empty: ${filled.join(', ')}`);
  printConfigInfo(config, config.outputFormat);
  const client = new EmulatorServerlessClient(config, target.url);
  let result: DeployResult;
  try {
    result = await client.deployLocalProject(deployConfig);
  } catch (err) {
    if (err === 'failed') {
      const why = await buildFailure(target.url);
      console.error(`The emulator's build failed${why ? `: ${why}` : ''}`);
    } else if (err instanceof Error && err.name === 'TwilioApiError')
      logApiError(logger, err as Parameters<typeof logApiError>[1]);
    else console.error(`Deploy rehearsal failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  printDeployedResources(config, result, config.outputFormat);
  const local = `${target.url}${DOMAIN_PREFIX}${result.domain}`;
  console.log(
    [
      '',
      `The emulator serves this build at https://${result.domain} (its webhooks go there). From this machine:`,
      `  from anything (curl, tests): ${local}/<path>, e.g. ${local}/docs`,
      `  in a browser, also: http://${result.domain}.localhost:${new URL(target.url).port}/<path>`,
    ].join('\n'),
  );
  return 0;
}
