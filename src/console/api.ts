/**
 * How the console talks to the service: the person's own credential on every request (a Flex token as the
 * `Token` field, as the Flex plugin sends it; a bearer token in the Authorization header), and every failure
 * turned into a sentence for them, whatever shape the endpoint's error has.
 */
export type CredentialKind = 'flex' | 'bearer';

export interface Credential {
  kind: CredentialKind;
  token: string;
}

/** A request that did not succeed, in words a person can act on. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Params = Record<string, string | number | boolean | undefined | Record<string, string>>;

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

async function send<T>(url: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiProblem(0, 'The service cannot be reached. Check your connection and try again.');
  }
  const type = res.headers.get('content-type') ?? '';
  let body: unknown;
  try {
    body = type.includes('json') ? await res.json() : undefined;
  } catch {
    body = undefined;
  }
  if (!res.ok) throw new ApiProblem(res.status, problemText(res.status, body));
  const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  // Some answers say `success: false` with a 200 (seed 004's style): still a failure for the person.
  if (b.success === false) throw new ApiProblem(res.status, problemText(res.status, body));
  return body as T;
}

function query(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && typeof v !== 'object') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The service's functions, called as the signed-in person. */
export class Api {
  constructor(readonly credential: Credential) {}

  private headers(json: boolean): Record<string, string> {
    const h: Record<string, string> = json ? { 'Content-Type': 'application/json' } : {};
    if (this.credential.kind === 'bearer') h.Authorization = `Bearer ${this.credential.token}`;
    return h;
  }

  private withToken(params: Params): Params {
    return this.credential.kind === 'flex' ? { ...params, Token: this.credential.token } : params;
  }

  get<T>(path: string, params: Params = {}): Promise<T> {
    return send<T>(`${path}${query(this.withToken(params))}`, { headers: this.headers(false) });
  }

  post<T>(path: string, body: Params = {}): Promise<T> {
    return send<T>(path, { method: 'POST', headers: this.headers(true), body: JSON.stringify(this.withToken(body)) });
  }
}

/** The local server's dev routes (only where it runs against the emulator): no credential of the service. */
export const dev = {
  async available(): Promise<boolean> {
    try {
      const res = await fetch('/_dev/sign-in');
      return res.ok && (res.headers.get('content-type') ?? '').includes('json');
    } catch {
      return false;
    }
  },
  get: <T>(path: string, params: Params = {}): Promise<T> => send<T>(`/_dev${path}${query(params)}`, {}),
  post: <T>(path: string, body: Params = {}): Promise<T> =>
    send<T>(`/_dev${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
};

/** The message of anything thrown, for the person. */
export function wordsOf(err: unknown): string {
  if (err instanceof ApiProblem) return err.message;
  return 'Something went wrong in the console; reload the page and try again.';
}
