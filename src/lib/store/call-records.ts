/**
 * Call records: this service's own view of each call, kept from Twilio's status callbacks.
 * Sync Maps `call-records.<0..63>`, item key = CallSid. A call's status only moves forward
 * (queued < initiated < ringing < in-progress < a final status), so duplicated or reordered callbacks
 * never move a record backwards, and a final status is never replaced by another.
 * Each record also says whose call it is (`owner`: the platform user of the number or client identity
 * involved, null for numbers nobody owns), decided once, the first time an event could tell.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { DAY_S, Json, shardOf, SyncMapRef } from './sync';

const SHARDS = 64;
const TTL_S = 365 * DAY_S;

export const FINAL_CALL_STATUSES = ['completed', 'busy', 'no-answer', 'failed', 'canceled'] as const;
const RANK: Record<string, number> = { queued: 0, initiated: 1, ringing: 2, 'in-progress': 3 };

export function statusRank(status: string): number {
  return (FINAL_CALL_STATUSES as readonly string[]).includes(status) ? 4 : (RANK[status] ?? -1);
}

/** The platform user a call belongs to, and which of their numbers it used (when one did). */
export interface CallOwner extends Json {
  userId: number;
  phoneNumberId: string | null;
}

export interface CallRecord extends Json {
  callSid: string;
  status: string;
  direction: string;
  from: string;
  to: string;
  /** Seconds, once final. */
  duration: number | null;
  startTime: string | null;
  endTime: string | null;
  /** Positive amount charged (Twilio reports it negative), once known. */
  price: number | null;
  priceUnit: string | null;
  /** Highest callback SequenceNumber applied. */
  sequence: number;
  /** Whose call it is; null when nobody on the platform owns the numbers involved. */
  owner?: CallOwner | null;
  /** Whether `owner` was decided (records older than the platform were never attributed). */
  attributed?: boolean;
  /** The call's latest recording, and its transcription once one arrives. */
  recordingSid?: string | null;
  recordingUrl?: string | null;
  transcription?: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Owner fields of a new record, or of one not attributed yet; undefined when there is nothing to add. */
function attribution(current: CallRecord | undefined, owner: CallOwner | null | undefined): Partial<CallRecord> | undefined {
  if (owner === undefined || current?.attributed) return undefined;
  return { owner, attributed: true };
}

export interface CallStatusEvent {
  callSid: string;
  status: string;
  direction?: string;
  from?: string;
  to?: string;
  duration?: number;
  sequence?: number;
  price?: number;
  priceUnit?: string;
  /** When the callback says this happened (Timestamp), else now. */
  at: string;
  /** Whose call it is, when the caller of recordCallEvent worked it out (undefined: not known). */
  owner?: CallOwner | null;
}

function mapFor(client: TwilioClient, env: ServiceEnv, callSid: string): SyncMapRef<CallRecord> {
  return new SyncMapRef<CallRecord>(client, env, `call-records.${shardOf(callSid, SHARDS)}`, 0);
}

/** The record after applying the event, or undefined when the event changes nothing. */
export function applyCallEvent(current: CallRecord | undefined, ev: CallStatusEvent): CallRecord | undefined {
  const rank = statusRank(ev.status);
  if (rank < 0) return undefined;
  // The answer time is known only from `in-progress`; when that callback comes late it still counts.
  const startTime = ev.status === 'in-progress' ? ev.at : null;
  if (current) {
    const currentRank = statusRank(current.status);
    const stale = rank < currentRank;
    if (stale || (rank === currentRank && (rank === 4 || (ev.sequence ?? -1) <= current.sequence))) {
      // An earlier stage or the same one again: only fill in what was missing (start time, price).
      const fills: Partial<CallRecord> = { ...attribution(current, ev.owner) };
      if (startTime && current.startTime === null) fills.startTime = startTime;
      if (!stale && ev.price !== undefined && current.price === null) {
        fills.price = ev.price;
        fills.priceUnit = ev.priceUnit ?? current.priceUnit;
      }
      return Object.keys(fills).length ? { ...current, ...fills, updatedAt: ev.at } : undefined;
    }
  }
  const base: CallRecord = current ?? {
    callSid: ev.callSid,
    status: ev.status,
    direction: ev.direction ?? '',
    from: ev.from ?? '',
    to: ev.to ?? '',
    duration: null,
    startTime: null,
    endTime: null,
    price: null,
    priceUnit: null,
    sequence: -1,
    createdAt: ev.at,
    updatedAt: ev.at,
  };
  const final = rank === 4;
  return {
    ...base,
    status: ev.status,
    direction: base.direction || ev.direction || '',
    from: base.from || ev.from || '',
    to: base.to || ev.to || '',
    startTime: base.startTime ?? startTime,
    endTime: final ? ev.at : base.endTime,
    duration: final ? (ev.duration ?? 0) : base.duration,
    price: ev.price ?? base.price,
    priceUnit: ev.priceUnit ?? base.priceUnit,
    sequence: Math.max(base.sequence, ev.sequence ?? -1),
    ...attribution(current, ev.owner),
    updatedAt: ev.at,
  };
}

/** A call as Twilio's Calls API reports it: the source of truth reconciliation repairs records from. */
export interface CallSnapshot {
  callSid: string;
  status: string;
  direction: string;
  from: string;
  to: string;
  duration: number | null;
  startTime: string | null;
  endTime: string | null;
  price: number | null;
  priceUnit: string | null;
  /** When the call was created at Twilio. */
  createdAt: string;
  /** Whose call it is, when the reconciler worked it out. */
  owner?: CallOwner | null;
}

/**
 * The record after taking in Twilio's own view of the call, or undefined when it adds nothing. Like a
 * callback it never moves a status backwards; what a callback already stored wins, gaps are filled.
 */
export function applyCallSnapshot(current: CallRecord | undefined, snap: CallSnapshot, now: string): CallRecord | undefined {
  const rank = statusRank(snap.status);
  if (rank < 0) return undefined;
  const forward = !current || rank > statusRank(current.status);
  const base: CallRecord = current ?? {
    callSid: snap.callSid,
    status: snap.status,
    direction: '',
    from: '',
    to: '',
    duration: null,
    startTime: null,
    endTime: null,
    price: null,
    priceUnit: null,
    sequence: -1,
    createdAt: snap.createdAt,
    updatedAt: now,
  };
  const final = rank === 4;
  const next: CallRecord = {
    ...base,
    status: forward ? snap.status : base.status,
    direction: base.direction || snap.direction,
    from: base.from || snap.from,
    to: base.to || snap.to,
    startTime: base.startTime ?? snap.startTime,
    endTime: base.endTime ?? (final ? snap.endTime : null),
    duration: base.duration ?? (final ? snap.duration : null),
    price: base.price ?? snap.price,
    priceUnit: base.priceUnit ?? (snap.price !== null ? snap.priceUnit : null),
    ...attribution(current, snap.owner),
  };
  const changed = !current || (Object.keys(next) as (keyof CallRecord)[]).some((k) => next[k] !== current[k]);
  return changed ? { ...next, updatedAt: now } : undefined;
}

/** The record before and after the event (`after` undefined when the event was ignored, `before` when new). */
export interface CallChange {
  before: CallRecord | undefined;
  after: CallRecord | undefined;
}

export async function recordCallEvent(client: TwilioClient, env: ServiceEnv, ev: CallStatusEvent): Promise<CallChange> {
  let before: CallRecord | undefined;
  const after = await mapFor(client, env, ev.callSid).upsert(
    ev.callSid,
    (current) => {
      before = current;
      return applyCallEvent(current, ev);
    },
    TTL_S,
  );
  return { before, after };
}

/** Notes a recording (and its transcription, when one arrived) on the call's record, if the call has one. */
export async function noteCallRecording(
  client: TwilioClient,
  env: ServiceEnv,
  callSid: string,
  rec: { recordingSid: string; recordingUrl: string; transcription?: string | null; at: string },
): Promise<CallRecord | undefined> {
  return mapFor(client, env, callSid).upsert(
    callSid,
    (current) => {
      if (!current) return undefined;
      const transcription = rec.transcription ?? current.transcription ?? null;
      const same =
        current.recordingSid === rec.recordingSid &&
        current.recordingUrl === (rec.recordingUrl || current.recordingUrl) &&
        current.transcription === transcription;
      if (same) return undefined;
      return {
        ...current,
        recordingSid: rec.recordingSid,
        recordingUrl: rec.recordingUrl || current.recordingUrl || null,
        transcription,
        updatedAt: rec.at,
      };
    },
    TTL_S,
  );
}

/** Repairs the call's record from Twilio's view of it; the record after, and whether it changed. */
export async function reconcileCallRecord(
  client: TwilioClient,
  env: ServiceEnv,
  snap: CallSnapshot,
): Promise<{ record: CallRecord | undefined; changed: boolean; before: CallRecord | undefined }> {
  let changed = false;
  let before: CallRecord | undefined;
  const record = await mapFor(client, env, snap.callSid).upsert(
    snap.callSid,
    (current) => {
      before = current;
      const next = applyCallSnapshot(current, snap, new Date().toISOString());
      changed = next !== undefined;
      return next;
    },
    TTL_S,
  );
  return { record, changed, before };
}

export async function getCallRecord(client: TwilioClient, env: ServiceEnv, callSid: string): Promise<CallRecord | undefined> {
  return (await mapFor(client, env, callSid).get(callSid))?.data;
}

/** The call's recording was deleted: the record stops pointing at it. */
export async function forgetCallRecording(
  client: TwilioClient,
  env: ServiceEnv,
  callSid: string,
  recordingSid: string,
  at: string,
): Promise<void> {
  await mapFor(client, env, callSid).upsert(
    callSid,
    (current) =>
      current?.recordingSid === recordingSid ? { ...current, recordingSid: null, recordingUrl: null, updatedAt: at } : undefined,
    TTL_S,
  );
}
