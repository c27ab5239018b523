/**
 * The typed client of the Flex contact centre backend: openapi-fetch over the types generated from the service's
 * OpenAPI document (./schema.d.ts), with the caller's credentials added to every request. Paths, query
 * parameters, bodies, answers and error bodies are all typed by the document, so a plugin that calls a path the
 * service does not have, or reads a field it does not answer, fails to compile.
 */
import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, operations, paths } from './schema';

/**
 * Who is calling: a Flex user's token (the plugin's `manager.user.token`), which the service checks with Twilio,
 * or a bearer JWT for callers outside Flex.
 */
export type Credentials = { flexToken: string } | { bearer: string };

export interface ContactCentreClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** The service's base URL, e.g. `https://my-service-1234-dev.twil.io` or `http://127.0.0.1:3001`. */
  baseUrl: string;
  /**
   * The caller's credentials, or a function that gives them: it is called before every request, so a Flex token
   * that Flex refreshed (`tokenUpdated`) is used from the next request on without making a new client. (Not
   * `credentials`, which is fetch's own option for cookies.)
   */
  auth: Credentials | (() => Credentials | Promise<Credentials>);
}

export type ContactCentreClient = Client<paths>;

/** The error body of the multi-user platform's functions (`/api/twilio/*`, `/api/admin/*`). */
export type PlatformError = components['schemas']['PlatformError'];

/** `Token` is the one name the service reads a Flex token from, in the query or in the body. */
const TOKEN_FIELD = 'Token';

async function withFlexToken(request: Request, token: string): Promise<Request> {
  // A GET carries no body: the token goes in the query. A body keeps it out of URLs and their logs.
  if (request.method === 'GET' || request.method === 'HEAD') {
    const url = new URL(request.url);
    url.searchParams.set(TOKEN_FIELD, token);
    return new Request(url, request);
  }
  const type = request.headers.get('Content-Type') ?? '';
  const text = await request.text();
  if (type.includes('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(text);
    form.set(TOKEN_FIELD, token);
    return new Request(request, { body: form.toString() });
  }
  const body: unknown = text ? JSON.parse(text) : {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TypeError('A Flex token can only be added to a JSON object body');
  }
  const headers = new Headers(request.headers);
  headers.set('Content-Type', 'application/json');
  return new Request(request, { body: JSON.stringify({ ...body, [TOKEN_FIELD]: token }), headers });
}

function authMiddleware(auth: ContactCentreClientOptions['auth']): Middleware {
  return {
    async onRequest({ request }) {
      const current = typeof auth === 'function' ? await auth() : auth;
      if ('bearer' in current) {
        request.headers.set('Authorization', `Bearer ${current.bearer}`);
        return request;
      }
      return withFlexToken(request, current.flexToken);
    },
  };
}

/**
 * A client of the service at `baseUrl`, calling as `auth`. Each call answers `{ data }` on success or
 * `{ error }` with the endpoint's documented error body, and `response` for the status.
 */
export function createContactCentreClient(options: ContactCentreClientOptions): ContactCentreClient {
  const { auth, ...clientOptions } = options;
  const client = createClient<paths>(clientOptions);
  client.use(authMiddleware(auth));
  return client;
}
