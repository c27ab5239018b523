/**
 * Hostile input for every function the build serves: the routes come from the built functions (as Twilio
 * derives them), each function's fields from FUZZ_TABLE, so a function missing from the table is a failing
 * test rather than a function nobody fuzzes. Values are strings of every awkward kind and, in every field,
 * objects, arrays and prototype-shaped values, sent as JSON, as repeated or bracketed form and query keys,
 * with the runtime's own names (`request`, `__proto__`) among the keys. Seeded: a failure can be replayed.
 */
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { routesFrom } from '../../scripts/local-server';
import type { HttpResult, TestService } from './service';

export type Caller = 'flex' | 'basic' | 'webhook' | 'public';

export interface FuzzTarget {
  path: string;
  method: 'GET' | 'POST';
  caller: Caller;
  fields: string[];
  /** Keys of the endpoint's JSON error body (TwiML answers are checked for a <Response>). */
  errorKeys: string[];
  /** Keys of its 400 body, when the seed gives bad input another shape. */
  badInputKeys?: string[];
}

type Entry = Omit<FuzzTarget, 'path'>;

const plugin = ['error'];
const softphone = ['error'];
const phone = ['detail'];
const platform = ['success', 'error', 'message'];
const router = ['detail', 'error_code', 'status', 'timestamp'];
const inboundSms = ['MessageSid', 'From', 'To', 'Body'];

