/**
 * One error type for the whole service. Services throw `ApiError`; each endpoint's `ErrorShape`
 * renders it in that endpoint's documented body. Nothing else reaches a caller: no stack traces.
 */
import type { JsonSchema } from '../contracts/schema';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** Machine-readable code in the seed's words (PHONE_NUMBER_NOT_FOUND, VALIDATION_ERROR ...). */
    readonly code: string,
    message: string,
    /** Extra fields some shapes carry (e.g. the field that failed validation). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Renders an ApiError in an endpoint's documented body; `schema` is that body's JSON Schema for the docs. */
export type ErrorShape = ((err: ApiError) => unknown) & { schema?: JsonSchema };

/** An error shape with the schema of what it renders. */
export function errorShape(render: (err: ApiError) => unknown, schema: JsonSchema): ErrorShape {
  return Object.assign(render, { schema });
}

/** Twilio's REST errors as the SDK raises them (RestException). */
interface TwilioRestError {
  status: number;
  code?: number;
  message: string;
  moreInfo?: string;
}

function isTwilioRestError(err: unknown): err is TwilioRestError {
  return (
    typeof err === 'object' &&
    err !== null &&
    'status' in err &&
    typeof (err as { status: unknown }).status === 'number' &&
    'message' in err &&
    (err as { constructor?: { name?: string } }).constructor?.name === 'RestException'
  );
}

/**
 * Maps anything thrown below a function to an ApiError with a meaningful status:
 * Twilio's 4xx input errors stay 400 (with Twilio's message), 404 stays 404, rate limits and
 * Twilio outages become 503/502, and anything unknown is a 500 whose details stay in the logs.
 */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (isTwilioRestError(err)) {
    const twilioCode = err.code ?? 0;
    const details = { twilio_code: twilioCode };
    if (err.status === 404) return new ApiError(404, 'NOT_FOUND', err.message, details);
    if (err.status === 401 || err.status === 403) {
      return new ApiError(500, 'CONFIGURATION_ERROR', 'The service could not authenticate with Twilio', details);
    }
    if (err.status === 429)
      return new ApiError(503, 'RATE_LIMITED', 'Twilio is rate limiting requests; try again shortly', details);
    if (err.status >= 500)
      return new ApiError(502, 'TWILIO_UNAVAILABLE', 'Twilio did not complete the request; try again', details);
    return new ApiError(400, 'TWILIO_REJECTED', err.message, details);
  }
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) {
    return new ApiError(502, 'TWILIO_UNAVAILABLE', 'Twilio could not be reached; try again');
  }
  return new ApiError(500, 'INTERNAL_ERROR', 'An internal error occurred');
}
