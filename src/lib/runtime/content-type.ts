/**
 * Functions that send, call or change something accept only requests with a body type the runtime parses.
 * A link, an image tag or a redirect carries no Content-Type, so none of them can trigger a send.
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
