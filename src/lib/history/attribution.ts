/**
 * Whose call or recording is it: the platform user of the client identity or number involved. Status
 * webhooks, the voice webhooks and reconciliation all attribute through here, so every path agrees.
 * Calls and recordings nobody owns stay in the service's own records only: they never enter a user's
 * index, so no user ever sees them.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import {
  CallOwner,
  CallRecord,
  CallSnapshot,
  FINAL_CALL_STATUSES,
  getCallRecord,
  reconcileCallRecord,
} from '../store/call-records';
import { ownerOfNumber } from '../store/phone-numbers';
import { attributeRecording, getRecording, RecordingRecord } from '../store/recordings';
import { addToIndex, IndexEntry, removeFromIndex, UserIndexName } from '../store/user-index';
import { userIdOfIdentity } from '../users/directory';

const isFinal = (status: string): boolean => (FINAL_CALL_STATUSES as readonly string[]).includes(status);

/**
 * The owner of a call from what Twilio says about it: a client identity this service issued, else the
 * owner of the number on the user's side (From for outbound calls, To for inbound), else the other one.
 */
export async function ownerOfCall(
  client: TwilioClient,
  env: ServiceEnv,
  call: { direction?: string; from?: string; to?: string },
): Promise<CallOwner | null> {
  const inbound = call.direction === 'inbound';
  const sides = [inbound ? call.to : call.from, inbound ? call.from : call.to].filter((a): a is string => !!a);
  for (const address of sides) {
    if (address.startsWith('client:')) {
      const userId = userIdOfIdentity(address);
      if (userId !== undefined) return { userId, phoneNumberId: null };
    }
  }
  for (const address of sides) {
    if (!/^\+\d{7,15}$/.test(address)) continue;
    const owner = await ownerOfNumber(client, env, address);
    if (owner) return { userId: owner.userId, phoneNumberId: owner.numberId };
  }
  return null;
}

function callIndexes(record: CallRecord, owner: CallOwner, newlyOwned: boolean, becameFinal: boolean): UserIndexName[] {
  const names: UserIndexName[] = [];
  if (newlyOwned) {
    names.push('calls');
    if (owner.phoneNumberId) names.push(`calls.number.${owner.phoneNumberId}`);
  }
  if (isFinal(record.status) && (newlyOwned || becameFinal)) names.push(`calls.status.${record.status}`);
  return names;
}

/**
 * Puts the call in its owner's indexes once it is attributed, and in the index of its final status once
 * it has one (each entry is added once, however often this runs). Writes nothing for calls nobody owns.
 */
export async function indexCall(
  client: TwilioClient,
  env: ServiceEnv,
  before: CallRecord | undefined,
  after: CallRecord | undefined,
): Promise<void> {
  const owner = after?.owner;
  if (!after || !owner) return;
  const newlyOwned = !before?.owner;
  const becameFinal = isFinal(after.status) && !(before && isFinal(before.status));
  const entry: IndexEntry = { sid: after.callSid, createdAt: after.createdAt };
  await Promise.all(
    callIndexes(after, owner, newlyOwned, becameFinal).map((name) => addToIndex(client, env, owner.userId, name, entry)),
  );
}

function recordingIndexes(rec: RecordingRecord, owner: CallOwner): UserIndexName[] {
  return [
    'recordings',
    `recordings.call.${rec.callSid}`,
    ...(owner.phoneNumberId ? [`recordings.number.${owner.phoneNumberId}` as const] : []),
  ];
}

/** Puts a recording of an owned call in its owner's indexes (once). */
export async function indexRecording(client: TwilioClient, env: ServiceEnv, rec: RecordingRecord): Promise<void> {
  const owner = rec.owner;
  if (!owner) return;
  const entry: IndexEntry = { sid: rec.recordingSid, createdAt: rec.createdAt };
  await Promise.all(recordingIndexes(rec, owner).map((name) => addToIndex(client, env, owner.userId, name, entry)));
}

/** Takes a deleted recording out of its owner's indexes. */
export async function unindexRecording(client: TwilioClient, env: ServiceEnv, rec: RecordingRecord): Promise<void> {
  const owner = rec.owner;
  if (!owner) return;
  const entry: IndexEntry = { sid: rec.recordingSid, createdAt: rec.createdAt };
  await Promise.all(recordingIndexes(rec, owner).map((name) => removeFromIndex(client, env, owner.userId, name, entry)));
}

/**
 * Reconciliation's side of attribution: a call record repaired from Twilio's records gets its owner the
 * way a callback would have given it, and enters its owner's indexes. True when it changed anything.
 */
export async function attributeRepairedCall(
  client: TwilioClient,
  env: ServiceEnv,
  snap: CallSnapshot,
  repaired: { record: CallRecord | undefined; before: CallRecord | undefined },
): Promise<boolean> {
  let after = repaired.record;
  let changed = false;
  if (after && !after.attributed) {
    const owner = await ownerOfCall(client, env, after);
    const second = await reconcileCallRecord(client, env, { ...snap, owner });
    after = second.record;
    changed = second.changed;
  }
  await indexCall(client, env, repaired.before, after);
  return changed;
}

/** A recording repaired from Twilio's records gets the owner of its call, once that call has one. */
export async function attributeRepairedRecording(client: TwilioClient, env: ServiceEnv, recordingSid: string): Promise<void> {
  const rec = await getRecording(client, env, recordingSid);
  if (!rec || rec.owner !== undefined) return;
  const call = await getCallRecord(client, env, rec.callSid);
  if (!call?.attributed) return;
  const after = await attributeRecording(client, env, recordingSid, call.owner ?? null);
  if (after?.status === 'completed') await indexRecording(client, env, after);
}
