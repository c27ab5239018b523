/**
 * A small router for the emulator: `{Name}` path parameters, Twilio basic auth, Twilio error bodies.
 */
import type { IncomingHttpHeaders } from 'http';
import { Params, TwilioApiError } from './wire';

export interface EmuRequest {
  method: string;
  /** Path without the query string, e.g. /api/2010-04-01/Accounts/AC.../Messages.json */
  path: string;
  query: Params;
  /** Form body (application/x-www-form-urlencoded), as Twilio's SDKs send it. */
  form: Params;
  /** JSON body, for the control API and the IAM endpoint. */
  json: unknown;
  /** The body's bytes as sent (multipart uploads). */
  body: Buffer;
  headers: IncomingHttpHeaders;
  params: Record<string, string>;
}

export interface EmuReply {
  status: number;
  /** JSON body; omitted for 204. */
  body?: unknown;
  /** Raw body with its content type (TwiML, audio). */
  raw?: { contentType: string; data: string | Buffer };
  headers?: Record<string, string>;
}

export type Handler = (req: EmuRequest) => EmuReply | Promise<EmuReply>;

export interface RouteOptions {
  /** Twilio basic auth with the account's credentials (default true; the control API sets false). */
  auth?: boolean;
  /** Largest body the route reads (default 1 MiB, Twilio's API limit); uploads take more. */
  maxBodyBytes?: number;
}

const DEFAULT_MAX_BODY_BYTES = 1_048_576;

interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  names: string[];
  handler: Handler;
  auth: boolean;
  maxBodyBytes: number;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): EmuReply => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler, options: RouteOptions = {}): void {
    const names: string[] = [];
    const source = pattern
      .split(/(\{[A-Za-z]+\})/)
      .map((part) => {
        const m = /^\{([A-Za-z]+)\}$/.exec(part);
        if (m) {
          names.push(m[1]);
          return '([^/]+?)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    this.routes.push({
      method,
      pattern,
      regex: new RegExp(`^${source}$`),
      names,
      handler,
      auth: options.auth ?? true,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    });
  }

  /** The route for a request, or why there is none (404 vs 405). */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | 'not-found' | 'method' {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
      return { route, params };
    }
    return pathMatched ? 'method' : 'not-found';
  }
}

export function checkBasicAuth(
  headers: IncomingHttpHeaders,
  accountSid: string,
  authToken: string,
  pathAccountSid: string | undefined,
): void {
  const header = headers.authorization ?? '';
  const m = /^Basic\s+(.+)$/i.exec(header);
  const [user, pass] = m ? Buffer.from(m[1], 'base64').toString('utf8').split(':') : [];
  if (user !== accountSid || pass !== authToken) {
    throw new TwilioApiError(401, 20003, 'Authenticate');
  }
  if (pathAccountSid !== undefined && pathAccountSid !== accountSid) {
    throw new TwilioApiError(404, 20404, `The requested resource was not found`);
  }
}
