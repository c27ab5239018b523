/**
 * The user directory: every principal (how it signed in + who it is) and the numeric user id it got the
 * first time it was seen. Sync Maps `users.<0..15>` (by hash of the principal), item key = a hash of the
 * principal, so a Flex identity and a bearer subject that look alike never meet. The id comes from the
 * `users` counter (./counters.ts); the item is created only if absent, so parallel first requests of one
 * principal all end up with the one id whose item was created, and two principals never share an id.
 */
import { createHash } from 'crypto';
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { allocateId } from './counters';
import { Json, shardOf, SyncMapRef } from './sync';

const SHARDS = 16;

export interface UserRecord extends Json {
  userId: number;
  /** How the principal signs in (`flex`, `bearer`, `basic`) and its id there (identity, subject). */
  via: string;
  principalId: string;
  /** The Voice SDK client identity of this user: stable, `[A-Za-z0-9_]`, at most 121 characters. */
  identity: string;
  roles: string[];
  firstSeen: string;
  lastSeen: string;
}

export interface PrincipalKey {
  via: string;
  principalId: string;
}

function itemKeyOf(p: PrincipalKey): string {
  return createHash('sha256').update(`${p.via}\n${p.principalId}`).digest('hex');
}

function mapFor(client: TwilioClient, env: ServiceEnv, key: string): SyncMapRef<UserRecord> {
  return new SyncMapRef<UserRecord>(client, env, `users.${shardOf(key, SHARDS)}`, 0);
}

export async function findUser(client: TwilioClient, env: ServiceEnv, p: PrincipalKey): Promise<UserRecord | undefined> {
  const key = itemKeyOf(p);
  return (await mapFor(client, env, key).get(key))?.data;
}

/**
 * The principal's record, created with a new id when it has none. `describe` builds the record for the
 * id allocated (its identity depends on the id).
 */
export async function findOrAddUser(
  client: TwilioClient,
  env: ServiceEnv,
  p: PrincipalKey,
  describe: (userId: number) => UserRecord,
): Promise<UserRecord> {
  const key = itemKeyOf(p);
  const map = mapFor(client, env, key);
  const existing = await map.get(key);
  if (existing) return existing.data;
  const fresh = describe(await allocateId(client, env, 'users'));
  if (await map.createIfAbsent(key, fresh)) return fresh;
  // Another request for the same principal created it first: its id is the one.
  const winner = await map.get(key);
  if (!winner) throw new Error('user record vanished after a conflicting create');
  return winner.data;
}

/** Records that the user was seen (and with which roles); a conflicting writer's newer lastSeen wins. */
export async function touchUser(
  client: TwilioClient,
  env: ServiceEnv,
  p: PrincipalKey,
  seen: { at: string; roles: string[] },
): Promise<UserRecord | undefined> {
  const key = itemKeyOf(p);
  return mapFor(client, env, key).upsert(key, (current) =>
    current && (current.lastSeen < seen.at || current.roles.join() !== seen.roles.join())
      ? { ...current, lastSeen: seen.at, roles: seen.roles }
      : undefined,
  );
}
