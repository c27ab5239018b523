/**
 * The multi-user platform under test: the service with a TwiML App and an API key of the emulator (as
 * `npm start` provisions them), bearer tokens for seed 004's users, and the calls they make.
 */
import jwt from 'jsonwebtoken';
import { SERVICE_DEFAULTS, TestService, useService, ServiceOptions, HttpResult } from './service';
import type { TestEmulator } from './emulator';

/** The service with TWILIO_APP_SID / TWILIO_API_KEY / TWILIO_API_SECRET made in its emulator (and what `localEnv` adds). */
export function usePlatform(opts: ServiceOptions = {}): () => TestService {
  const s = useService({
    ...opts,
    localEnv: async (t: TestEmulator) => {
      const key = await t.client.newKeys.create({ friendlyName: 'platform tests' });
      // The Voice URL is set once the functions listen (pointAppAtService).
      const app = await t.client.applications.create({ friendlyName: 'Browser calls', voiceUrl: 'http://localhost/' });
      const extra = opts.localEnv ? await opts.localEnv(t) : {};
      return { ...SERVICE_DEFAULTS, TWILIO_APP_SID: app.sid, TWILIO_API_KEY: key.sid, TWILIO_API_SECRET: key.secret, ...extra };
    },
  });
  beforeAll(async () => {
    const svc = s();
    await svc.t.client.applications(svc.env.TWILIO_APP_SID).update({
      voiceUrl: `${svc.url}/api/twilio/voice`,
      voiceMethod: 'POST',
      statusCallback: `${svc.url}/webhooks/twilio/call-status`,
      statusCallbackMethod: 'POST',
    });
  });
  return s;
}

/** A seed 004 bearer token for user `sub`. */
export function bearer(s: TestService, sub: string): string {
  return jwt.sign({ sub }, s.env.JWT_SECRET, { algorithm: 'HS256', expiresIn: 3600 });
}

export interface PlatformError {
  success: false;
  error: string;
  message: string;
}

/** A caller of the /api/twilio functions with one user's bearer token. */
export interface PlatformCaller {
  get<T = Record<string, unknown>>(path: string, query?: Record<string, string>): Promise<HttpResult<T>>;
  post<T = Record<string, unknown>>(path: string, json?: Record<string, unknown>): Promise<HttpResult<T>>;
}

export function callerFor(s: TestService, sub: string): PlatformCaller {
  const headers = (): Record<string, string> => ({ Authorization: `Bearer ${bearer(s, sub)}` });
  return {
    get: (path, query) => s.get(path, { query, headers: headers() }),
    post: (path, json) => s.post(path, { json: json ?? {}, headers: headers() }),
  };
}

export interface NumberView {
  id: string;
  number: string;
  userId: string;
  status: string;
  callCount: number;
  twilioSid: string;
}

/** Buys a number in an area code for the caller (the first one Twilio offers there). */
export async function buyIn(caller: PlatformCaller, areaCode: string): Promise<NumberView> {
  const r = await caller.post<{ phoneNumber: NumberView }>('/api/twilio/buy-number', { areaCode });
  if (r.status !== 200) throw new Error(`buy-number: ${r.status} ${r.text}`);
  return r.body.phoneNumber;
}
