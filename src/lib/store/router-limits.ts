/**
 * What limits the SMS router's traffic: rate windows and opt-outs.
 * - Sync Maps `sms-router-rate.<0..15>` (by hash of the user), item key = `<user id>.<minute>`: messages
 *   routed to the user in that minute, in all and per sender. Items expire after three minutes. Once a
 *   limit is reached nothing more is written, so a flood reads the item but does not make it hot.
 * - Sync Maps `sms-router-optouts.<0..15>` (by hash of the user and sender), item key =
 *   `<user id>.<sender without +>`: the sender said STOP to one of the user's numbers.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { Json, shardOf, SyncMapRef } from './sync';

const SHARDS = 16;
const WINDOW_TTL_S = 180;

interface RateWindow extends Json {
  total: number;
  senders: Record<string, number>;
}

export interface OptOut extends Json {
  user_id: number;
  phone_number: string;
  opted_out_at: string;
}

export type RateVerdict = 'ok' | 'sender_limited' | 'user_limited';

/**
 * Counts one message from `sender` to the user in the current minute, unless a limit is reached already
 * (then nothing is written and the verdict says which limit).
 */
export async function countInRateWindow(
  client: TwilioClient,
  env: ServiceEnv,
  userKey: string,
  sender: string,
  limits: { perSender: number; perUser: number },
  now: Date,
): Promise<RateVerdict> {
  const minute = now.toISOString().slice(0, 16);
  const map = new SyncMapRef<RateWindow>(client, env, `sms-router-rate.${shardOf(userKey, SHARDS)}`, 0);
  let verdict: RateVerdict = 'ok';
  await map.upsert(
    `${userKey}.${minute}`,
    (current) => {
      const w = current ?? { total: 0, senders: {} };
      const fromSender = w.senders[sender] ?? 0;
      verdict = fromSender >= limits.perSender ? 'sender_limited' : w.total >= limits.perUser ? 'user_limited' : 'ok';
      return verdict === 'ok' ? { total: w.total + 1, senders: { ...w.senders, [sender]: fromSender + 1 } } : undefined;
    },
    WINDOW_TTL_S,
  );
  return verdict;
}

function optOutMap(client: TwilioClient, env: ServiceEnv, key: string): SyncMapRef<OptOut> {
  return new SyncMapRef<OptOut>(client, env, `sms-router-optouts.${shardOf(key, SHARDS)}`, 0);
}
const optOutKey = (userId: number, sender: string): string => `${userId}.${sender.replace(/^\+/, '')}`;

export async function findOptOut(
  client: TwilioClient,
  env: ServiceEnv,
  userId: number,
  sender: string,
): Promise<OptOut | undefined> {
  const key = optOutKey(userId, sender);
  return (await optOutMap(client, env, key).get(key))?.data;
}

export async function addOptOut(client: TwilioClient, env: ServiceEnv, optOut: OptOut): Promise<void> {
  const key = optOutKey(optOut.user_id, optOut.phone_number);
  await optOutMap(client, env, key).createIfAbsent(key, optOut);
}

export async function removeOptOut(client: TwilioClient, env: ServiceEnv, userId: number, sender: string): Promise<boolean> {
  const key = optOutKey(userId, sender);
  return optOutMap(client, env, key).remove(key);
}
