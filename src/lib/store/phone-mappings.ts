/**
 * The SMS router's phone mappings: which user a sender's number belongs to. Three views of one fact:
 * - Sync Maps `phone-mappings.<0..15>` (by hash of the number), item key = the E.164 number without `+`:
 *   the mapping itself, which routing reads (one get per inbound message). Created only if absent, so a
 *   number is mapped to at most one user.
 * - Sync Map `phone-mappings.user.<userId>`, item key = the mapping id (10 digits): the user's mappings.
 * - Sync Map `phone-mappings.ids`, item key = the mapping id: where the mapping is (admin look-ups by id).
 * Only admins and verifications write, so none of these is ever hot.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { allocateId } from './counters';
import { Json, shardOf, SyncMapRef } from './sync';

const SHARDS = 16;

export interface NewPhoneMapping {
  user_id: number;
  phone_number: string;
  is_primary: boolean;
  is_verified: boolean;
  verification_method: string;
  created_at: string;
  verified_at: string | null;
}

export interface PhoneMapping extends NewPhoneMapping, Json {
  id: number;
}

interface MappingPointer extends Json {
  user_id: number;
  phone_number: string;
}

const numberKey = (e164: string): string => e164.replace(/^\+/, '');
const idKey = (id: number): string => String(id).padStart(10, '0');

function byNumber(client: TwilioClient, env: ServiceEnv, e164: string): SyncMapRef<PhoneMapping> {
  return new SyncMapRef<PhoneMapping>(client, env, `phone-mappings.${shardOf(numberKey(e164), SHARDS)}`, 0);
}
function byUser(client: TwilioClient, env: ServiceEnv, userId: number): SyncMapRef<MappingPointer> {
  return new SyncMapRef<MappingPointer>(client, env, `phone-mappings.user.${userId}`, 0);
}
function byId(client: TwilioClient, env: ServiceEnv): SyncMapRef<MappingPointer> {
  return new SyncMapRef<MappingPointer>(client, env, 'phone-mappings.ids', 0);
}

export async function mappingOfNumber(client: TwilioClient, env: ServiceEnv, e164: string): Promise<PhoneMapping | undefined> {
  return (await byNumber(client, env, e164).get(numberKey(e164)))?.data;
}

export async function mappingById(client: TwilioClient, env: ServiceEnv, id: number): Promise<PhoneMapping | undefined> {
  const pointer = (await byId(client, env).get(idKey(id)))?.data;
  if (!pointer) return undefined;
  const mapping = await mappingOfNumber(client, env, pointer.phone_number);
  return mapping?.id === id ? mapping : undefined;
}

/** The user's mappings, oldest first. */
export async function mappingsOfUser(client: TwilioClient, env: ServiceEnv, userId: number): Promise<PhoneMapping[]> {
  const pointers = await byUser(client, env, userId).list({ limit: 100 });
  const found = await Promise.all(pointers.map((p) => mappingOfNumber(client, env, p.data.phone_number)));
  return found.filter((m): m is PhoneMapping => m !== undefined && m.user_id === userId);
}

/** Every mapping, in id order (an admin view: one page of each shard). */
export async function allMappings(client: TwilioClient, env: ServiceEnv): Promise<PhoneMapping[]> {
  const shards = await Promise.all(
    Array.from({ length: SHARDS }, (_, i) =>
      new SyncMapRef<PhoneMapping>(client, env, `phone-mappings.${i}`, 0).list({ limit: 1000 }),
    ),
  );
  return shards
    .flat()
    .map((i) => i.data)
    .sort((a, b) => a.id - b.id);
}

/** Stores a new mapping; undefined when the number is mapped already (to anyone). */
export async function addMapping(
  client: TwilioClient,
  env: ServiceEnv,
  fresh: NewPhoneMapping,
): Promise<PhoneMapping | undefined> {
  if (await mappingOfNumber(client, env, fresh.phone_number)) return undefined;
  const mapping: PhoneMapping = { ...fresh, id: await allocateId(client, env, 'phone-mappings') };
  if (!(await byNumber(client, env, mapping.phone_number).createIfAbsent(numberKey(mapping.phone_number), mapping)))
    return undefined;
  const pointer = { user_id: mapping.user_id, phone_number: mapping.phone_number };
  await byId(client, env).createIfAbsent(idKey(mapping.id), pointer);
  await byUser(client, env, mapping.user_id).createIfAbsent(idKey(mapping.id), pointer);
  return mapping;
}

/** Changes a mapping; the record after, or undefined when it is gone. */
export async function updateMapping(
  client: TwilioClient,
  env: ServiceEnv,
  mapping: PhoneMapping,
  change: (current: PhoneMapping) => PhoneMapping,
): Promise<PhoneMapping | undefined> {
  let found = false;
  const after = await byNumber(client, env, mapping.phone_number).upsert(numberKey(mapping.phone_number), (current) => {
    found = current?.id === mapping.id;
    return found && current ? change(current) : undefined;
  });
  return found ? after : undefined;
}

export async function removeMapping(client: TwilioClient, env: ServiceEnv, mapping: PhoneMapping): Promise<void> {
  await byNumber(client, env, mapping.phone_number).remove(numberKey(mapping.phone_number));
  await byUser(client, env, mapping.user_id).remove(idKey(mapping.id));
  await byId(client, env).remove(idKey(mapping.id));
}
