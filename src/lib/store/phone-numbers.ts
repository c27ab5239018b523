/**
 * Phone numbers the platform's users own. Two views of one fact:
 * - Sync Map `user-numbers.<userId>`: the user's numbers, item key = the number id (10 digits, so key order
 *   is purchase order), released ones kept (status `released`) for call logs and billing;
 * - Sync Maps `number-owners.<0..15>`, item key = the E.164 number without `+`: who owns it now, which
 *   status webhooks and inbound calls read to attribute a call. Created only if absent, so a number has
 *   one owner at a time and a retried purchase finds the record it made before.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { allocateId } from './counters';
import type { NumberType } from '../numbers/search';
import { Json, shardOf, SyncMapRef } from './sync';

const OWNER_SHARDS = 16;

export type NumberStatus = 'active' | 'inactive' | 'released';

/** A number as Twilio sold it to a user, before it has an id. */
export interface PurchasedNumber {
  number: string;
  userId: number;
  /** The owner's browser identity, which inbound calls to the number ring. */
  identity: string;
  twilioSid: string;
  websiteId: string | null;
  country: string;
  region: string;
  locality: string;
  capabilities: { voice: boolean; sms: boolean };
  /** Local, toll-free or mobile, as Twilio sold it: what Twilio's monthly price depends on. Absent on
   * numbers bought before it was kept: `numberTypeOf` reads it from the number then. */
  numberType?: NumberType;
  monthlyFee: number;
  createdAt: string;
  updatedAt: string;
}

export interface PhoneNumberRecord extends PurchasedNumber, Json {
  id: string;
  status: NumberStatus;
  releasedAt: string | null;
}

export interface NumberOwner extends Json {
  numberId: string;
  userId: number;
  identity: string;
  twilioSid: string;
}

const itemKeyOf = (id: string): string => id.padStart(10, '0');
const ownerKeyOf = (e164: string): string => e164.replace(/^\+/, '');

function userMap(client: TwilioClient, env: ServiceEnv, userId: number): SyncMapRef<PhoneNumberRecord> {
  return new SyncMapRef<PhoneNumberRecord>(client, env, `user-numbers.${userId}`, 0);
}

function ownerMap(client: TwilioClient, env: ServiceEnv, e164: string): SyncMapRef<NumberOwner> {
  return new SyncMapRef<NumberOwner>(client, env, `number-owners.${shardOf(ownerKeyOf(e164), OWNER_SHARDS)}`, 0);
}

/** Every number the user has had, oldest first (released ones included): one Sync page. */
export async function listUserNumbers(client: TwilioClient, env: ServiceEnv, userId: number): Promise<PhoneNumberRecord[]> {
  return (await userMap(client, env, userId).list({ limit: 100 })).map((i) => i.data);
}

export async function getUserNumber(
  client: TwilioClient,
  env: ServiceEnv,
  userId: number,
  id: string,
): Promise<PhoneNumberRecord | undefined> {
  if (!/^[1-9]\d{0,9}$/.test(id)) return undefined;
  return (await userMap(client, env, userId).get(itemKeyOf(id)))?.data;
}

/** Who owns the number now (a released number has no owner). */
export async function ownerOfNumber(client: TwilioClient, env: ServiceEnv, e164: string): Promise<NumberOwner | undefined> {
  return (await ownerMap(client, env, e164).get(ownerKeyOf(e164)))?.data;
}

/**
 * Records the user as the owner of a number Twilio sold them. Idempotent: a retry of the same purchase
 * (same Twilio SID) gets the record the first attempt made. Undefined when someone else owns the number.
 */
export async function addUserNumber(
  client: TwilioClient,
  env: ServiceEnv,
  bought: PurchasedNumber,
): Promise<PhoneNumberRecord | undefined> {
  const owners = ownerMap(client, env, bought.number);
  let owner = (await owners.get(ownerKeyOf(bought.number)))?.data;
  if (!owner) {
    const id = String(await allocateId(client, env, 'phone-numbers'));
    const mine: NumberOwner = { numberId: id, userId: bought.userId, identity: bought.identity, twilioSid: bought.twilioSid };
    owner = (await owners.createIfAbsent(ownerKeyOf(bought.number), mine))
      ? mine
      : (await owners.get(ownerKeyOf(bought.number)))?.data;
  }
  if (!owner || owner.userId !== bought.userId || owner.twilioSid !== bought.twilioSid) return undefined;
  const numberId = owner.numberId;
  return userMap(client, env, bought.userId).upsert(itemKeyOf(numberId), (current) =>
    current ? undefined : { ...bought, id: numberId, status: 'active', releasedAt: null },
  );
}

/** Changes one of the user's numbers (not a released one); the record after, or undefined when absent. */
export async function updateUserNumber(
  client: TwilioClient,
  env: ServiceEnv,
  userId: number,
  id: string,
  change: (current: PhoneNumberRecord) => PhoneNumberRecord,
): Promise<PhoneNumberRecord | undefined> {
  let found = false;
  const after = await userMap(client, env, userId).upsert(itemKeyOf(id), (current) => {
    found = current !== undefined && current.status !== 'released';
    return found && current ? change(current) : undefined;
  });
  return found ? after : undefined;
}

/** The number is no longer the user's: their record stays (status released), the ownership goes. */
export async function releaseUserNumber(
  client: TwilioClient,
  env: ServiceEnv,
  record: PhoneNumberRecord,
  at: string,
): Promise<void> {
  await updateUserNumber(client, env, record.userId, record.id, (current) => ({
    ...current,
    status: 'released',
    releasedAt: at,
    updatedAt: at,
  }));
  const owners = ownerMap(client, env, record.number);
  const owner = await owners.get(ownerKeyOf(record.number));
  if (owner && owner.data.numberId === record.id) await owners.remove(ownerKeyOf(record.number));
}
