/**
 * Recordings: kept from Twilio's callbacks and attributed to the owner of their call; listed per user
 * from that user's indexes; deleted at Twilio and here by their owner only. Another user's recording
 * answers exactly like one that does not exist.
 */
import { ApiError } from '../runtime/errors';
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { forgetCallRecording, getCallRecord, noteCallRecording } from '../store/call-records';
import { getRecording, noteRecordingTranscription, RecordingRecord, recordRecording, removeRecording } from '../store/recordings';
import { readIndexPage, UserIndexName } from '../store/user-index';
import { indexRecording, unindexRecording } from './attribution';
import { isoSeconds } from '../time';
import { billRecording } from '../billing/events';
import { pagination, Pagination, recordingView, RecordingView } from './views';

export const recordingNotFound = (): ApiError =>
  new ApiError(404, 'RECORDING_NOT_FOUND', 'Recording not found or not owned by user');

/** Stores a recording callback, attributed to its call's owner; the record after. */
export async function keepRecording(
  client: TwilioClient,
  env: ServiceEnv,
  rec: RecordingRecord,
): Promise<RecordingRecord | undefined> {
  const call = await getCallRecord(client, env, rec.callSid);
  const owner = call?.attributed ? call.owner : undefined;
  const stored = await recordRecording(client, env, { ...rec, ...(owner !== undefined ? { owner } : {}) });
  if (stored?.status === 'completed') {
    await Promise.all([
      indexRecording(client, env, stored),
      noteCallRecording(client, env, stored.callSid, {
        recordingSid: stored.recordingSid,
        recordingUrl: stored.mediaUrl,
        transcription: stored.transcription ?? null,
        at: isoSeconds(new Date()),
      }),
      billRecording(client, env, stored),
    ]);
  }
  return stored;
}

/** A transcription callback: the text goes on the recording and on its call. */
export async function keepTranscription(
  client: TwilioClient,
  env: ServiceEnv,
  callSid: string,
  recordingSid: string,
  text: string,
  at: string,
): Promise<void> {
  const rec = await noteRecordingTranscription(client, env, recordingSid, text, at);
  await noteCallRecording(client, env, callSid, { recordingSid, recordingUrl: rec?.mediaUrl ?? '', transcription: text, at });
}

/** The user's recording, or undefined when it is not theirs (or does not exist). */
async function ownRecording(
  client: TwilioClient,
  env: ServiceEnv,
  userId: number,
  recordingSid: string,
): Promise<RecordingRecord | undefined> {
  if (!/^RE[0-9a-f]{32}$/.test(recordingSid)) return undefined;
  const rec = await getRecording(client, env, recordingSid);
  return rec?.owner?.userId === userId ? rec : undefined;
}

async function recordingsOf(client: TwilioClient, env: ServiceEnv, sids: string[], userId: number): Promise<RecordingView[]> {
  const found = await Promise.all(sids.map((sid) => ownRecording(client, env, userId, sid)));
  return found.filter((r): r is RecordingRecord => r !== undefined).map(recordingView);
}

export interface RecordingsQuery {
  page: number;
  limit: number;
  callSid?: string | undefined;
  phoneNumberId?: string | undefined;
}

/** A page of the user's recordings, newest first; filters pick the index, so a page never scans. */
export async function listUserRecordings(
  client: TwilioClient,
  env: ServiceEnv,
  userId: number,
  q: RecordingsQuery,
): Promise<{ recordings: RecordingView[]; pagination: Pagination }> {
  // Both filters at once: the smaller index (one call's recordings), filtered by number.
  const index: UserIndexName = q.callSid
    ? `recordings.call.${q.callSid}`
    : q.phoneNumberId
      ? `recordings.number.${q.phoneNumberId}`
      : 'recordings';
  const both = q.callSid !== undefined && q.phoneNumberId !== undefined;
  const page = await readIndexPage(client, env, userId, index, both ? 1 : q.page, both ? 100 : q.limit);
  let recordings = await recordingsOf(
    client,
    env,
    page.entries.map((e) => e.sid),
    userId,
  );
  if (!both) return { recordings, pagination: pagination(q.page, q.limit, page.totalItems) };
  recordings = recordings.filter((r) => r.phoneNumberId === q.phoneNumberId);
  const start = (q.page - 1) * q.limit;
  return { recordings: recordings.slice(start, start + q.limit), pagination: pagination(q.page, q.limit, recordings.length) };
}

/** Every recording of one of the user's calls (a call has a few at most). */
export async function recordingsOfCall(
  client: TwilioClient,
  env: ServiceEnv,
  userId: number,
  callSid: string,
): Promise<RecordingView[]> {
  const page = await readIndexPage(client, env, userId, `recordings.call.${callSid}`, 1, 100);
  return recordingsOf(
    client,
    env,
    page.entries.map((e) => e.sid),
    userId,
  );
}

/** Deletes the user's recording at Twilio and in this service's records. */
export async function deleteUserRecording(
  client: TwilioClient,
  env: ServiceEnv,
  userId: number,
  recordingSid: string,
): Promise<void> {
  const rec = await ownRecording(client, env, userId, recordingSid);
  if (!rec) throw recordingNotFound();
  try {
    await client.recordings(recordingSid).remove();
  } catch (err) {
    // Already gone at Twilio (deleted in the Console, or by a retry of this request): finish the job here.
    if ((err as { status?: unknown }).status !== 404) throw err;
  }
  await unindexRecording(client, env, rec);
  await removeRecording(client, env, recordingSid);
  await forgetCallRecording(client, env, rec.callSid, recordingSid, new Date().toISOString());
}
