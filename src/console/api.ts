/**
 * How the console talks to the service: through the typed client (client/src), as a Flex plugin does, with
 * the person's own credential on every request, and every failure turned into a sentence for them, whatever
 * shape the endpoint's error has. The service is addressed relative to the page, so the console works at
 * `/console` of the local server, of a Twilio domain, and under the emulator's gateway prefix alike.
 */
import { createContactCentreClient, type ContactCentreClient, type Credentials, type paths } from '../../client/src';

export type CredentialKind = 'flex' | 'bearer';

export interface Credential {
  kind: CredentialKind;
  token: string;
}

/** The service, called as the signed-in person: every path, query, body and answer typed by the API document. */
export type Api = ContactCentreClient;

/**
 * The success answer of the document's `path` (`Answer<'/api/admin/health'>`), for code that is handed an
 * answer rather than asking for it.
 */
export type Answer<P extends keyof paths, M extends 'get' | 'post' = 'get'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer A } } };
}
  ? A
  : never;

/** A request that did not succeed, in words a person can act on. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const UNREACHABLE = 'The service cannot be reached. Check your connection and try again.';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** The sentence in an error body: the functions answer `{message}`, `{error}`, `{detail}` or `{details}`. */
export function problemText(status: number, body: unknown): string {
  const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const said = text(b.message) ?? text(b.detail) ?? text(b.details) ?? text(b.error);
  if (status === 401) return `Your sign-in was not accepted${said ? ` (${said})` : ''}. Sign in again.`;
  if (status === 403) return `You are not allowed to do this${said ? `: ${said}` : '.'}`;
  if (said) return said;
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests just now; try again in a moment.';
  if (status >= 500) return 'The service could not complete this just now; try again shortly.';
  return `The request was refused (HTTP ${status}).`;
}

/** Where the service is: the folder the page is served from (the page is the service's `/console`). */
export const serviceBase = (): string => new URL('.', document.baseURI).href;

export function connect(credential: Credential): Api {
  const auth: Credentials = credential.kind === 'flex' ? { flexToken: credential.token } : { bearer: credential.token };
  return createContactCentreClient({ baseUrl: serviceBase(), auth });
}

/** What the typed client resolves to: the success answer, or the documented error body, and the response. */
interface Outcome {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Some answers say `success: false` with a 200 (seed 004's style): still a failure for the person. */
const saysFailure = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && (body as Record<string, unknown>).success === false;

/** The answer of a call of the client (`answer(api.GET(...))`), or an ApiProblem that says what went wrong. */
export async function answer<R extends Outcome>(call: Promise<R>): Promise<Exclude<R['data'], undefined>> {
  let outcome: R;
  try {
    outcome = await call;
  } catch (err) {
    // fetch rejects with a TypeError when the network fails; anything else is the console's own fault.
    if (err instanceof TypeError) throw new ApiProblem(0, UNREACHABLE);
    throw err;
  }
  const { status } = outcome.response;
  if (!outcome.response.ok) throw new ApiProblem(status, problemText(status, outcome.error));
  if (saysFailure(outcome.data)) throw new ApiProblem(status, problemText(status, outcome.data));
  // Every endpoint the console calls documents a JSON answer; an empty one has nothing the views could show.
  if (outcome.data === undefined) throw new ApiProblem(status, 'The service answered without any details; try again shortly.');
  return outcome.data as Exclude<R['data'], undefined>;
}

type DevParams = Record<string, string | number | boolean | Record<string, string>>;

/**
 * The local server's dev routes (only where it runs against the emulator): not part of the service or its
 * document, so a plain fetch with no credential; relative to the page like everything else.
 */
async function devRequest<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(new URL(`_dev${path}`, serviceBase()), init);
  } catch {
    throw new ApiProblem(0, UNREACHABLE);
  }
  const body: unknown = (res.headers.get('content-type') ?? '').includes('json')
    ? await res.json().catch(() => undefined)
    : undefined;
  if (!res.ok) throw new ApiProblem(res.status, problemText(res.status, body));
  return body as T;
}

export const dev = {
  async available(): Promise<boolean> {
    try {
      const res = await fetch(new URL('_dev/sign-in', serviceBase()));
      return res.ok && (res.headers.get('content-type') ?? '').includes('json');
    } catch {
      return false;
    }
  },
  get: <T>(path: string, query: Record<string, string> = {}): Promise<T> => {
    const q = new URLSearchParams(query).toString();
    return devRequest<T>(q ? `${path}?${q}` : path);
  },
  post: <T>(path: string, body: DevParams = {}): Promise<T> =>
    devRequest<T>(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
};

/** The message of anything thrown, for the person. */
export function wordsOf(err: unknown): string {
  if (err instanceof ApiProblem) return err.message;
  return 'Something went wrong in the console; reload the page and try again.';
}
