/**
 * Inbound message log: every SMS, MMS and WhatsApp message a webhook acknowledged, media included.
 * Sync Maps `inbound-messages.<YYYY-MM-DD>.<0..15>` (by day, then by hash: each object stays far below
 * Sync's per-object write rate), item key = MessageSid so Twilio's retries of a webhook are no-ops.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { DAY_S, Json, shardOf, SyncMapRef } from './sync';

const SHARDS = 16;
const TTL_S = 90 * DAY_S;

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

/** Stores the message once; false when Twilio had delivered it before (a retry). */
export async function logInboundMessage(client: TwilioClient, env: ServiceEnv, msg: InboundMessage): Promise<boolean> {
  const day = msg.receivedAt.slice(0, 10);
  const map = new SyncMapRef<InboundMessage>(client, env, `inbound-messages.${day}.${shardOf(msg.messageSid, SHARDS)}`, TTL_S);
  return map.createIfAbsent(msg.messageSid, msg);
}
