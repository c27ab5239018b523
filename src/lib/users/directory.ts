/**
 * Who a user of the platform is: the principal the wrapper authenticated, mapped through the user
 * directory (src/lib/store/users.ts) to its stable numeric user id and Voice SDK identity. The same
 * number everywhere: seed 004 shows it as a string ("123"), the SMS router as an integer.
 *
 * Cost: the first request of a principal in a container reads (and on first sight writes) the directory;
 * later requests are answered from a per-container cache, and lastSeen is written at most once an hour.
 */
import type { ServiceEnv } from '../runtime/env';
import type { Principal } from '../runtime/principal';
import type { TwilioClient } from '../runtime/twilio-client';
import { logWarning } from '../runtime/log';
import { findOrAddUser, PrincipalKey, touchUser, UserRecord } from '../store/users';
import { isoSeconds } from '../time';

export interface PlatformUser {
  userId: number;
  identity: string;
  roles: string[];
}

/** The Voice SDK limits a client identity to 121 characters; `[A-Za-z0-9_]` is safe in every SDK. */
export const MAX_IDENTITY_LENGTH = 121;
const LAST_SEEN_EVERY_MS = 3_600_000;

/**
 * The user's client identity: `u<userId>_` then the principal's own id with anything outside
 * `[A-Za-z0-9_]` replaced. The prefix makes it unique and stable even when two ids sanitise alike.
 */
export function voiceIdentity(userId: number, principalId: string): string {
  return `u${userId}_${principalId.replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, MAX_IDENTITY_LENGTH);
}

/** The user id inside a client identity this service issued (`u42_alice` -> 42), else undefined. */
export function userIdOfIdentity(identity: string): number | undefined {
  const m = /^u([1-9]\d{0,14})_/.exec(identity.replace(/^client:/, ''));
  return m ? Number(m[1]) : undefined;
}

interface Cached {
  user: UserRecord;
  /** When lastSeen was last written (or read back) by this container. */
  seenAt: number;
}

/** Shared by every function bundle in the container (each bundle inlines this module). */
const cache: Map<string, Cached> = ((globalThis as { [k: symbol]: Map<string, Cached> | undefined })[
  Symbol.for('user-directory')
] ??= new Map());
/** First sightings in flight, so parallel requests of one principal make one directory entry. */
const pending = new Map<string, Promise<UserRecord>>();

function keyOf(principal: Principal): PrincipalKey {
  return { via: principal.via, principalId: principal.userId };
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i]);
}

/** The platform user behind the principal, added to the directory the first time it is seen. */
export async function platformUser(client: TwilioClient, env: ServiceEnv, principal: Principal): Promise<PlatformUser> {
  const key = keyOf(principal);
  const cacheKey = `${key.via}\n${key.principalId}`;
  const now = Date.now();
  const roles = [...principal.roles];
  let entry = cache.get(cacheKey);
  if (!entry) {
    let first = pending.get(cacheKey);
    if (!first) {
      const at = isoSeconds(new Date(now));
      first = findOrAddUser(client, env, key, (userId) => ({
        userId,
        via: key.via,
        principalId: key.principalId,
        identity: voiceIdentity(userId, key.principalId),
        roles,
        firstSeen: at,
        lastSeen: at,
      })).finally(() => pending.delete(cacheKey));
      pending.set(cacheKey, first);
    }
    const user = await first;
    entry = { user, seenAt: Date.parse(user.lastSeen) };
    cache.set(cacheKey, entry);
  }
  if (now - entry.seenAt >= LAST_SEEN_EVERY_MS || !sameRoles(entry.user.roles, roles)) {
    const seen = entry;
    seen.seenAt = now;
    seen.user = { ...seen.user, roles };
    // Bookkeeping, not the request's business: a failure only means lastSeen is written next hour.
    await touchUser(client, env, key, { at: isoSeconds(new Date(now)), roles }).catch((err: unknown) => {
      logWarning('users', `lastSeen not recorded: ${err instanceof Error ? err.message : String(err)}`);
    });
  }
  const { userId, identity } = entry.user;
  return { userId, identity, roles };
}
