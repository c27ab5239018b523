/**
 * The local Twilio: one HTTP server, every product under a path prefix named after its Twilio host
 * (`/api/2010-04-01/...` is https://api.twilio.com/2010-04-01/..., `/sync/v1/...` is https://sync.twilio.com/v1/...),
 * and the control API under `/_emulator/`.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { Faults } from './faults';
import { checkBasicAuth, EmuReply, EmuRequest, json, Router } from './router';
import { EmulatorState } from './state';
import { parseParams, TwilioApiError } from './wire';
import { newIdempotencyToken, signedRequest, WebhookLogger, WebhookResult } from './webhooks';

export const DEFAULT_ACCOUNT_SID = 'AC00000000000000000000000000000000';
export const DEFAULT_AUTH_TOKEN = 'emulator-auth-token-0000000000000';

export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** Where state persists across restarts; none keeps it in memory only. */
  stateDir?: string;
  accountSid?: string;
  authToken?: string;
  /** Base URL of the service's functions: the sample numbers' webhooks point there. */
  functionsBaseUrl?: string;
  /** Milliseconds between lifecycle steps (queued -> sent -> delivered, ringing -> in-progress ...). */
  stepMs?: number;
  /** Test hook: every answer of an emulated Twilio API, for contract checks. */
  onExchange?: (exchange: Exchange) => void;
}

export interface Exchange {
  method: string;
  /** Twilio host the SDK addressed, e.g. api.twilio.com */
  host: string;
  /** Path on that host, e.g. /2010-04-01/Accounts/AC.../Messages.json */
  path: string;
  status: number;
  body: unknown;
}

export interface RequestLogEntry {
  at: string;
  /**
   * `rest`: a call into an emulated Twilio API; `webhook`: a request the emulator made to the service;
   * `error`: what Twilio's debugger would show about a webhook's answer (11200, 12100, 12300 ...).
   */
  kind: 'rest' | 'webhook' | 'error';
  method: string;
  host: string;
  path: string;
  status: number;
  duration_ms: number;
  error_code?: number;
  error_message?: string;
}

const CONTROL_PREFIX = '/_emulator';
/** `/_emulator/domains/<domain_name>/<path>`: a deployed domain from a browser, which cannot set the Host header. */
export const DOMAIN_PREFIX = `${CONTROL_PREFIX}/domains/`;

/**
 * Answers for hosts that are not Twilio's APIs: the Functions gateway serving deployed builds
 * (emulator/gateway/). The emulator hands it every request for a domain it serves, by Host header or
 * under DOMAIN_PREFIX, and the webhooks the emulator sends to such a domain.
 */
export interface DomainGateway {
  /** Whether requests for `hostname` (lowercase, no port) are the gateway's. */
  serves(hostname: string): boolean;
  /** Answers one request; `pathAndQuery` is what the client asked of `domain`, e.g. /api/x?y=1. */
  answer(req: IncomingMessage, res: ServerResponse, domain: string, pathAndQuery: string): Promise<void>;
}

function splitUrl(url: string): { host: string; path: string } {
  try {
    const u = new URL(url);
    return { host: u.host, path: u.pathname };
  } catch {
    return { host: '', path: url }; // an invalid URL is logged as given
  }
}
const MAX_LOG = 5000;

