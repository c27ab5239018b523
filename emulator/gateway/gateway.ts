/**
 * The Functions gateway: serves each deployed environment's build at its domain as Twilio's gateway does.
 * In front of the runtime, in Twilio's order: a domain nothing is deployed to answers 404; methods other than
 * GET, POST and OPTIONS 405; a body over 1 MB 413; an unknown or private path 404; a protected route without a
 * valid X-Twilio-Signature 400, the function never run. Then the Serverless Toolkit's runtime runs the
 * uploaded code (runtimes.ts); no answer after 10 s is a 504 and the invocation's work is abandoned.
 * See docs/decisions/0014-serverless-gateway.md.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'http';
import type { Emulator } from '../core/emulator';
import { isServableRoute } from './build-folder';
import type { DeployedAsset, DeployedEnvironment, DeployedEnvironments, DeployedFunction } from './deployed-build';
import { answerHeaders, forwardedHeaders, hasValidSignature, leaksInternals, readBody, runtimeErrorMessage } from './http-edges';
import { InvocationFailed } from './runtime-process';
import { EnvironmentRuntimes } from './runtimes';

/** Twilio ends an invocation after 10 s. */
export const TIME_LIMIT_MS = 10_000;
const METHODS = new Set(['GET', 'POST', 'OPTIONS']);
/** Twilio's Functions domains: a request for one nothing is deployed to is the gateway's 404, not an API call. */
const FUNCTIONS_DOMAIN = /\.twil\.io$/;
/** Twilio's debugger error for an invocation that answered 5xx or not at all. */
const FUNCTION_ERROR = 82002;

interface Refusal {
  status: number;
  message: string;
  headers?: OutgoingHttpHeaders;
}

function refuse(res: ServerResponse, { status, message, headers = {} }: Refusal): void {
  const body = JSON.stringify({ status, message });
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/** The function or asset serving `path`; `/` is the asset at /assets/index.html, as on Twilio. */
function routeOf(env: DeployedEnvironment, path: string): DeployedFunction | DeployedAsset | undefined {
  const find = (p: string): DeployedFunction | DeployedAsset | undefined =>
    env.functions.find((f) => f.path === p) ?? env.assets.find((a) => a.path === p);
  const route = find(path) ?? (path === '/' ? find('/assets/index.html') : undefined);
  return route && route.visibility !== 'private' && isServableRoute(route.path) ? route : undefined;
}

function decodedPath(pathAndQuery: string): string | undefined {
  try {
    return decodeURIComponent(new URL(pathAndQuery, 'https://gateway').pathname);
  } catch {
    return undefined;
  }
}

export function registerGateway(emu: Emulator, deps: { deployments: DeployedEnvironments }): void {
  const runtimes = new EnvironmentRuntimes(
    (env) => ({
      ...env.variables,
      // Deployed functions reach Twilio's API; here that is this emulator, unless the environment says otherwise.
      TWILIO_EMULATOR_URL: env.variables.TWILIO_EMULATOR_URL ?? emu.baseUrl,
      ACCOUNT_SID: emu.accountSid,
      AUTH_TOKEN: emu.authToken,
      SERVICE_SID: env.serviceSid,
      ENVIRONMENT_SID: env.environmentSid,
    }),
    (domain) => (level, line) => (level === 'error' ? console.error : console.log)(`[${domain}] ${line}`),
  );
  emu.onReset(() => runtimes.retireAll());
  emu.onClose(() => runtimes.close());

  const invoke = async (
    req: IncomingMessage,
    env: DeployedEnvironment,
    pathAndQuery: string,
  ): Promise<Refusal | { status: number; headers: OutgoingHttpHeaders; body: Buffer }> => {
    const method = req.method ?? 'GET';
    if (!METHODS.has(method)) {
      req.resume();
      return {
        status: 405,
        message: `${method} is not supported: Functions answer GET, POST and OPTIONS`,
        headers: { Allow: 'GET, POST, OPTIONS' },
      };
    }
    const body = await readBody(req);
    if (body === undefined)
      return {
        status: 413,
        message: 'The request body is over 1 MB, the most Functions accept',
        headers: { Connection: 'close' },
      };
    const path = decodedPath(pathAndQuery);
    if (path === undefined) return { status: 400, message: 'The request path is not valid percent-encoding' };
    const route = routeOf(env, path);
    if (!route) return { status: 404, message: `${path} is not served by ${env.domainName}` };
    const url = `https://${env.domainName}${pathAndQuery}`;
    if (route.visibility === 'protected' && !hasValidSignature(emu.authToken, req, url, body)) {
      return { status: 400, message: 'The X-Twilio-Signature header is missing or does not match the request' };
    }
    try {
      const answer = await runtimes
        .runtimeFor(env)
        .invoke({ method, pathAndQuery, headers: forwardedHeaders(req.headers, env.domainName, body), body }, TIME_LIMIT_MS);
      if (answer.status >= 500)
        emu.reportError({
          method,
          url,
          status: answer.status,
          code: FUNCTION_ERROR,
          message: 'Error on Twilio Function response',
        });
      if (!leaksInternals(answer, runtimes.folder))
        return { status: answer.status, headers: answerHeaders(answer), body: answer.body };
      console.error(`[${env.domainName}] ${path} failed: ${runtimeErrorMessage(answer)}`);
      return { status: 500, message: 'The function failed: see the emulator log' };
    } catch (err) {
      if (!(err instanceof InvocationFailed)) throw err;
      const status = err.reason === 'timeout' ? 504 : 500;
      emu.reportError({
        method,
        url,
        status,
        code: FUNCTION_ERROR,
        message: `Error on Twilio Function response: ${err.message}`,
      });
      if (err.reason === 'runtime') console.error(`[${env.domainName}] ${path}: ${err.message}`);
      return err.reason === 'timeout'
        ? { status, message: 'The function did not answer within 10 seconds' }
        : { status, message: 'The function runtime failed: see the emulator log' };
    }
  };

  emu.useGateway({
    serves: (hostname) => FUNCTIONS_DOMAIN.test(hostname) || deps.deployments.byDomain(hostname) !== undefined,
    async answer(req, res, domain, pathAndQuery) {
      try {
        const env = deps.deployments.byDomain(domain);
        if (!env) {
          req.resume();
          return refuse(res, { status: 404, message: `Nothing is deployed to ${domain}` });
        }
        const outcome = await invoke(req, env, pathAndQuery);
        if ('message' in outcome) return refuse(res, outcome);
        res.writeHead(outcome.status, outcome.headers);
        res.end(outcome.body);
      } catch (err) {
        console.error(`[gateway] ${domain}: ${err instanceof Error ? err.message : String(err)}`);
        if (!res.headersSent) refuse(res, { status: 500, message: 'The gateway failed to handle the request' });
        else res.end();
      }
    },
  });
}
