/**
 * The one Twilio client factory. Real Twilio, or the local emulator when TWILIO_EMULATOR_URL is set,
 * through the SDK's supported seam: a custom `httpClient`.
 *
 * The http client also owns the retry policy: a short per-request timeout, retries with full jitter on
 * 429 and 503 (any method) and on connection failures (only where repeating cannot duplicate an effect),
 * and a bounded total sleep so a function stays inside its own deadline.
 */
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';
import type { ServiceEnv } from './env';

type TwilioSdk = typeof import('twilio');
export type TwilioClient = ReturnType<TwilioSdk>;

/**
 * The SDK is loaded on first use, not at module initialisation, so a function that answers without
 * Twilio (validation errors, TwiML-only webhooks) never pays for it on a cold start.
 */
function sdk(): TwilioSdk {
  return require('twilio') as TwilioSdk;
}

export interface RetryPolicy {
  timeoutMs: number;
  maxAttempts: number;
  baseDelayMs: number;
  maxTotalSleepMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { timeoutMs: 3000, maxAttempts: 3, baseDelayMs: 100, maxTotalSleepMs: 1500 };

const RETRY_STATUS = new Set([429, 503]);
/** Errors after which the request certainly did not reach Twilio: safe to repeat for any method. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
/** Errors after which it may have: repeat only reads and deletes. */
const MAYBE_SENT = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

function errorCode(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}

/** A POST that failed this way may have reached Twilio and acted: whether it did is unknown. */
export function isUnknownOutcome(err: unknown): boolean {
  const code = errorCode(err);
  return code !== undefined && MAYBE_SENT.has(code);
}

/** Full-jitter backoff, honouring a short Retry-After when Twilio sends one. */
function backoff(attempt: number, policy: RetryPolicy, retryAfter: string | undefined): number {
  const jitter = Math.random() * policy.baseDelayMs * 2 ** attempt;
  const after = retryAfter !== undefined ? Number(retryAfter) * 1000 : NaN;
  return Number.isFinite(after) && after >= 0 ? Math.max(after, jitter) : jitter;
}

export interface ServiceHttpClient extends RequestClient {
  readonly stats: { requests: number; retries: number; sleptMs: number };
  rewrite(uri: string): string;
}

let httpClientClass: (new (emulatorUrl: string | undefined, policy: RetryPolicy) => ServiceHttpClient) | undefined;

function serviceHttpClientClass(): new (emulatorUrl: string | undefined, policy: RetryPolicy) => ServiceHttpClient {
  if (httpClientClass) return httpClientClass;
  const Base = require('twilio/lib/base/RequestClient') as typeof RequestClient;
  httpClientClass = class extends Base implements ServiceHttpClient {
    /** Counts of what this client did, for benchmarks and tests. */
    readonly stats = { requests: 0, retries: 0, sleptMs: 0 };

    constructor(
      private readonly emulatorUrl: string | undefined,
      private readonly policy: RetryPolicy = DEFAULT_RETRY,
    ) {
      super({ timeout: policy.timeoutMs, keepAlive: true });
    }

    /** https://<product>.twilio.com/<path> -> <emulator>/<product>/<path> */
    rewrite(uri: string): string {
      if (!this.emulatorUrl) return uri;
      const m = /^https:\/\/([a-z0-9-]+)\.twilio\.com(\/.*)?$/.exec(uri);
      return m ? `${this.emulatorUrl}/${m[1]}${m[2] ?? '/'}` : uri;
    }

    override async request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
      const target = { ...opts, uri: this.rewrite(opts.uri), timeout: opts.timeout ?? this.policy.timeoutMs };
      const idempotent = opts.method.toUpperCase() !== 'POST';
      let slept = 0;
      for (let attempt = 0; ; attempt++) {
        this.stats.requests++;
        const last = attempt + 1 >= this.policy.maxAttempts;
        let outcome: { res: Response<TData> } | { err: unknown };
        let retryAfter: string | undefined;
        try {
          const res = await super.request(target);
          if (!RETRY_STATUS.has(res.statusCode) || last) return res;
          outcome = { res };
          retryAfter = (res.headers as Record<string, string | undefined> | undefined)?.['retry-after'];
        } catch (err) {
          const code = errorCode(err);
          const retryable = code !== undefined && (NOT_SENT.has(code) || (idempotent && MAYBE_SENT.has(code)));
          if (!retryable || last) throw err;
          outcome = { err };
        }
        const wait = Math.min(backoff(attempt, this.policy, retryAfter), this.policy.maxTotalSleepMs - slept);
        if (wait <= 0) {
          // Sleep budget spent: the caller sees the last answer rather than the function missing its deadline.
          if ('res' in outcome) return outcome.res;
          throw outcome.err;
        }
        slept += wait;
        this.stats.retries++;
        this.stats.sleptMs += wait;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  };
  return httpClientClass;
}

/** Shared by every function bundle loaded in the same process (each bundle inlines this module). */
const cache: Map<string, TwilioClient> = ((globalThis as { [k: symbol]: Map<string, TwilioClient> | undefined })[
  Symbol.for('twilio-client-cache')
] ??= new Map());

/** The Twilio client for this configuration; reused across warm invocations (keep-alive sockets). */
export function twilioClient(env: ServiceEnv, policy: RetryPolicy = DEFAULT_RETRY): TwilioClient {
  const { ACCOUNT_SID: sid, AUTH_TOKEN: token, TWILIO_EMULATOR_URL: emulator } = env;
  if (!sid || !token) throw new Error('ACCOUNT_SID and AUTH_TOKEN must be set');
  const key = `${sid}:${token}:${emulator ?? ''}:${JSON.stringify(policy)}`;
  let client = cache.get(key);
  if (!client) {
    const HttpClient = serviceHttpClientClass();
    client = sdk()(sid, token, { httpClient: new HttpClient(emulator?.replace(/\/$/, ''), policy) });
    cache.set(key, client);
  }
  return client;
}
