/**
 * The service under benchmark: an emulator (port 0, temp state dir) and the built functions served
 * in-process, wired as test/support/service.ts wires them, plus a client that speaks each scenario's
 * authentication and counts what the emulator saw.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { startEmulator } from '../../emulator';
import type { Emulator, RequestLogEntry } from '../../emulator';
import { twilioClient } from '../../src/lib/runtime/twilio-client';
import { startFunctions, RunningServer } from '../local-server';
import type { Params, Scenario } from './scenarios';

const REQUEST_TIMEOUT_MS = 10_000;

export const BENCH_ENV = {
  TWILIO_PHONE_NUMBER: '+14155550111',
  TWILIO_FROM_NUMBER: '+14155550111',
  TWILIO_WHATSAPP_NUMBER: '+14155550111',
  SOFTPHONE_IDENTITY: 'softphone',
  API_USERNAME: 'bench',
  API_PASSWORD: 'bench-password',
  JWT_SECRET: 'bench-secret',
} as const;

export interface CallResult {
  status: number;
  ms: number;
  /** The answer's body. */
  text: string;
}

export interface BenchService {
  functionsUrl: string;
  emulatorUrl: string;
  /** The emulator's credentials, for a Twilio client of the bench's own. */
  accountSid: string;
  authToken: string;
  /** One request for the scenario; `token` is the Flex token for `auth: 'flex'`. */
  call(s: Scenario, i: number, token?: string): Promise<CallResult>;
  flexToken(identity?: string): Promise<string>;
  clearLog(): Promise<void>;
  log(): Promise<RequestLogEntry[]>;
  close(): Promise<void>;
}

async function control<T>(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/**
 * The functions run in this process, so their event lines (`{"event":...}`, one per inbound message) would
 * land in the middle of the tables: they are dropped while the service runs, and counted.
 */
export function muteServiceEvents(): () => number {
  const log = console.log;
  let muted = 0;
  console.log = (...args: unknown[]): void => {
    if (typeof args[0] === 'string' && args[0].startsWith('{"event":')) muted++;
    else log(...args);
  };
  return () => {
    console.log = log;
    return muted;
  };
}

export async function startBenchService(): Promise<BenchService> {
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-emu-'));
  let emu: Emulator | undefined;
  let fns: RunningServer | undefined;
  const unmute = muteServiceEvents();
  const close = async (): Promise<void> => {
    await fns?.close();
    await emu?.close();
    rmSync(stateDir, { recursive: true, force: true });
    const muted = unmute();
    if (muted) console.log(`(${muted} event lines the service logged during the run were not printed)`);
  };
  try {
    emu = await startEmulator({ port: 0, stateDir, stepMs: 20 });
    const env: Record<string, string> = {
      ACCOUNT_SID: emu.accountSid,
      AUTH_TOKEN: emu.authToken,
      TWILIO_EMULATOR_URL: emu.baseUrl,
      ...BENCH_ENV,
    };
    fns = await startFunctions({ env });
    // The sample numbers' webhooks must reach this run's functions (their port is dynamic).
    emu.functionsBaseUrl = fns.url;
    const client = twilioClient(env);
    for (const n of await client.incomingPhoneNumbers.list()) {
      await client.incomingPhoneNumbers(n.sid).update({
        smsUrl: n.smsUrl.replace(/^https?:\/\/[^/]+/, fns.url),
        voiceUrl: n.voiceUrl.replace(/^https?:\/\/[^/]+/, fns.url),
      });
    }
  } catch (err) {
    await close();
    throw err;
  }
  const emuUrl = emu.baseUrl;
  const fnUrl = fns.url;
  const authToken = emu.authToken;
  const basic = `Basic ${Buffer.from(`${BENCH_ENV.API_USERNAME}:${BENCH_ENV.API_PASSWORD}`).toString('base64')}`;

  const call = async (s: Scenario, i: number, token?: string): Promise<CallResult> => {
    const base = s.target === 'emulator' ? emuUrl : fnUrl;
    const params: Params = { ...(s.input?.(i) ?? {}) };
    if (s.auth === 'flex') {
      if (!token) throw new Error(`${s.name}: a Flex token is required`);
      params.Token = token;
    }
    const headers: Record<string, string> = {};
    if (s.auth === 'basic') headers.Authorization = basic;
    let url = `${base}${s.path}`;
    let body: string | undefined;
    if (s.method === 'GET') {
      const q = new URLSearchParams(params).toString();
      if (q) url += `?${q}`;
    } else if (s.auth === 'webhook') {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      headers['X-Twilio-Signature'] = getExpectedTwilioSignature(authToken, url, params);
      body = new URLSearchParams(params).toString();
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(params);
    }
    const started = performance.now();
    const res = await fetch(url, { method: s.method, headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await res.text();
    return { status: res.status, ms: performance.now() - started, text };
  };

  return {
    functionsUrl: fnUrl,
    emulatorUrl: emuUrl,
    accountSid: emu.accountSid,
    authToken,
    call,
    flexToken: async (identity = 'bench-agent') => {
      const res = await control<{ token: string }>(emuUrl, 'POST', '/_emulator/flex-token', { identity, roles: ['agent'] });
      if (res.status !== 200) throw new Error(`flex-token: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token;
    },
    clearLog: async () => {
      await control(emuUrl, 'DELETE', '/_emulator/requests');
    },
    log: async () => (await control<{ requests: RequestLogEntry[] }>(emuUrl, 'GET', '/_emulator/requests')).body.requests,
    close,
  };
}
