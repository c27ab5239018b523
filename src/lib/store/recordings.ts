/**
 * Recording records, kept from recording status callbacks. Sync Maps `recordings.<0..7>`,
 * item key = RecordingSid; a repeated callback leaves the record as it is.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import type { CallOwner } from './call-records';
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
  /** The owner of its call, once known; null when nobody on the platform owns the call. */
  owner?: CallOwner | null;
  transcription?: string | null;
  createdAt: string;
  updatedAt: string;
}

function mapFor(client: TwilioClient, env: ServiceEnv, recordingSid: string): SyncMapRef<RecordingRecord> {
  return new SyncMapRef<RecordingRecord>(client, env, `recordings.${shardOf(recordingSid, SHARDS)}`, 0);
}

const FINAL = new Set(['completed', 'absent', 'failed', 'deleted']);

/**
 * The record after taking in Twilio's own view of the recording (reconciliation), or undefined when it
 * adds nothing: a final status is never replaced, and what a callback stored wins over a gap filled.
 */
export function applyRecordingSnapshot(
  current: RecordingRecord | undefined,
  snap: RecordingRecord,
  now: string,
): RecordingRecord | undefined {
  if (!current) return snap;
  const forward = !FINAL.has(current.status) && current.status !== snap.status;
  const next: RecordingRecord = {
    ...current,
    status: forward ? snap.status : current.status,
    duration: forward ? snap.duration : current.duration || snap.duration,
    mediaUrl: current.mediaUrl || snap.mediaUrl,
    price: current.price ?? snap.price,
    priceUnit: current.priceUnit ?? snap.priceUnit,
  };
  const changed = (Object.keys(next) as (keyof RecordingRecord)[]).some((k) => next[k] !== current[k]);
  return changed ? { ...next, updatedAt: now } : undefined;
}

/** Repairs the recording's record from Twilio's view of it; whether anything changed. */
export async function reconcileRecording(client: TwilioClient, env: ServiceEnv, snap: RecordingRecord): Promise<boolean> {
  let changed = false;
  await mapFor(client, env, snap.recordingSid).upsert(
    snap.recordingSid,
    (current) => {
      const next = applyRecordingSnapshot(current, snap, new Date().toISOString());
      changed = next !== undefined;
      return next;
    },
    TTL_S,
  );
  return changed;
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
      const owner = current.owner ?? rec.owner;
      const transcription = rec.transcription ?? current.transcription ?? null;
      const adds = owner !== current.owner || transcription !== (current.transcription ?? null);
      if (current.status === rec.status && current.price !== null && !adds) return undefined;
      return {
        ...current,
        ...rec,
        owner,
        transcription,
        mediaUrl: rec.mediaUrl || current.mediaUrl,
        createdAt: current.createdAt,
      };
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

/** Forgets the recording (it was deleted at Twilio); false when there was no record. */
export async function removeRecording(client: TwilioClient, env: ServiceEnv, recordingSid: string): Promise<boolean> {
  return mapFor(client, env, recordingSid).remove(recordingSid);
}

/** Keeps a transcription that arrived for the recording; undefined when the recording has no record. */
export async function noteRecordingTranscription(
  client: TwilioClient,
  env: ServiceEnv,
  recordingSid: string,
  transcription: string,
  at: string,
): Promise<RecordingRecord | undefined> {
  return mapFor(client, env, recordingSid).upsert(
    recordingSid,
    (current) => (current && current.transcription !== transcription ? { ...current, transcription, updatedAt: at } : undefined),
    TTL_S,
  );
}

/** Attributes a recording that was stored before its owner was known; the record after. */
export async function attributeRecording(
  client: TwilioClient,
  env: ServiceEnv,
  recordingSid: string,
  owner: CallOwner | null,
): Promise<RecordingRecord | undefined> {
  return mapFor(client, env, recordingSid).upsert(
    recordingSid,
    (current) => (current && current.owner === undefined ? { ...current, owner } : undefined),
    TTL_S,
  );
}
