/**
 * Requests the emulator makes to the service, signed exactly as Twilio signs them, each with the
 * `I-Twilio-Idempotency-Token` header Twilio sends: one token per webhook, repeated unchanged when the
 * same webhook is tried again (a FallbackUrl after the primary URL failed), so the service can tell a
 * retry from a new event.
 */
import { randomUUID } from 'crypto';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';

export interface WebhookResult {
  status: number;
  contentType: string;
  body: string;
  /** Set when the request never got an answer (refused, timed out). */
  error?: string;
  /** The token the request carried: pass it again when retrying this webhook. */
  idempotencyToken: string;
}

export const newIdempotencyToken = (): string => randomUUID();

export type WebhookLogger = (entry: { method: string; url: string; status: number; duration_ms: number }) => void;

export async function signedRequest(
  authToken: string,
  url: string,
  params: Record<string, string>,
  method: 'POST' | 'GET',
  log: WebhookLogger,
  idempotencyToken: string,
  timeoutMs = 15000,
  /** Where the request really goes when that is not `url` (a deployed domain served by the emulator). */
  deliverTo?: string,
): Promise<WebhookResult> {
  const started = Date.now();
  const body = new URLSearchParams(params).toString();
  const withQuery = (base: string): string => (method === 'GET' ? `${base}${base.includes('?') ? '&' : '?'}${body}` : base);
  const target = withQuery(url);
  const signature = getExpectedTwilioSignature(authToken, target, method === 'GET' ? {} : params);
  try {
    const res = await fetch(withQuery(deliverTo ?? url), {
      method,
      headers: {
        'X-Twilio-Signature': signature,
        'User-Agent': 'TwilioProxy/1.1',
        'I-Twilio-Idempotency-Token': idempotencyToken,
        ...(method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' } : {}),
      },
      ...(method === 'POST' ? { body } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    log({ method, url, status: res.status, duration_ms: Date.now() - started });
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: text, idempotencyToken };
  } catch (err) {
    log({ method, url, status: 0, duration_ms: Date.now() - started });
    const error = err instanceof Error ? err.message : String(err);
    return { status: 0, contentType: '', body: '', error, idempotencyToken };
  }
}
