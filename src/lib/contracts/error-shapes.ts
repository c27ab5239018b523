/**
 * One error body per seed contract. Functions pick the shape of the system they belong to; each shape
 * carries its schema, which the OpenAPI document uses for every error answer of those functions.
 */
import { ApiError, errorShape } from '../runtime/errors';
import { isoSeconds } from '../time';
import { s } from './schema';

/** Flex plugin API (000): `{ "error": "..." }`. */
export const pluginError = errorShape(
  (e) => ({ error: e.message }),
  s.named('PluginError', s.object({ error: s.string({ description: 'what went wrong, in words' }) })),
);

/** Flex plugin webhooks (000 receive-sms): `{ "status": "error", "message": "..." }`. */
export const pluginWebhookError = errorShape(
  (e) => ({ status: 'error', message: e.message }),
  s.named('PluginWebhookError', s.object({ status: s.literal('error'), message: s.string() })),
);

/** SMS router (001): `{ detail, error_code, status: "error", timestamp }`. */
export const routerError = errorShape(
  (e) => ({ detail: e.message, error_code: e.code, status: 'error', timestamp: isoSeconds(new Date()) }),
  s.named(
    'RouterError',
    s.object({
      detail: s.string({ description: 'what went wrong, in words' }),
      error_code: s.string({ description: 'VALIDATION_ERROR, PHONE_NUMBER_NOT_FOUND, ...' }),
      status: s.literal('error'),
      timestamp: s.dateTime(),
    }),
  ),
);

/** Softphone backend (002): `{ "error": "..." }`, with the failing field when there is one. */
export const softphoneError = errorShape(
  (e) => ({ error: e.message, ...fieldOf(e) }),
  s.named(
    'SoftphoneError',
    s.object(
      { error: s.string(), field: s.string({ description: 'the input that failed validation' }) },
      { optional: ['field'] },
    ),
  ),
);

/** Phone API (003): `{ "detail": "..." }`. */
export const phoneError = errorShape((e) => ({ detail: e.message }), s.named('PhoneError', s.object({ detail: s.string() })));

/** Multi-user platform (004): `{ success: false, error: CODE, message }`. */
export const platformError = errorShape(
  (e) => ({ success: false, error: e.code, message: e.message }),
  s.named(
    'PlatformError',
    s.object({
      success: s.literal(false),
      error: s.string({ description: 'VALIDATION_ERROR, PHONE_NUMBER_NOT_FOUND, ...' }),
      message: s.string(),
    }),
  ),
);

function fieldOf(e: ApiError): { field?: string } {
  return typeof e.details.field === 'string' ? { field: e.details.field } : {};
}