/** Every function's declared inputs and error shape, by route. */
export const FUZZ_TABLE: Record<string, Entry> = {
  '/api': { method: 'GET', caller: 'public', fields: [], errorKeys: plugin },
  '/console': { method: 'GET', caller: 'public', fields: [], errorKeys: plugin },
  '/docs': { method: 'GET', caller: 'public', fields: [], errorKeys: plugin },
  '/api/twilio/access-token': { method: 'GET', caller: 'flex', fields: ['ttl'], errorKeys: platform },
  '/api/twilio/my-numbers': { method: 'GET', caller: 'flex', fields: [], errorKeys: platform },
  '/api/twilio/available-numbers': {
    method: 'GET',
    caller: 'flex',
    fields: ['areaCode', 'country', 'limit', 'type', 'contains', 'capabilities'],
    errorKeys: platform,
  },
  '/api/twilio/buy-number': {
    method: 'POST',
    caller: 'flex',
    fields: ['phoneNumber', 'areaCode', 'country', 'websiteId', 'idempotency_key'],
    errorKeys: platform,
  },
  '/api/twilio/my-numbers/update': { method: 'POST', caller: 'flex', fields: ['id', 'websiteId', 'status'], errorKeys: platform },
  '/api/twilio/my-numbers/release': { method: 'POST', caller: 'flex', fields: ['id'], errorKeys: platform },
  '/api/twilio/call-logs': {
    method: 'GET',
    caller: 'flex',
    fields: ['page', 'limit', 'status', 'phoneNumberId'],
    errorKeys: platform,
  },
  '/api/twilio/call-logs/detail': { method: 'GET', caller: 'flex', fields: ['callSid'], errorKeys: platform },
  '/api/twilio/recordings': {
    method: 'GET',
    caller: 'flex',
    fields: ['page', 'limit', 'callSid', 'phoneNumberId'],
    errorKeys: platform,
  },
  '/api/twilio/recordings/by-call': { method: 'GET', caller: 'flex', fields: ['callSid'], errorKeys: platform },
  '/api/twilio/recordings/delete': { method: 'POST', caller: 'flex', fields: ['recordingSid'], errorKeys: platform },
  '/api/twilio/voice': {
    method: 'POST',
    caller: 'webhook',
    fields: ['CallSid', 'From', 'To', 'CallStatus', 'callerId', 'record', 'DialCallStatus', 'DialCallDuration'],
    errorKeys: platform,
  },
  '/admin/reconcile': { method: 'POST', caller: 'flex', fields: ['window_minutes'], errorKeys: platform },
  '/api/admin/health': { method: 'GET', caller: 'flex', fields: [], errorKeys: platform },
  '/api/admin/usage': { method: 'GET', caller: 'flex', fields: ['from', 'to', 'granularity'], errorKeys: platform },
  '/api/admin/users': { method: 'GET', caller: 'flex', fields: ['page', 'limit', 'sort', 'month'], errorKeys: platform },
  '/api/admin/revenue': { method: 'GET', caller: 'flex', fields: ['month'], errorKeys: platform },
  '/api/admin/reconcile': { method: 'GET', caller: 'flex', fields: ['month'], errorKeys: platform },
  '/api/twilio/usage': { method: 'GET', caller: 'flex', fields: ['month'], errorKeys: platform },
  '/api/twilio/billing': { method: 'GET', caller: 'flex', fields: ['months'], errorKeys: platform },
  '/api/admin/rates': { method: 'GET', caller: 'flex', fields: [], errorKeys: platform },
  '/api/admin/rates/update': {
    method: 'POST',
    caller: 'flex',
    fields: [
      'phoneNumberMonthly',
      'outboundCallPerMinute',
      'inboundCallPerMinute',
      'recordingPerMinute',
      'smsPerSegment',
      'effectiveAt',
    ],
    errorKeys: platform,
  },
  '/api/admin/spending-limits/update': { method: 'POST', caller: 'flex', fields: ['userId', 'limit'], errorKeys: platform },
  '/api/call-location-name': {
    method: 'GET',
    caller: 'flex',
    fields: ['phone_number'],
    errorKeys: plugin,
    badInputKeys: ['location', 'friendly_name'],
  },
  '/api/call-logs': { method: 'GET', caller: 'flex', fields: [], errorKeys: plugin },
  '/api/task-logs': { method: 'GET', caller: 'flex', fields: [], errorKeys: plugin },
  '/api/sms-logs': { method: 'GET', caller: 'flex', fields: [], errorKeys: plugin },
  '/api/send-sms': { method: 'POST', caller: 'flex', fields: ['to', 'from', 'body', 'idempotency_key'], errorKeys: plugin },
  '/api/receive-sms': {
    method: 'POST',
    caller: 'webhook',
    fields: ['From', 'To', 'Body', 'MessageSid'],
    errorKeys: ['status', 'message'],
  },
  '/api/call': { method: 'POST', caller: 'basic', fields: ['to', 'whatsapp', 'idempotency_key'], errorKeys: softphone },
  '/api/message': {
    method: 'POST',
    caller: 'basic',
    fields: ['to', 'message', 'type', 'media_url', 'idempotency_key'],
    errorKeys: softphone,
  },
  '/webhook/incoming-call': {
    method: 'POST',
    caller: 'webhook',
    fields: ['CallSid', 'To', 'From', 'DialCallStatus', 'RecordingUrl'],
    errorKeys: softphone,
  },
  '/webhook/incoming-message': {
    method: 'POST',
    caller: 'webhook',
    fields: ['MessageSid', 'From', 'To', 'Body', 'NumMedia', 'ProfileName', 'MediaUrl0', 'MediaContentType0'],
    errorKeys: softphone,
  },
  '/phone/call': { method: 'POST', caller: 'flex', fields: ['to_number', 'twiml_url', 'idempotency_key'], errorKeys: phone },
  '/phone/call-status': { method: 'GET', caller: 'flex', fields: ['call_sid'], errorKeys: phone },
  '/phone/calls': { method: 'GET', caller: 'flex', fields: ['limit'], errorKeys: phone },
  '/phone/health': { method: 'GET', caller: 'public', fields: [], errorKeys: phone },
  '/phone/default-twiml': { method: 'POST', caller: 'webhook', fields: [], errorKeys: phone },
  '/webhooks/twilio/call-status': {
    method: 'POST',
    caller: 'webhook',
    fields: ['CallSid', 'CallStatus', 'CallDuration', 'SequenceNumber', 'Timestamp', 'Price', 'PriceUnit', 'From', 'To'],
    errorKeys: platform,
  },
  '/webhooks/twilio/recording-status': {
    method: 'POST',
    caller: 'webhook',
    fields: ['RecordingSid', 'CallSid', 'RecordingStatus', 'RecordingDuration', 'RecordingUrl', 'RecordingChannels', 'Price'],
    errorKeys: platform,
  },
  '/api/v1/sms-router/webhook/sms': { method: 'POST', caller: 'webhook', fields: inboundSms, errorKeys: router },
  '/api/v1/sms-router/webhook/process': { method: 'POST', caller: 'webhook', fields: inboundSms, errorKeys: router },
  '/api/v1/sms-router/webhook/delivery-status': {
    method: 'POST',
    caller: 'webhook',
    fields: ['MessageSid', 'MessageStatus', 'ErrorCode'],
    errorKeys: router,
  },
  '/api/v1/sms-router/webhook/health': { method: 'GET', caller: 'public', fields: [], errorKeys: router },
  '/api/v1/sms-router/webhook/stats': { method: 'GET', caller: 'flex', fields: [], errorKeys: router },
  '/api/v1/sms-router/admin/status': { method: 'GET', caller: 'flex', fields: [], errorKeys: router },
  '/api/v1/sms-router/admin/usage': { method: 'GET', caller: 'flex', fields: ['limit', 'offset'], errorKeys: router },
  '/api/v1/sms-router/admin/audit': { method: 'GET', caller: 'flex', fields: ['limit'], errorKeys: router },
  '/api/v1/sms-router/admin/phone-mappings': { method: 'GET', caller: 'flex', fields: ['user_id'], errorKeys: router },
  '/api/v1/sms-router/admin/phone-mappings/create': {
    method: 'POST',
    caller: 'flex',
    fields: ['user_id', 'phone_number', 'is_primary', 'verification_method'],
    errorKeys: router,
  },
  '/api/v1/sms-router/admin/phone-mappings/delete': { method: 'POST', caller: 'flex', fields: ['mapping_id'], errorKeys: router },
  '/api/v1/sms-router/admin/config': { method: 'GET', caller: 'flex', fields: [], errorKeys: router },
  '/api/v1/sms-router/admin/config/update': {
    method: 'POST',
    caller: 'flex',
    fields: ['config_key', 'config_value', 'description'],
    errorKeys: router,
  },
  '/api/v1/sms-router/phone-mappings/verify/start': { method: 'POST', caller: 'flex', fields: ['mapping_id'], errorKeys: router },
  '/api/v1/sms-router/phone-mappings/verify/check': {
    method: 'POST',
    caller: 'flex',
    fields: ['mapping_id', 'code'],
    errorKeys: router,
  },
};

