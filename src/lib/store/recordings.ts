/**
 * Recording records, kept from recording status callbacks. Sync Maps `recordings.<0..7>`,
 * item key = RecordingSid; a repeated callback leaves the record as it is.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { DAY_S, Json, shardOf, SyncMapRef } from './sync';

const SHARDS = 8;
const TTL_S = 365 * DAY_S;

export interface RecordingRecord extends Json {
  recordingSid: string;
  callSid: string;
  status: string;
  duration: number;
  channels: number;
  source: string;
  mediaUrl: string;
  price: number | null;
  priceUnit: string | null;
  createdAt: string;
  updatedAt: string;
}

function mapFor(client: TwilioClient, env: ServiceEnv, recordingSid: string): SyncMapRef<RecordingRecord> {
  return new SyncMapRef<RecordingRecord>(client, env, `recordings.${shardOf(recordingSid, SHARDS)}`, 0);
}

export async function recordRecording(
  client: TwilioClient,
  env: ServiceEnv,
  rec: RecordingRecord,
): Promise<RecordingRecord | undefined> {
  return mapFor(client, env, rec.recordingSid).upsert(
    rec.recordingSid,
    (current) => {
      if (!current) return rec;
      if (current.status === 'completed' && rec.status !== 'completed') return undefined;
      if (current.status === rec.status && current.price !== null) return undefined;
      return { ...current, ...rec, createdAt: current.createdAt };
    },
    TTL_S,
  );
}

export async function getRecording(
  client: TwilioClient,
  env: ServiceEnv,
  recordingSid: string,
): Promise<RecordingRecord | undefined> {
  return (await mapFor(client, env, recordingSid).get(recordingSid))?.data;
}
