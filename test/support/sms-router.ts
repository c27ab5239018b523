/**
 * The SMS router under test: callers with the seed's permissions, numbers pointed at the router's
 * webhook, inbound messages injected through the emulator, and what the router then reports.
 */
import jwt from 'jsonwebtoken';
import type { HttpResult, TestService } from './service';
import { buyIn, callerFor } from './platform';

export const ROUTER = '/api/v1/sms-router';

export interface RouterError {
  detail: string;
  error_code: string;
  status: 'error';
  timestamp: string;
}

export interface RouterCaller {
  get<T = Record<string, unknown>>(path: string, query?: Record<string, string>): Promise<HttpResult<T>>;
  post<T = Record<string, unknown>>(path: string, json?: Record<string, unknown>): Promise<HttpResult<T>>;
}

/** A bearer caller of the router's functions with these roles and permissions. */
export function routerCaller(
  s: TestService,
  sub: string,
  claims: { roles?: string[]; permissions?: string[] } = {},
): RouterCaller {
  const headers = (): Record<string, string> => ({
    Authorization: `Bearer ${jwt.sign({ sub, ...claims }, s.env.JWT_SECRET, { algorithm: 'HS256', expiresIn: 3600 })}`,
  });
  return {
    get: (path, query) => s.get(`${ROUTER}${path}`, { query, headers: headers() }),
    post: (path, json) => s.post(`${ROUTER}${path}`, { json: json ?? {}, headers: headers() }),
  };
}

export const admin = (s: TestService): RouterCaller => routerCaller(s, 'router-admin', { roles: ['admin'] });

/** A user who bought a number that routes its SMS through the router: their user id and the number. */
export async function routedNumber(s: TestService, sub: string, areaCode = '415'): Promise<{ userId: number; number: string }> {
  const bought = await buyIn(callerFor(s, sub), areaCode);
  const [n] = await s.t.client.incomingPhoneNumbers.list({ phoneNumber: bought.number });
  await s.t.client.incomingPhoneNumbers(n.sid).update({ smsUrl: `${s.url}${ROUTER}/webhook/sms`, smsMethod: 'POST' });
  return { userId: Number(bought.userId), number: bought.number };
}

export interface InboundAnswer {
  message_sid: string;
  twiml: string;
  replies: string[];
  errors: { code: number; message: string; url: string }[];
}

/** A handset texts one of the account's numbers (the emulator posts the signed webhook and runs its TwiML). */
export async function textFrom(s: TestService, from: string, to: string, body: string): Promise<InboundAnswer> {
  const r = await s.t.control<InboundAnswer>('POST', '/_emulator/inbound-sms', { From: from, To: to, Body: body });
  if (r.status !== 200) throw new Error(`inbound-sms: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Messages the account sent to a handset, oldest first. */
export async function sentTo(s: TestService, to: string): Promise<{ sid: string; body: string; status: string; from: string }[]> {
  const list = await s.t.client.messages.list({ to });
  return list.reverse().map((m) => ({ sid: m.sid, body: m.body, status: m.status, from: m.from }));
}
