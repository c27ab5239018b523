/**
 * Monthly spending limits admins set per user (docs/decisions/0010-billing-ledger.md). Sync Maps
 * `billing-limits.<0..15>`, item key = the user id: read before each outbound call or message of a user,
 * so the reads of many users spread over 16 objects. Users without an item have the default
 * (DEFAULT_MONTHLY_LIMIT).
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { Json, shardOf, SyncMapRef } from './sync';

const SHARDS = 16;

export interface SpendingLimitRecord extends Json {
  userId: number;
  limitMicros: number;
  updatedAt: string;
  updatedBy: string;
}

function mapFor(client: TwilioClient, env: ServiceEnv, userId: number): SyncMapRef<SpendingLimitRecord> {
  return new SyncMapRef<SpendingLimitRecord>(client, env, `billing-limits.${shardOf(String(userId), SHARDS)}`, 0);
}

export async function getSpendingLimit(
  client: TwilioClient,
  env: ServiceEnv,
  userId: number,
): Promise<SpendingLimitRecord | undefined> {
  return (await mapFor(client, env, userId).get(String(userId)))?.data;
}

export async function setSpendingLimit(client: TwilioClient, env: ServiceEnv, record: SpendingLimitRecord): Promise<void> {
  await mapFor(client, env, record.userId).upsert(String(record.userId), () => record);
}
