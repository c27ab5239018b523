/**
 * What one container remembers between messages so that a flood to one number, or from one sender, does
 * not read the same Sync item for every message (Sync allows 20 reads a second per object): who a
 * sender or a receiving number belongs to, for a few seconds, and which users and senders reached their
 * rate limit, until their minute ends. Shared by the function bundles of a container (each inlines this
 * module); another container reads Sync for itself.
 */

/** How long a look-up of who a number belongs to is trusted: a mapping change reaches routing this late. */
export const LOOKUP_TTL_MS = 5000;

interface Remembered<T> {
  value: T;
  until: number;
}

const memory: Map<string, Remembered<unknown>> = ((globalThis as { [k: symbol]: Map<string, Remembered<unknown>> | undefined })[
  Symbol.for('sms-router-memory')
] ??= new Map());
const MAX_ENTRIES = 10_000;

/** Keys name the account, so two services in one process (tests, benches) never share an answer. */
export const memoryKey = (env: { ACCOUNT_SID?: string }, ...parts: (string | number)[]): string =>
  [env.ACCOUNT_SID ?? '', ...parts].join('|');

/** The remembered value, or what `read` answers (then remembered for `ttlMs`). */
export async function remembered<T>(key: string, read: () => Promise<T>, ttlMs: number): Promise<T> {
  const now = Date.now();
  const hit = memory.get(key);
  if (hit && hit.until > now) return hit.value as T;
  const value = await read();
  remember(key, value, now + ttlMs);
  return value;
}

export function remember(key: string, value: unknown, until: number): void {
  // A bound, not an eviction policy: a container that met this many numbers in a few seconds starts afresh.
  if (memory.size >= MAX_ENTRIES) memory.clear();
  memory.set(key, { value, until });
}

export function recall<T>(key: string): T | undefined {
  const hit = memory.get(key);
  return hit && hit.until > Date.now() ? (hit.value as T) : undefined;
}

/** Forgets what the container knew under these keys (its own changes take effect at once). */
export function forget(...keys: string[]): void {
  for (const k of keys) memory.delete(k);
}