/** The built functions' routes, each with its table entry; routes without one are listed in `missing`. */
export function fuzzTargets(): { targets: FuzzTarget[]; missing: string[] } {
  const paths = routesFrom().functions.map((f) => f.path);
  return {
    targets: paths.filter((p) => FUZZ_TABLE[p]).map((path) => ({ path, ...(FUZZ_TABLE[path] as Entry) })),
    missing: paths.filter((p) => !FUZZ_TABLE[p]),
  };
}

export const STRINGS = [
  '',
  ' ',
  '+',
  '+1',
  '0',
  '-1',
  '1e309',
  'NaN',
  'true',
  'null',
  'undefined',
  '%00',
  '\u0000\u0007\u001b',
  '\ufffe',
  '😀'.repeat(801),
  'x'.repeat(5000),
  '<Response><Hangup/></Response>',
  "'; DROP TABLE calls; --",
  '../../etc/passwd',
  'whatsapp:',
  'whatsapp:+14155559999',
  '+14155559999',
  '+14155550100',
  '+14155550100 ext. 5',
  '911',
  'CA' + '0'.repeat(32),
  'SM' + 'f'.repeat(32),
  'https://example.com/a.jpg',
  'javascript:alert(1)',
  'completed',
  '{"$gt":""}',
  '__proto__',
  'constructor',
];

/** Objects, arrays and prototype-shaped values: what JSON and bracketed keys can put in any field. */
export const SHAPED: unknown[] = [
  {},
  [],
  ['a', 'b'],
  ['+14155559999', '+14155559998'],
  { nested: { deep: [1] } },
  [{}],
  { toString: 1 },
  { valueOf: {}, toString: {} },
  JSON.parse('{"__proto__":{"polluted":"yes"}}') as unknown,
  { constructor: { prototype: { polluted: 'yes' } } },
  { headers: { x: { toString: 1 } } },
  Array(50).fill('https://example.com/x.png'),
];

const SCALARS: unknown[] = [0, -1, 1.5, 1e308, true, false, null];

/** Keys that mean something to the runtime or to JavaScript, sent as parameters. */
const RUNTIME_KEYS = ['request', '__proto__', 'constructor', 'toString', 'hasOwnProperty'];

/** mulberry32: small, seeded, good enough to pick test values. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, from: readonly T[]): T => from[Math.floor(next() * from.length)] as T;

/** One hostile request: parameters (null-prototype, so `__proto__` is an ordinary key) and whether to sign in. */
export interface FuzzCase {
  params: Record<string, unknown>;
  credentials: boolean;
  /** Shaped values of a POST travel as JSON or as bracketed / repeated form keys. */
  encoding: 'json' | 'form';
}

