/**
 * The whole service under test: a fresh emulator plus the compiled functions served in-process by the
 * Serverless Toolkit's local server, wired together exactly as `npm start` wires them. Requests go
 * over HTTP, as Flex and Twilio send them.
 */
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { startFunctions, RunningServer } from '../../scripts/local-server';
import { contractViolations } from './contract';
import { DOMAIN_PREFIX } from '../../emulator/core/emulator';
import { deployThisBuild } from './deployed';
import { FunctionAnswer, functionAnswerViolations, tallyFunctionAnswers } from './function-contract';
import { startTestEmulator, TestEmulator } from './emulator';
import type { EmulatorOptions } from '../../emulator';

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export interface TestService {
  t: TestEmulator;
  url: string;
  env: Record<string, string>;
  get<T = unknown>(path: string, opts?: RequestOpts): Promise<HttpResult<T>>;
  post<T = unknown>(path: string, opts?: RequestOpts & { json?: unknown; form?: Record<string, string> }): Promise<HttpResult<T>>;
  /** A POST signed as Twilio signs webhooks (form-encoded); `signature` overrides it (forgery tests). */
  webhook<T = unknown>(path: string, params: Record<string, string>, signature?: string): Promise<HttpResult<T>>;
  /** `fetch` for clients of the service (the typed client): their answers are checked against the document too. */
  fetch(request: Request): Promise<Response>;
  /** A dev Flex token minted by the emulator. */
  flexToken(identity: string, roles?: string[], extra?: Record<string, unknown>): Promise<string>;
}

interface RequestOpts {
  query?: Record<string, string>;
  headers?: Record<string, string>;
  token?: string;
}

/** Notes a function's answer for the check against the document at the end of the file; the body as parsed. */
/** The function's path in a URL: what follows the emulator's domain prefix when the target is a deployed build. */
function functionPath(url: string): string {
  const path = new URL(url).pathname;
  if (!path.startsWith(DOMAIN_PREFIX)) return path;
  const rest = path.slice(DOMAIN_PREFIX.length);
  return rest.includes('/') ? rest.slice(rest.indexOf('/')) : '/';
}

function noteAnswer(answers: FunctionAnswer[], method: string, url: string, res: Response, text: string): unknown {
  const contentType = res.headers.get('content-type') ?? '';
  let body: unknown = text;
  if (contentType.includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  answers.push({
    method,
    path: functionPath(url),
    status: res.status,
    contentType,
    body,
    servedByLocalServer: res.headers.has('x-local-server'),
  });
  return body;
}

async function request<T>(url: string, init: RequestInit, answers: FunctionAnswer[]): Promise<HttpResult<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  const body = noteAnswer(answers, init.method ?? 'GET', url, res, text);
  return { status: res.status, headers: res.headers, text, body: body as T };
}

export const SERVICE_DEFAULTS: Record<string, string> = {
  TWILIO_PHONE_NUMBER: '+14155550111',
  TWILIO_FROM_NUMBER: '+14155550111',
  TWILIO_WHATSAPP_NUMBER: '+14155550111',
  SOFTPHONE_IDENTITY: 'softphone',
  API_USERNAME: 'softphone-api',
  API_PASSWORD: 'correct horse battery staple',
  JWT_SECRET: 'test-jwt-secret-0123456789abcdef',
};

export interface ServiceOptions {
  env?: Record<string, string>;
  emulator?: EmulatorOptions;
  /** The env `npm start` would build for this emulator, used instead of SERVICE_DEFAULTS. */
  localEnv?: (t: TestEmulator) => Promise<Record<string, string>>;
  /** Receives the local server's line per request. */
  log?: (line: string) => void;
}

/**
 * `SERVICE_TARGET=deployed`: each test file talks to this build deployed to its emulator by the Serverless
 * Toolkit's own deploy code and served by the emulator's Functions gateway (what `npm run deploy -- --emulator`
 * does), instead of the local server: the same tests, run against what ops would deploy.
 */
export const SERVICE_TARGET = process.env.SERVICE_TARGET === 'deployed' ? 'deployed' : 'local';

