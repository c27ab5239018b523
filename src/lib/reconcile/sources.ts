/**
 * The Twilio records reconciliation reads, one source each: how to page them newest first from a
 * creation time, and how one record repairs this service's Sync state. Every repair is idempotent
 * (a record already right costs one Sync read and no write) and never moves a status backwards.
 */
import type { ServiceEnv } from '../runtime/env';
import { chargedAmount } from '../runtime/twilio-params';
import type { TwilioClient } from '../runtime/twilio-client';
import { isoOrNull, isoSeconds } from '../time';
import { splitChannel } from '../phone/e164';
import { CallSnapshot, FINAL_CALL_STATUSES, reconcileCallRecord } from '../store/call-records';
import { attributeRepairedCall, attributeRepairedRecording } from '../history/attribution';
import { findInboundMessage, InboundMessage, logInboundMessage } from '../store/message-log';
import { getRecording, reconcileRecording } from '../store/recordings';
import { getCallRecord } from '../store/call-records';
import { billCall, billMessage, billRecording } from '../billing/events';
import type { ReconciledSource } from '../store/reconciliation';

/** One Twilio record as a sweep sees it. */
export interface SourceRecord {
  /** Creation time at Twilio (ISO 8601): what the watermark is measured in. */
  createdAt: string;
  /** False while Twilio may still change it (a call in progress): the watermark waits for it. */
  final: boolean;
  /** Brings the service's state in line with this record; true when something had to change. */
  repair(): Promise<boolean>;
}

export interface SourcePage {
  records: SourceRecord[];
  nextPageUrl: string | null;
}

export interface Source {
  name: ReconciledSource;
  /** The newest page of records created at or after `since` (Twilio may add a few older ones). */
  firstPage(since: Date): Promise<SourcePage>;
  page(url: string): Promise<SourcePage>;
}

/** Records per Twilio page: small enough that a page's Sync repairs finish well inside one invocation. */
export const PAGE_SIZE = 100;

type Paged<I> = { instances: I[]; nextPageUrl?: string };

function pageOf<I>(page: Paged<I>, toRecord: (i: I) => SourceRecord | undefined): SourcePage {
  return {
    records: page.instances.flatMap((i) => toRecord(i) ?? []),
    nextPageUrl: page.nextPageUrl ?? null,
  };
}

/**
 * Adds a message Twilio has but the log lacks (its webhook met a Sync failure); true when it was missing.
 * A read first: reconciliation spends Sync's read allowance, not the write allowance webhooks need.
 */
async function repairInboundMessage(client: TwilioClient, env: ServiceEnv, m: MessageInstance): Promise<boolean> {
  const receivedAt = isoSeconds(m.dateCreated);
  if (await findInboundMessage(client, env, m.sid, receivedAt)) return false;
  // One more round trip, only for a missing message that has attachments: the URLs its webhook carried.
  const media: InboundMessage['media'] =
    Number(m.numMedia) > 0
      ? (await client.messages(m.sid).media.list()).map((x) => ({
          url: `https://api.twilio.com${x.uri.replace(/\.json$/, '')}`,
          contentType: x.contentType,
        }))
      : [];
  return logInboundMessage(client, env, {
    messageSid: m.sid,
    channel: splitChannel(m.from).channel,
    from: m.from,
    to: m.to,
    body: m.body,
    media,
    profileName: null,
    receivedAt,
  });
}

type MessageInstance = Awaited<ReturnType<TwilioClient['messages']['page']>>['instances'][number];

