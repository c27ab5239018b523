/**
 * A user's call log: their calls newest first, from their own indexes (never a scan of everyone's
 * records), each read from the service's call record. Another user's call answers exactly like one that
 * does not exist.
 */
import { ApiError } from '../runtime/errors';
import type { ServiceEnv } from '../runtime/env';
import { chargedAmount } from '../runtime/twilio-params';
import type { TwilioClient } from '../runtime/twilio-client';
import { isoOrNull, isoSeconds } from '../time';
import { CallRecord, FINAL_CALL_STATUSES, getCallRecord, reconcileCallRecord } from '../store/call-records';
import { readIndexPage, UserIndexName } from '../store/user-index';
import { callView, CallView, pagination, Pagination } from './views';

export const callNotFound = (): ApiError => new ApiError(404, 'CALL_NOT_FOUND', 'Call not found or not owned by user');

/** The statuses a call log can be filtered by: where calls end up (a call in progress shows unfiltered). */
export const CALL_LOG_STATUSES = FINAL_CALL_STATUSES;

export interface CallLogQuery {
  page: number;
  limit: number;
  status?: (typeof CALL_LOG_STATUSES)[number] | undefined;
  phoneNumberId?: string | undefined;
}

/** The user's call, or undefined when it is not theirs (or does not exist). */
async function ownCall(client: TwilioClient, env: ServiceEnv, userId: number, callSid: string): Promise<CallRecord | undefined> {
  if (!/^CA[0-9a-f]{32}$/.test(callSid)) return undefined;
  const record = await getCallRecord(client, env, callSid);
  return record?.owner?.userId === userId ? record : undefined;
}

/** A page of the user's calls, newest first, with the seed's pagination object. */
export async function listUserCalls(
  client: TwilioClient,
  env: ServiceEnv,
  userId: number,
  q: CallLogQuery,
): Promise<{ calls: CallView[]; pagination: Pagination }> {
  const index: UserIndexName = q.status
    ? `calls.status.${q.status}`
    : q.phoneNumberId
      ? `calls.number.${q.phoneNumberId}`
      : 'calls';
  // Both filters: the status index, narrowed to the number (its newest 100 calls of that status).
  const both = q.status !== undefined && q.phoneNumberId !== undefined;
  const page = await readIndexPage(client, env, userId, index, both ? 1 : q.page, both ? 100 : q.limit);
  const sids = page.entries.map((e) => e.sid);
  const records = (await Promise.all(sids.map((sid) => ownCall(client, env, userId, sid)))).filter(
    (r): r is CallRecord => r !== undefined && (!both || r.owner?.phoneNumberId === q.phoneNumberId),
  );
  const calls = records.map(callView);
  if (!both) return { calls, pagination: pagination(q.page, q.limit, page.totalItems) };
  const start = (q.page - 1) * q.limit;
  return { calls: calls.slice(start, start + q.limit), pagination: pagination(q.page, q.limit, calls.length) };
}

/**
 * One of the user's calls with every detail. A finished call whose price Twilio had not reported yet is
 * looked up once in Twilio's Calls API (the price comes after the call), and the record keeps it.
 */
export async function userCall(client: TwilioClient, env: ServiceEnv, userId: number, callSid: string): Promise<CallView> {
  const record = await ownCall(client, env, userId, callSid);
  if (!record) throw callNotFound();
  if (record.price !== null || !(FINAL_CALL_STATUSES as readonly string[]).includes(record.status)) return callView(record);
  const c = await client.calls(callSid).fetch();
  const price = chargedAmount(c.price ?? undefined);
  if (price === undefined) return callView(record);
  const { record: repaired } = await reconcileCallRecord(client, env, {
    callSid,
    status: c.status,
    direction: c.direction,
    from: c.from,
    to: c.to,
    duration: c.duration != null ? Number(c.duration) : null,
    startTime: isoOrNull(c.startTime),
    endTime: isoOrNull(c.endTime),
    price,
    priceUnit: c.priceUnit ?? 'USD',
    createdAt: isoSeconds(c.dateCreated),
  });
  return callView(repaired ?? record);
}
