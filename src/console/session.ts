/**
 * Signing in: a Flex token or a bearer token pasted by the person, or, where the local server runs against
 * the emulator, a dev sign-in that mints a Flex token for any identity and role. A token is checked by using
 * it (the agent's own numbers) before the console opens; whether the person also sees the admin views is
 * decided the same way, by the service (an admin endpoint answering them), never by reading the token here.
 * The credential is kept in sessionStorage, so a reload keeps the person signed in and closing the tab does not.
 */
import { Api, answer, ApiProblem, connect, Credential, dev } from './api';
import { busy, el, field, select, StatusLine } from './dom';

const STORAGE_KEY = 'console.credential';

export interface Session {
  api: Api;
  /** Who is signed in, as far as the console knows it. */
  name: string;
  admin: boolean;
  /** The local server's dev routes answer: the emulator stands behind the service. */
  emulator: boolean;
}

interface Stored extends Credential {
  name: string;
}

function isStored(v: unknown): v is Stored {
  const s = v as Partial<Stored> | null;
  return !!s && (s.kind === 'flex' || s.kind === 'bearer') && typeof s.token === 'string' && typeof s.name === 'string';
}

export function forget(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

async function open(stored: Stored, emulator: boolean): Promise<Session> {
  const api = connect({ kind: stored.kind, token: stored.token });
  await answer(api.GET('/api/twilio/my-numbers'));
  let admin = true;
  try {
    await answer(api.GET('/api/admin/users', { params: { query: { limit: 1 } } }));
  } catch (err) {
    // Refused (403), or unanswered just now: the agent's views open either way; a bad token was caught above.
    if (!(err instanceof ApiProblem)) throw err;
    admin = false;
  }
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  return { api, name: stored.name, admin, emulator };
}

/**
 * Calls `signedOut` once when the service first refuses the session's token (401): a Flex token lasts an hour
 * or so, and a console left open should say so rather than fail view after view.
 */
export function whenRefused(session: Session, signedOut: () => void): void {
  let refused = false;
  session.api.use({
    onResponse({ response }) {
      if (response.status !== 401 || refused) return undefined;
      refused = true;
      forget();
      signedOut();
      return undefined;
    },
  });
}

/** The session kept from before a reload, when its token still works. */
export async function restore(emulator: boolean): Promise<Session | undefined> {
  let stored: unknown;
  try {
    stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    stored = null;
  }
  if (!isStored(stored)) return undefined;
  try {
    return await open(stored, emulator);
  } catch {
    forget();
    return undefined;
  }
}

function tokenForm(emulator: boolean, onSession: (s: Session) => void, notice?: string): HTMLElement {
  const status = new StatusLine();
  if (notice) status.error(notice);
  const token = el('textarea', { name: 'token', rows: 3, required: true, autocomplete: 'off', spellcheck: 'false' });
  const kind = select('kind', [
    ['flex', 'Flex token (as the Flex plugin sends it)'],
    ['bearer', 'Bearer token (JWT)'],
  ]);
  const submit = el('button', { type: 'submit' }, 'Sign in');
  const form = el(
    'form',
    { class: 'card', 'aria-labelledby': 'token-sign-in' },
    el('h2', { id: 'token-sign-in' }, 'Sign in with a token'),
    field('Kind of token', kind),
    field('Token', token, 'Paste the whole token. It stays in this tab only.'),
    submit,
    status.node,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = token.value.trim();
    if (!value) return status.error('Paste a token first.');
    const credentialKind = kind.value;
    const name = credentialKind === 'flex' ? 'Flex user' : 'API user';
    void busy(submit, status, 'Checking your token…', () => open({ kind: credentialKind, token: value, name }, emulator)).then(
      (s) => s && onSession(s),
    );
  });
  return form;
}

function devForm(onSession: (s: Session) => void): HTMLElement {
  const status = new StatusLine();
  const identity = el('input', {
    name: 'identity',
    value: 'alice',
    required: true,
    pattern: '[\\w.@\\-]{1,64}',
    autocomplete: 'off',
  });
  const role = select('role', [
    ['agent', 'Agent'],
    ['supervisor', 'Supervisor'],
    ['admin', 'Admin'],
  ]);
  const submit = el('button', { type: 'submit' }, 'Dev sign-in');
  const form = el(
    'form',
    { class: 'card dev', 'aria-labelledby': 'dev-sign-in' },
    el('h2', { id: 'dev-sign-in' }, 'Dev sign-in (local emulator)'),
    el(
      'p',
      {},
      'The local Twilio emulator mints a Flex token for anyone you name. Only the local server (npm start) offers this.',
    ),
    field('Identity', identity, 'Letters, digits and . _ @ - (up to 64).'),
    field('Role', role),
    submit,
    status.node,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!identity.checkValidity()) return status.error('Use letters, digits and . _ @ - only, up to 64 characters.');
    const name = identity.value;
    void busy(submit, status, 'Signing in…', async () => {
      const minted = await dev.post<{ token: string }>('/sign-in', { identity: name, role: role.value });
      return open({ kind: 'flex', token: minted.token, name: `${name} (${role.value})` }, true);
    }).then((s) => s && onSession(s));
  });
  return form;
}

/** The sign-in forms; `notice` says why the person is back here (their token stopped working). */
export function signInView(emulator: boolean, onSession: (s: Session) => void, notice?: string): HTMLElement {
  return el('div', { class: 'sign-in' }, emulator ? devForm(onSession) : null, tokenForm(emulator, onSession, notice));
}