export class Emulator {
  readonly router = new Router();
  readonly faults = new Faults();
  readonly state: EmulatorState;
  readonly accountSid: string;
  readonly authToken: string;
  readonly stepMs: number;
  functionsBaseUrl: string;
  private server: Server | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly requestLog: RequestLogEntry[] = [];
  private readonly resetHooks: (() => void)[] = [];
  private readonly closeHooks: (() => Promise<void>)[] = [];
  private gateway: DomainGateway | undefined;
  private url = '';
  private closed = false;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly options: EmulatorOptions = {}) {
    this.state = new EmulatorState(options.stateDir);
    this.accountSid = options.accountSid ?? DEFAULT_ACCOUNT_SID;
    this.authToken = options.authToken ?? DEFAULT_AUTH_TOKEN;
    this.stepMs = options.stepMs ?? 250;
    this.functionsBaseUrl = (options.functionsBaseUrl ?? 'http://localhost:3000').replace(/\/$/, '');
    this.registerControl();
  }

  /** The emulator's own base URL once listening, e.g. http://127.0.0.1:3001 */
  get baseUrl(): string {
    return this.url;
  }

  async listen(): Promise<string> {
    this.state.ready();
    const server = createServer((req, res) => void this.handle(req, res));
    server.keepAliveTimeout = 5000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 3001, this.options.host ?? '127.0.0.1', () => resolve());
    });
    const addr = server.address() as AddressInfo;
    this.url = `http://${this.options.host ?? '127.0.0.1'}:${addr.port}`;
    return this.url;
  }

  /**
   * Stops starting new work (timers, callbacks) and waits, at most `maxMs`, for requests the emulator
   * is making to the service, which may still need the emulator's APIs to finish.
   */
  async quiesce(maxMs = 5000): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const cap = new Promise<void>((r) => setTimeout(r, maxMs).unref());
    await Promise.race([Promise.allSettled([...this.inFlight]), cap]);
  }

  async close(): Promise<void> {
    await this.quiesce();
    for (const hook of this.closeHooks) await hook();
    this.state.flush();
    const server = this.server;
    this.server = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** Runs `fn` after `ms` unless the emulator closes first. */
  schedule(ms: number, fn: () => void | Promise<void>): void {
    if (this.closed) return; // work still in flight at close must not outlive the emulator
    const t = setTimeout(() => {
      this.timers.delete(t);
      Promise.resolve()
        .then(fn)
        .catch((err: unknown) => console.error('[emulator] scheduled task failed:', err));
    }, ms);
    this.timers.add(t);
  }

  /** A product registers what it must forget on `POST /_emulator/reset` beyond its state slice. */
  onReset(hook: () => void): void {
    this.resetHooks.push(hook);
  }

  /** Something to stop when the emulator closes, after the webhooks still in flight finished. */
  onClose(hook: () => Promise<void>): void {
    this.closeHooks.push(hook);
  }

  /** From now on, requests and webhooks for the domains `gateway` serves go to it. */
  useGateway(gateway: DomainGateway): void {
    this.gateway = gateway;
  }

  /**
   * A signed request to the service, as Twilio makes it; logged in the request log. A retry of an
   * earlier webhook passes that webhook's `idempotencyToken`; anything else gets a new one.
   */
  webhook(
    url: string,
    params: Record<string, string>,
    method: 'POST' | 'GET' = 'POST',
    idempotencyToken = newIdempotencyToken(),
  ): Promise<WebhookResult> {
    const request = this.sendWebhook(url, params, method, idempotencyToken);
    this.inFlight.add(request);
    void request.finally(() => this.inFlight.delete(request));
    return request;
  }

  /** Logs an error Twilio would report about a webhook's answer; `status` is the HTTP status it answered. */
  reportError(e: { method: string; url: string; status: number; code: number; message: string }): void {
    const { host, path } = splitUrl(e.url);
    this.log({
      kind: 'error',
      method: e.method,
      host,
      path,
      status: e.status,
      duration_ms: 0,
      error_code: e.code,
      error_message: e.message,
    });
  }

  private sendWebhook(
    url: string,
    params: Record<string, string>,
    method: 'POST' | 'GET',
    idempotencyToken: string,
  ): Promise<WebhookResult> {
    const log: WebhookLogger = (e) => {
      const { host, path } = splitUrl(e.url);
      this.log({ kind: 'webhook', method: e.method, host, path, status: e.status, duration_ms: e.duration_ms });
    };
    const alias = this.domainUrlOf(url);
    if (alias) return signedRequest(this.authToken, alias, params, method, log, idempotencyToken, undefined, url);
    return signedRequest(this.authToken, url, params, method, log, idempotencyToken, undefined, this.loopbackUrl(url));
  }

  /**
   * A webhook set to this emulator's own address of a deployed domain (`<emulator>/_emulator/domains/<domain>/x`,
   * the form `npm run deploy -- --emulator` prints) stands for https://<domain>/x: it is signed for that URL, the
   * one the deployed function checks, as Twilio would sign a webhook to the domain itself.
   */
  private domainUrlOf(url: string): string | undefined {
    if (!this.gateway || !this.url || !url.startsWith(`${this.url}${DOMAIN_PREFIX}`)) return undefined;
    const rest = url.slice(`${this.url}${DOMAIN_PREFIX}`.length);
    const end = rest.search(/[/?]/);
    if (end <= 0) return undefined;
    return `https://${rest.slice(0, end).toLowerCase()}${rest.slice(end)}`;
  }

  /**
   * Where a webhook to a deployed domain really goes: this server, under DOMAIN_PREFIX. It stays signed for
   * its https://<domain>/ URL, as Twilio signs it, so the gateway's and the function's checks pass.
   */
  private loopbackUrl(url: string): string | undefined {
    if (!this.gateway || !this.url) return undefined;
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return undefined;
    }
    const hostname = target.hostname.toLowerCase();
    if (!this.gateway.serves(hostname)) return undefined;
    return `${this.url}${DOMAIN_PREFIX}${hostname}${target.pathname}${target.search}`;
  }

  /** The deployed domain a request is for, by the path prefix or the Host header (`<domain>.localhost` too). */
  private domainRequest(req: IncomingMessage): { domain: string; pathAndQuery: string } | undefined {
    if (!this.gateway) return undefined;
    const url = req.url ?? '/';
    if (url.startsWith(DOMAIN_PREFIX)) {
      const rest = url.slice(DOMAIN_PREFIX.length);
      const end = rest.search(/[/?]/);
      const domain = (end < 0 ? rest : rest.slice(0, end)).toLowerCase();
      const tail = end < 0 ? '' : rest.slice(end);
      return { domain, pathAndQuery: tail.startsWith('/') ? tail : `/${tail}` };
    }
    const host = (req.headers.host ?? '')
      .toLowerCase()
      .replace(/:\d+$/, '')
      .replace(/\.localhost$/, '');
    return host && this.gateway.serves(host) ? { domain: host, pathAndQuery: url } : undefined;
  }

  private log(entry: Omit<RequestLogEntry, 'at'>): void {
    this.requestLog.push({ at: new Date().toISOString(), ...entry });
    if (this.requestLog.length > MAX_LOG) this.requestLog.splice(0, this.requestLog.length - MAX_LOG);
  }

  private registerControl(): void {
    const r = this.router;
    const open = { auth: false };
    r.add('GET', `${CONTROL_PREFIX}/requests`, () => json(200, { requests: this.requestLog }), open);
    r.add(
      'DELETE',
      `${CONTROL_PREFIX}/requests`,
      () => {
        this.requestLog.length = 0;
        return { status: 204 };
      },
      open,
    );
    r.add('GET', `${CONTROL_PREFIX}/faults`, () => json(200, { faults: this.faults.list() }), open);
    r.add(
      'POST',
      `${CONTROL_PREFIX}/faults`,
      (req) => {
        const f = this.faults.add(req.json as Parameters<Faults['add']>[0]);
        const { test: _t, ...rest } = f;
        return json(201, rest);
      },
      open,
    );
    r.add(
      'DELETE',
      `${CONTROL_PREFIX}/faults`,
      () => {
        this.faults.clear();
        return { status: 204 };
      },
      open,
    );
    r.add(
      'POST',
      `${CONTROL_PREFIX}/reset`,
      () => {
        for (const t of this.timers) clearTimeout(t);
        this.timers.clear();
        this.faults.clear();
        this.requestLog.length = 0;
        this.state.reset();
        for (const hook of this.resetHooks) hook();
        return json(200, { reset: true });
      },
      open,
    );
    r.add(
      'GET',
      `${CONTROL_PREFIX}/health`,
      () => json(200, { status: 'ok', account_sid: this.accountSid, functions_base_url: this.functionsBaseUrl }),
      open,
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const forDomain = this.domainRequest(req);
    if (forDomain && this.gateway) return this.gateway.answer(req, res, forDomain.domain, forDomain.pathAndQuery);
    const started = Date.now();
    const rawUrl = new URL(req.url ?? '/', 'http://emulator');
    const path = rawUrl.pathname;
    const method = req.method ?? 'GET';
    const isControl = path.startsWith(`${CONTROL_PREFIX}/`);
    const [, product = '', ...rest] = path.split('/');
    const host = isControl ? 'emulator' : `${product}.twilio.com`;
    const realPath = isControl ? path : `/${rest.join('/')}`;
    let reply: EmuReply;
    try {
      const matched = this.router.match(method, path);
      if (typeof matched === 'string') {
        // Twilio authenticates before it routes: without valid credentials every path is 401, known or not.
        if (!isControl) checkBasicAuth(req.headers, this.accountSid, this.authToken, undefined);
        if (matched === 'not-found') throw new TwilioApiError(404, 20404, `The requested resource ${realPath} was not found`);
        throw new TwilioApiError(405, 20004, `Method not allowed`);
      }
      // Credentials first: a body (up to an upload's size) is read only for a caller who may send it.
      if (matched.route.auth) {
        checkBasicAuth(req.headers, this.accountSid, this.authToken, matched.params.AccountSid);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > matched.route.maxBodyBytes) throw new TwilioApiError(413, 20001, 'Request body too large');
        chunks.push(chunk as Buffer);
      }
      const body = Buffer.concat(chunks);
      const text = body.toString('utf8');
      const contentType = req.headers['content-type'] ?? '';
      let parsedJson: unknown;
      if (contentType.includes('application/json') && text) {
        try {
          parsedJson = JSON.parse(text);
        } catch {
          throw new TwilioApiError(400, 20001, 'Invalid JSON body');
        }
      }
      if (!isControl) await this.faults.apply(method, path);
      const emuReq: EmuRequest = {
        method,
        path,
        query: parseParams(rawUrl.search.slice(1)),
        form: contentType.includes('application/x-www-form-urlencoded') ? parseParams(text) : {},
        json: parsedJson,
        body,
        headers: req.headers,
        params: matched.params,
      };
      reply = await matched.route.handler(emuReq);
    } catch (err) {
      if (err instanceof TwilioApiError) {
        reply = json(err.status, err.body());
      } else {
        console.error('[emulator] unexpected error:', err);
        reply = json(500, new TwilioApiError(500, 20500, 'Internal Server Error').body());
      }
    }
    this.send(res, reply);
    if (!isControl) {
      this.log({ kind: 'rest', method, host, path: realPath, status: reply.status, duration_ms: Date.now() - started });
      this.options.onExchange?.({ method, host, path: realPath, status: reply.status, body: reply.body });
    }
  }

  private send(res: ServerResponse, reply: EmuReply): void {
    const headers: Record<string, string> = { ...(reply.headers ?? {}) };
    let data: string | Buffer = '';
    if (reply.raw) {
      headers['Content-Type'] = reply.raw.contentType;
      data = reply.raw.data;
    } else if (reply.body !== undefined && reply.status !== 204) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
      data = JSON.stringify(reply.body);
    }
    res.writeHead(reply.status, headers);
    res.end(data);
  }
}
