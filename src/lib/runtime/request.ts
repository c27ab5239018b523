/**
 * The request as the runtime hands it over: headers in `event.request`, parameters (query and body
 * merged) in the rest of `event`. The runtime builds `request` first and merges the query and the body
 * over it (@twilio/runtime-handler 2.0.1: `Object.assign({ request: { headers, cookies } }, query, body)`),
 * so a parameter named `request` replaces the real headers. Such a request is refused whenever it is not
 * what the runtime itself builds; one that copies the runtime's shape carries only headers its sender could
 * have sent as headers, so it gains nothing. Values are read as own properties only: a `__proto__` key in a
 * JSON body (which the merge turns into the event's prototype) never supplies a parameter.
 */
import { ApiError } from './errors';

export type Headers = Record<string, string | undefined>;

export interface IncomingRequest {
  /** Lowercased header names; a header sent more than once keeps its first value. */
  headers: Headers;
  /** Query and body parameters, `request` excluded, without a prototype. */
  params: Record<string, unknown>;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isHeaderValue = (v: unknown): v is string | string[] =>
  typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'));

const notFromRuntime = (): ApiError =>
  new ApiError(400, 'RESERVED_PARAMETER', '`request` is reserved for the request headers; it cannot be sent as a parameter');

/** Headers exactly as the runtime builds them (lowercased names, string or string[] values), or a 400. */
function runtimeHeaders(request: unknown): Headers {
  if (!isPlainObject(request)) throw notFromRuntime();
  // The runtime always sets both; a body that leaves one out is not the runtime.
  const { headers, cookies } = request;
  if (!isPlainObject(headers) || !isPlainObject(cookies)) throw notFromRuntime();
  if (!Object.values(cookies).every((v) => typeof v === 'string')) throw notFromRuntime();
  const out: Headers = Object.create(null) as Headers;
  for (const [name, value] of Object.entries(headers)) {
    if (!isHeaderValue(value)) throw notFromRuntime();
    out[name.toLowerCase()] = typeof value === 'string' ? value : value[0];
  }
  return out;
}

/** Splits the event into trusted headers and parameters; refuses a `request` the runtime did not build. */
export function readRequest(event: Record<string, unknown>): IncomingRequest {
  const headers = runtimeHeaders(Object.hasOwn(event, 'request') ? event.request : { headers: {}, cookies: {} });
  const params = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of Object.entries(event)) if (name !== 'request') params[name] = value;
  return { headers, params };
}
