/**
 * The Serverless Toolkit's own API client (TwilioServerlessApiClient of @twilio-labs/serverless-api, the
 * code `twilio serverless:deploy` runs), with every request it makes sent to the local emulator instead of
 * Twilio. The toolkit builds its hosts from product, edge and region and has no base-URL setting; its
 * requests all pass through `request()`, whose options are got options, so a got `beforeRequest` hook moves
 * each one from https://<product>.twilio.com/<path> to <emulator>/<product>/<path>, the emulator's address
 * for that host. Nothing else of the toolkit changes (docs/decisions/0013-deploy-rehearsal.md).
 */
import { TwilioServerlessApiClient } from '@twilio-labs/serverless-api';
import type { ClientConfig } from '@twilio-labs/serverless-api';
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
