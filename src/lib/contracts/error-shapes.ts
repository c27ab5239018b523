/**
 * One error body per seed contract. Functions pick the shape of the system they belong to.
 */
import type { ApiError, ErrorShape } from '../runtime/errors';
import { isoSeconds } from '../time';

/** Flex plugin API (000): `{ "error": "..." }`. */
export const pluginError: ErrorShape = (e) => ({ error: e.message });

/** Flex plugin webhooks (000 receive-sms): `{ "status": "error", "message": "..." }`. */
export const pluginWebhookError: ErrorShape = (e) => ({ status: 'error', message: e.message });

/** SMS router (001): `{ detail, error_code, status: "error", timestamp }`. */
export const routerError: ErrorShape = (e) => ({
  detail: e.message,
  error_code: e.code,
  status: 'error',
  timestamp: isoSeconds(new Date()),
});

/** Softphone backend (002): `{ "error": "..." }`, with the failing field when there is one. */
export const softphoneError: ErrorShape = (e) => ({ error: e.message, ...fieldOf(e) });

/** Phone API (003): `{ "detail": "..." }`. */
export const phoneError: ErrorShape = (e) => ({ detail: e.message });

/** Multi-user platform (004): `{ success: false, error: CODE, message }`. */
export const platformError: ErrorShape = (e) => ({ success: false, error: e.code, message: e.message });

function fieldOf(e: ApiError): { field?: string } {
  return typeof e.details.field === 'string' ? { field: e.details.field } : {};
}
