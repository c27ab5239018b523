/**
 * What the gateway does to a request on its way in and to an answer on its way out: the body limit, the
 * signature check of protected routes, the headers that belong to one hop only, and the rule that no answer
 * shows a stack trace or where the build lives on disk.
 */
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'http';
import { validateRequest, validateRequestWithBody } from 'twilio/lib/webhooks/webhooks';
import type { RuntimeAnswer } from './runtime-process';

/** Twilio Functions refuse request bodies over 1 MB. */
export const BODY_LIMIT_BYTES = 1_048_576;

/** The body, or undefined once it passes the limit (the rest is read and dropped so the client hears the answer). */
export async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > BODY_LIMIT_BYTES) {
    req.resume();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT_BYTES) {
      req.resume();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function formParams(body: Buffer): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body.toString('utf8'))) {
    const seen = params[key];
    params[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return params;
}

/**
 * Whether X-Twilio-Signature is Twilio's signature of `url` (https://<domain>/<path>?<query>, what Twilio
 * signs) with the request's form parameters, or, for a JSON body, of the URL carrying its bodySHA256.
 */
export function hasValidSignature(authToken: string, req: IncomingMessage, url: string, body: Buffer): boolean {
  const signature = req.headers['x-twilio-signature'];
  if (typeof signature !== 'string' || signature === '') return false;
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.includes('application/json')) return validateRequestWithBody(authToken, signature, url, body.toString('utf8'));
  const isForm = req.method === 'POST' && contentType.includes('application/x-www-form-urlencoded');
  return validateRequest(authToken, signature, url, isForm ? formParams(body) : {});
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'host',
]);

/** The client's headers as the runtime should get them: this hop's own dropped, the domain as the host. */
export function forwardedHeaders(headers: IncomingHttpHeaders, domain: string, body: Buffer): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  out.host = domain;
  out['content-length'] = String(body.length);
  return out;
}

/** The runtime's answer headers for the client; Express's self-advertisement is not Twilio's. */
export function answerHeaders(answer: RuntimeAnswer): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'x-powered-by') out[name] = value;
  }
  out['content-length'] = String(answer.body.length);
  return out;
}

/**
 * Whether an answer would show what no client may see: the runtime's error page or error JSON (a function's
 * thrown error, with its stack trace), or the build's folder on disk. Such an answer is replaced whole.
 */
export function leaksInternals(answer: RuntimeAnswer, buildsFolder: string): boolean {
  const text = answer.body.toString('utf8');
  if (text.includes(buildsFolder)) return true;
  if (answer.status < 500) return false;
  if (text.includes('class="stack-trace"')) return true;
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null && 'stack' in parsed;
  } catch {
    return false;
  }
}

/** The error message in the runtime's error JSON or error page, for the log (never for the client). */
export function runtimeErrorMessage(answer: RuntimeAnswer): string {
  const text = answer.body.toString('utf8');
  const onPage = /<strong>[^<]*:<\/strong>\s*([^<]*)/.exec(text)?.[1]?.trim();
  if (onPage) return onPage;
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // neither: nothing to quote
  }
  return 'the function failed';
}
