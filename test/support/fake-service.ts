/**
 * A tiny stand-in for the service in the calls tests: serves TwiML documents by path and records
 * every request the emulator makes to it (status callbacks, TwiML fetches, actions), checking each
 * X-Twilio-Signature with the twilio library's own validator.
 */
import { createServer, IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { validateRequest } from 'twilio';
import { eventually, TestEmulator } from './emulator';

export interface Hit {
  method: string;
  path: string;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  signatureValid: boolean;
}

export type Answer = string | { status?: number; contentType?: string; body?: string };
type Route = (params: Record<string, string>, hit: Hit) => Answer;

export class FakeService {
  readonly hits: Hit[] = [];
  private readonly routes = new Map<string, Route>();
  private server: Server | undefined;
  url = '';

  constructor(private readonly authToken: string) {}

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Answers requests to `path` with TwiML (or what `route` returns). */
  on(path: string, route: Route | Answer): string {
    this.routes.set(path, typeof route === 'function' ? route : () => route);
    return `${this.url}${path}`;
  }

  hitsTo(path: string): Hit[] {
    return this.hits.filter((h) => h.path === path);
  }

  /** Waits for the `count`-th request to `path` (and returns them all). */
  waitFor(path: string, count = 1, timeoutMs = 5000): Promise<Hit[]> {
    return eventually(() => {
      const hits = this.hitsTo(path);
      return hits.length >= count ? hits : undefined;
    }, timeoutMs);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const params: Record<string, string> = {};
    const source = method === 'GET' ? url.searchParams : new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    for (const [k, v] of source) params[k] = v;
    const signature = String(req.headers['x-twilio-signature'] ?? '');
    const fullUrl = `${this.url}${req.url ?? '/'}`;
    const hit: Hit = {
      method,
      path: url.pathname,
      params,
      headers: req.headers,
      signatureValid: validateRequest(this.authToken, signature, fullUrl, method === 'GET' ? {} : params),
    };
    this.hits.push(hit);
    const route = this.routes.get(url.pathname);
    const answer: Answer = route ? route(params, hit) : { status: 200, contentType: 'text/plain', body: 'ok' };
    const a = typeof answer === 'string' ? { body: answer } : answer;
    res.writeHead(a.status ?? 200, { 'Content-Type': a.contentType ?? 'text/xml' });
    res.end(a.body ?? '');
  }
}

export const twiml = (inner: string): string => `<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`;

/** The engine's view of a call (`GET /_emulator/calls/{CallSid}`). */
export interface CallView {
  call_sid: string;
  status: string;
  direction: string;
  duration: number | null;
  elapsed_seconds: number;
  start_time: string | null;
  end_time: string | null;
  waiting: { kind: string; legs?: string[] } | null;
  verbs: ({ verb: string } & Record<string, unknown>)[];
  errors: { code: number; message: string; url: string | null }[];
  notes: string[];
  recordings: { sid: string; source: string; status: string; duration: number | null; media_url: string }[];
  children: { call_sid: string; to: string; status: string; duration: number | null }[];
}

interface ControlClient {
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

const FINAL = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

export async function callView(t: ControlClient, sid: string): Promise<CallView> {
  const r = await t.control<CallView>('GET', `/_emulator/calls/${sid}`);
  if (r.status !== 200) throw new Error(`control view of ${sid}: HTTP ${r.status}`);
  return r.body;
}

/** Polls the engine's view until `check` holds. */
export function untilView(t: ControlClient, sid: string, check: (v: CallView) => boolean, timeoutMs = 5000): Promise<CallView> {
  return eventually(async () => {
    const v = await callView(t, sid);
    return check(v) ? v : undefined;
  }, timeoutMs);
}

/** Waits until the call has ended. */
export function untilDone(t: ControlClient, sid: string, timeoutMs = 5000): Promise<CallView> {
  return untilView(t, sid, (v) => FINAL.has(v.status), timeoutMs);
}

/**
 * Jest lifecycle: a fake service for the file, and after each test the check that every request the
 * emulator made to it carried a valid Twilio signature.
 */
export function useFakeService(t: () => TestEmulator): () => FakeService {
  let svc: FakeService | undefined;
  beforeAll(async () => {
    svc = await new FakeService(t().emu.authToken).start();
  });
  afterAll(async () => {
    await svc?.close();
  });
  afterEach(() => {
    expect(svc?.hits.filter((h) => !h.signatureValid)).toEqual([]);
  });
  return () => {
    if (!svc) throw new Error('fake service not started');
    return svc;
  };
}