export function fuzzCase(target: FuzzTarget, next: () => number): FuzzCase {
  const params = Object.create(null) as Record<string, unknown>;
  const value = (): unknown => {
    const r = next();
    return r < 0.55 ? pick(next, STRINGS) : r < 0.9 ? pick(next, SHAPED) : pick(next, SCALARS);
  };
  for (const f of target.fields) if (next() < 0.8) params[f] = value();
  if (next() < 0.35) params[pick(next, RUNTIME_KEYS)] = next() < 0.7 ? pick(next, SHAPED) : pick(next, STRINGS);
  if (next() < 0.15) params[`extra_${Math.floor(next() * 100)}`] = value();
  if (target.caller === 'flex' && next() < 0.1) params.Token = pick(next, SHAPED);
  return { params, credentials: next() < 0.85, encoding: next() < 0.6 ? 'json' : 'form' };
}

/** Query-string / form encoding with repeated keys for lists and bracketed keys for objects. */
export function encodeParams(params: Record<string, unknown>): string {
  const parts: string[] = [];
  const enc = encodeURIComponent;
  const add = (key: string, v: unknown): void => {
    if (Array.isArray(v)) {
      if (v.length === 0) parts.push(`${enc(key)}[]=`);
      for (const x of v) add(typeof x === 'object' && x !== null ? `${key}[]` : key, x);
    } else if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v);
      if (entries.length === 0) parts.push(`${enc(key)}[]=`);
      for (const [k, x] of entries) add(`${key}[${k}]`, x);
    } else {
      parts.push(`${enc(key)}=${enc(v === null ? '' : String(v))}`);
    }
  };
  for (const [k, v] of Object.entries(params)) add(k, v);
  return parts.join('&');
}

const basicAuth = (svc: TestService): string =>
  `Basic ${Buffer.from(`${svc.env.API_USERNAME}:${svc.env.API_PASSWORD}`).toString('base64')}`;

async function send(url: string, init: RequestInit): Promise<HttpResult> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text) as unknown;
  return { status: res.status, headers: res.headers, text, body };
}

/** Sends the case as its caller would: signed form for webhooks, Token / basic auth for users. */
export async function sendFuzzCase(svc: TestService, target: FuzzTarget, c: FuzzCase, token: string): Promise<HttpResult> {
  const url = `${svc.url}${target.path}`;
  const params = Object.assign(Object.create(null) as Record<string, unknown>, c.params);
  const headers: Record<string, string> = {};
  if (c.credentials && target.caller === 'flex' && !('Token' in params)) params.Token = token;
  if (c.credentials && target.caller === 'basic') headers.Authorization = basicAuth(svc);
  if (target.caller === 'webhook') {
    // Signed over the single values, as Twilio would sign them: anything else must be refused, not ignored.
    const single: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) if (typeof v === 'string') single[k] = v;
    if (c.credentials) headers['X-Twilio-Signature'] = getExpectedTwilioSignature(svc.t.emu.authToken, url, single);
  }
  if (target.method === 'GET') return send(`${url}?${encodeParams(params)}`, { headers });
  const json = c.encoding === 'json';
  headers['Content-Type'] = json ? 'application/json' : 'application/x-www-form-urlencoded';
  return send(url, { method: 'POST', headers, body: json ? JSON.stringify(params) : encodeParams(params) });
}

/** A stack frame, a file path or a module folder in an answer. */
export const STACK = /\bat [\w.<>]+ \(|node_modules|\.(js|ts):\d+:\d+|\/(src|dist)\/[\w/-]+\.(js|ts)/;

/** What is wrong with an answer to hostile input: a 5xx, a stack trace, or an error body in the wrong shape. */
export function answerProblems(target: FuzzTarget, res: HttpResult): string[] {
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`status ${res.status}`);
  if (STACK.test(res.text)) problems.push('stack trace or path in the answer');
  const json = (res.headers.get('content-type') ?? '').includes('json');
  if (json && res.status >= 400) {
    const keys = Object.keys(res.body as object);
    const expected = res.status === 400 ? (target.badInputKeys ?? target.errorKeys) : target.errorKeys;
    if (!expected.every((k) => keys.includes(k))) problems.push(`error body keys ${keys.join(',')}`);
  } else if (res.status === 200 && (res.headers.get('content-type') ?? '').includes('xml') && !/<Response>/.test(res.text)) {
    problems.push('TwiML without <Response>');
  }
  return problems;
}
