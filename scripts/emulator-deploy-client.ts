/**
 * The Serverless Toolkit's own API client (TwilioServerlessApiClient of @twilio-labs/serverless-api, the
 * code `twilio serverless:deploy` runs), with every request it makes sent to the local emulator instead of
 * Twilio. The toolkit builds its hosts from product, edge and region and has no base-URL setting; its
 * requests all pass through `request()`, whose options are got options, so a got `beforeRequest` hook moves
 * each one from https://<product>.twilio.com/<path> to <emulator>/<product>/<path>, the emulator's address
 * for that host. Nothing else of the toolkit changes (docs/decisions/0013-deploy-rehearsal.md).
 */
import { TwilioServerlessApiClient } from '@twilio-labs/serverless-api';
import type { ClientConfig, DeployResult } from '@twilio-labs/serverless-api';
import { readFileSync } from 'fs';
import { join } from 'path';
import type {
  BeforeRequestHook,
  HTTPAlias,
  OptionsOfJSONResponseBody,
  OptionsOfTextResponseBody,
  Response,
} from 'got/dist/source';

const TWILIO_HOST = /^([a-z0-9-]+)\.twilio\.com$/;

/** A hook that sends a request for a Twilio host to the emulator, and refuses any other host. */
export function towardsEmulator(emulatorUrl: string): BeforeRequestHook {
  const emulator = new URL(emulatorUrl);
  return (options) => {
    const url = options.url;
    if (url.host === emulator.host) return; // a retry: already on its way to the emulator
    const product = TWILIO_HOST.exec(url.hostname)?.[1];
    if (!product) throw new Error(`The deploy rehearsal sends nothing outside the emulator (asked for ${url.host})`);
    const moved = new URL(`/${product}${url.pathname}${url.search}`, emulator);
    // got keeps the basic-auth credentials in the URL itself
    moved.username = url.username;
    moved.password = url.password;
    options.url = moved;
  };
}

export class EmulatorServerlessClient extends TwilioServerlessApiClient {
  private readonly redirect: BeforeRequestHook;

  constructor(config: ClientConfig, emulatorUrl: string) {
    super(config);
    this.redirect = towardsEmulator(emulatorUrl);
  }

  override request(method: HTTPAlias, path: string): Promise<Response<unknown>>;
  override request(method: HTTPAlias, path: string, options: OptionsOfJSONResponseBody): Promise<Response<unknown>>;
  override request(method: HTTPAlias, path: string, options: OptionsOfTextResponseBody): Promise<Response<string>>;
  override request(
    method: HTTPAlias,
    path: string,
    options: OptionsOfJSONResponseBody | OptionsOfTextResponseBody = {},
  ): Promise<Response<unknown>> {
    const hooks = { ...options.hooks, beforeRequest: [...(options.hooks?.beforeRequest ?? []), this.redirect] };
    return super.request(method, path, { ...options, hooks } as OptionsOfJSONResponseBody);
  }
}

/** The variables a deploy must not upload: the runtime gives the account's credentials, the gateway the emulator. */
const RUNTIME_PROVIDED = new Set(['ACCOUNT_SID', 'AUTH_TOKEN', 'TWILIO_EMULATOR_URL']);

/**
 * The project in `root` (its dist/, as built) deployed to `emulator` as the `dev` environment by the toolkit's
 * own `deployLocalProject`, with `variables` as the environment's: what `npm run deploy -- --emulator` does,
 * without its printing, for tests and the bench.
 */
export function deployBuildToEmulator(
  root: string,
  emulator: { url: string; accountSid: string; authToken: string },
  variables: Record<string, string>,
): Promise<DeployResult> {
  const pkgJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name?: string;
    dependencies: Record<string, string>;
  };
  const client = new EmulatorServerlessClient({ username: emulator.accountSid, password: emulator.authToken }, emulator.url);
  return client.deployLocalProject({
    cwd: root,
    username: emulator.accountSid,
    password: emulator.authToken,
    serviceName: pkgJson.name ?? 'flex-contact-centre-backend',
    functionsEnv: 'dev',
    // The variables are given here; the toolkit reads this file only when they are not.
    envPath: join(root, '.env.example'),
    functionsFolderName: 'dist/functions',
    assetsFolderName: 'dist/assets',
    env: Object.fromEntries(Object.entries(variables).filter(([name]) => !RUNTIME_PROVIDED.has(name))),
    pkgJson,
    runtime: 'node22',
    overrideExistingService: true,
    noAssets: false,
    noFunctions: false,
  });
}
