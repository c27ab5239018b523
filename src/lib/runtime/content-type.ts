/**
 * Body types a function accepts. Functions that send, call or change something take only a body type the
 * runtime parses: a link, an image tag or a redirect carries no Content-Type, so none of them can trigger a
 * send. Webhooks take what Twilio sends: form fields (or a query string), never JSON, whose keys and
 * nesting an X-Twilio-Signature cannot cover.
 */
import { ApiError } from './errors';

const BODY_TYPES = ['application/json', 'application/x-www-form-urlencoded'];

export function assertBodyContentType(headers: Record<string, string | undefined>): void {
  const type = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type && BODY_TYPES.includes(type)) return;
  throw new ApiError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'This endpoint changes something: send a POST with a JSON or form body (Content-Type application/json or application/x-www-form-urlencoded)',
  );
}

export function assertWebhookEncoding(headers: Record<string, string | undefined>): void {
  const type = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return;
  throw new ApiError(
    400,
    'UNSIGNED_PARAMETER',
    'Twilio sends webhooks form-encoded; a JSON body is not something its signature covers',
  );
}