function messages(client: TwilioClient, env: ServiceEnv): Source {
  // Only messages to the account's numbers belong in the inbound log.
  const bill = (m: MessageInstance, direction: 'inbound' | 'outbound'): Promise<void> =>
    billMessage(client, env, {
      messageSid: m.sid,
      direction,
      number: direction === 'inbound' ? m.to : m.from,
      body: m.body,
      at: isoSeconds(m.dateSent ?? m.dateCreated),
      twilioPrice: m.price ?? null,
    });
  // Inbound messages belong in the inbound log; messages of users' numbers, either way, in their bills
  // (billing is bookkeeping, not a repair).
  const toRecord = (m: MessageInstance): SourceRecord => {
    const createdAt = isoSeconds(m.dateCreated);
    if (m.direction !== 'inbound') {
      return { createdAt, final: true, repair: () => bill(m, 'outbound').then(() => false) };
    }
    return {
      createdAt,
      final: true,
      repair: async () => {
        const repaired = await repairInboundMessage(client, env, m);
        await bill(m, 'inbound');
        return repaired;
      },
    };
  };
  return {
    name: 'messages',
    // DateSent filters by day at Twilio; the sweep stops at `since` itself.
    firstPage: async (since) => pageOf(await client.messages.page({ pageSize: PAGE_SIZE, dateSentAfter: since }), toRecord),
    page: async (url) => pageOf(await client.messages.getPage(url), toRecord),
  };
}

function calls(client: TwilioClient, env: ServiceEnv): Source {
  type C = Awaited<ReturnType<TwilioClient['calls']['page']>>['instances'][number];
  const toRecord = (c: C): SourceRecord => {
    const final = (FINAL_CALL_STATUSES as readonly string[]).includes(c.status);
    const price = chargedAmount(c.price ?? undefined);
    return {
      createdAt: isoSeconds(c.dateCreated),
      final,
      repair: async () => {
        const snap: CallSnapshot = {
          callSid: c.sid,
          status: c.status,
          direction: c.direction,
          from: c.from,
          to: c.to,
          duration: final && c.duration != null ? Number(c.duration) : null,
          startTime: isoOrNull(c.startTime),
          endTime: isoOrNull(c.endTime),
          price: price ?? null,
          priceUnit: price !== undefined ? (c.priceUnit ?? 'USD') : null,
          createdAt: isoSeconds(c.dateCreated),
        };
        const repaired = await reconcileCallRecord(client, env, snap);
        const attributed = await attributeRepairedCall(client, env, snap, repaired);
        if (snap.status === 'completed' && snap.duration) await billCall(client, env, await getCallRecord(client, env, c.sid));
        return repaired.changed || attributed;
      },
    };
  };
  return {
    name: 'calls',
    // No time filter: a queued call has no start time yet, and Calls filter by start time only.
    firstPage: async () => pageOf(await client.calls.page({ pageSize: PAGE_SIZE }), toRecord),
    page: async (url) => pageOf(await client.calls.getPage(url), toRecord),
  };
}

const FINAL_RECORDING = new Set(['completed', 'absent', 'failed', 'deleted']);

function recordings(client: TwilioClient, env: ServiceEnv): Source {
  type R = Awaited<ReturnType<TwilioClient['recordings']['page']>>['instances'][number];
  const toRecord = (r: R): SourceRecord => {
    const price = chargedAmount(r.price ?? undefined);
    const createdAt = isoSeconds(r.dateCreated);
    return {
      createdAt,
      final: FINAL_RECORDING.has(r.status),
      repair: async () => {
        const changed = await reconcileRecording(client, env, {
          recordingSid: r.sid,
          callSid: r.callSid,
          status: r.status,
          duration: Number(r.duration ?? 0) || 0,
          channels: r.channels ?? 1,
          source: r.source ?? 'Unknown',
          mediaUrl: r.mediaUrl ?? '',
          price: price ?? null,
          priceUnit: price !== undefined ? (r.priceUnit ?? 'USD') : null,
          createdAt,
          updatedAt: createdAt,
        });
        // Attribution is bookkeeping, not a repair: a recording met before its call was attributed gets its
        // owner on a later run without counting as lost.
        await attributeRepairedRecording(client, env, r.sid);
        if (r.status === 'completed') await billRecording(client, env, await getRecording(client, env, r.sid));
        return changed;
      },
    };
  };
  return {
    name: 'recordings',
    firstPage: async (since) => pageOf(await client.recordings.page({ pageSize: PAGE_SIZE, dateCreatedAfter: since }), toRecord),
    page: async (url) => pageOf(await client.recordings.getPage(url), toRecord),
  };
}

export function reconciledSources(client: TwilioClient, env: ServiceEnv): Source[] {
  return [messages(client, env), calls(client, env), recordings(client, env)];
}