export function useService(opts: ServiceOptions = {}): () => TestService {
  let svc: TestService | undefined;
  let fns: RunningServer | undefined;
  // Every answer a function gives in this file, checked against the service's OpenAPI document at the end.
  const answers: FunctionAnswer[] = [];
  beforeAll(async () => {
    const t = await startTestEmulator(opts.emulator);
    const env: Record<string, string> = {
      ACCOUNT_SID: t.emu.accountSid,
      AUTH_TOKEN: t.emu.authToken,
      TWILIO_EMULATOR_URL: t.url,
      ...(opts.localEnv ? await opts.localEnv(t) : SERVICE_DEFAULTS),
      ...opts.env,
    };
    // Where requests go (`base`), and the address Twilio knows the functions by (`publicBase`): the one webhooks
    // are set to and signed for.
    let base: string;
    let publicBase: string;
    if (SERVICE_TARGET === 'deployed') {
      const { domain } = await deployThisBuild({ url: t.url, accountSid: t.emu.accountSid, authToken: t.emu.authToken }, env);
      base = `${t.url}${DOMAIN_PREFIX}${domain}`;
      publicBase = `https://${domain}`;
    } else {
      fns = await startFunctions({ env, log: opts.log });
      base = publicBase = fns.url;
    }
    // The sample numbers' webhooks must reach this run's functions.
    t.emu.functionsBaseUrl = publicBase;
    const numbers = await t.client.incomingPhoneNumbers.list();
    for (const n of numbers) {
      await t.client.incomingPhoneNumbers(n.sid).update({
        smsUrl: n.smsUrl.replace(/^https?:\/\/[^/]+/, publicBase),
        voiceUrl: n.voiceUrl.replace(/^https?:\/\/[^/]+/, publicBase),
      });
    }
    t.exchanges.length = 0;
    const withQuery = (path: string, query?: Record<string, string>): string =>
      `${base}${path}${query ? `?${new URLSearchParams(query).toString()}` : ''}`;
    const headersOf = (o?: RequestOpts): Record<string, string> => ({ ...(o?.headers ?? {}) });
    svc = {
      t,
      url: base,
      env,
      get: (path, o) => {
        const query = o?.token ? { ...(o.query ?? {}), Token: o.token } : o?.query;
        return request(withQuery(path, query), { headers: headersOf(o) }, answers);
      },
      post: (path, o) => {
        const headers = headersOf(o);
        let body: string | undefined;
        if (o?.form) {
          headers['Content-Type'] = 'application/x-www-form-urlencoded';
          body = new URLSearchParams({ ...o.form, ...(o.token ? { Token: o.token } : {}) }).toString();
        } else {
          headers['Content-Type'] = 'application/json';
          const json = (o?.json ?? {}) as Record<string, unknown>;
          body = JSON.stringify(o?.token ? { ...json, Token: o.token } : json);
        }
        return request(withQuery(path, o?.query), { method: 'POST', headers, body }, answers);
      },
      webhook: (path, params, signature) => {
        const sig = signature ?? getExpectedTwilioSignature(t.emu.authToken, `${publicBase}${path}`, params);
        return request(
          `${base}${path}`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': sig },
            body: new URLSearchParams(params).toString(),
          },
          answers,
        );
      },
      fetch: async (req) => {
        const res = await fetch(req);
        noteAnswer(answers, req.method, req.url, res, await res.clone().text());
        return res;
      },
      flexToken: async (identity, roles = ['agent'], extra = {}) => {
        const res = await t.control<{ token: string }>('POST', '/_emulator/flex-token', { identity, roles, ...extra });
        if (res.status !== 200) throw new Error(`flex-token: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body.token;
      },
    };
  });
  afterAll(async () => {
    // Let callbacks the emulator is still posting finish while both sides are up, then stop both.
    await svc?.t.emu.quiesce();
    await fns?.close();
    if (!svc) return;
    await svc.t.close();
    const problems = contractViolations(svc.t.exchanges);
    if (problems.length) throw new Error(`OpenAPI contract violations:\n${problems.join('\n')}`);
    const ours = functionAnswerViolations(answers);
    tallyFunctionAnswers(expect.getState().testPath ?? 'unknown', answers.length, ours.length);
    if (ours.length) throw new Error(`Answers that do not match the service's OpenAPI document:\n${ours.join('\n')}`);
  });
  return () => {
    if (!svc) throw new Error('service not started');
    return svc;
  };
}

/** Request-log counts of Twilio REST round trips made while `fn` ran. */
export async function roundTrips(s: TestService, fn: () => Promise<unknown>): Promise<number> {
  await s.t.control('DELETE', '/_emulator/requests');
  await fn();
  const log = await s.t.control<{ requests: { kind: string }[] }>('GET', '/_emulator/requests');
  return log.body.requests.filter((r) => r.kind === 'rest').length;
}
