/**
 * Inbound message log: every SMS, MMS and WhatsApp message a webhook acknowledged, media included.
 * Sync Maps `inbound-messages.<YYYY-MM-DD>.<0..63>` (by day, then by hash), item key = MessageSid so
 * Twilio's retries of a webhook are no-ops. 64 shards keep each map near 6 writes/s at 400 messages/s,
 * a third of Sync's 20 writes/s per object, so a burst never meets a 429 (docs/decisions/0006).
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { DAY_S, Json, shardOf, SyncMapRef } from './sync';

const SHARDS = 64;
const TTL_S = 90 * DAY_S;
/** A webhook runs moments after Twilio created the message, so near midnight its day may be the next one. */
const DAY_EDGE_MS = 10 * 60_000;

export interface InboundMessage extends Json {
  messageSid: string;
  channel: 'sms' | 'whatsapp';
  from: string;
  to: string;
  body: string;
  media: { url: string; contentType: string }[];
  profileName: string | null;
  receivedAt: string;
}

function mapFor(client: TwilioClient, env: ServiceEnv, day: string, messageSid: string): SyncMapRef<InboundMessage> {
  return new SyncMapRef<InboundMessage>(client, env, `inbound-messages.${day}.${shardOf(messageSid, SHARDS)}`, TTL_S);
}

/** Stores the message once; false when Twilio had delivered it before (a retry). */
export async function logInboundMessage(client: TwilioClient, env: ServiceEnv, msg: InboundMessage): Promise<boolean> {
  return mapFor(client, env, msg.receivedAt.slice(0, 10), msg.messageSid).createIfAbsent(msg.messageSid, msg);
}

/** The logged message received at about `receivedAt` (Twilio's creation time will do), if any. */
export async function findInboundMessage(
  client: TwilioClient,
  env: ServiceEnv,
  messageSid: string,
  receivedAt: string,
): Promise<InboundMessage | undefined> {
  const t = Date.parse(receivedAt);
  const days = [receivedAt.slice(0, 10)];
  const next = new Date(t + DAY_EDGE_MS).toISOString().slice(0, 10);
  if (next !== days[0]) days.push(next);
  for (const day of days) {
    const found = await mapFor(client, env, day, messageSid).get(messageSid);
    if (found) return found.data;
  }
  return undefined;
}
