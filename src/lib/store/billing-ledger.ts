/**
 * The billing ledger: one entry per billable event (docs/decisions/0010-billing-ledger.md). Sync Maps
 * `billing-ledger.<0..63>`, item key = the entry key (category and Twilio SID, plus the period of a
 * number's fee), hash-sharded like call records: where an entry lives depends only on its key, never on
 * time, so every report of an event (callback, duplicate, reconciliation) finds the one entry. An entry
 * is written after its amount is in the totals, so its existence says "counted"; Twilio's price, which
 * may come later, has its own flag. Kept a year (Sync's longest TTL); the totals keep the sums for longer.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import type { BillingCategory } from '../billing/rate-card';
import { DAY_S, Json, shardOf, SyncMapRef } from './sync';

const SHARDS = 64;
const TTL_S = 365 * DAY_S;

export interface LedgerEntry extends Json {
  key: string;
  userId: number;
  category: BillingCategory;
  sid: string;
  phoneNumberId: string | null;
  /** When the event happened (ISO 8601): its billing month and day. */
  at: string;
  quantity: number;
  unit: 'months' | 'minutes' | 'segments';
  rateCardId: string;
  rateMicros: number;
  amountMicros: number;
  /** Twilio's own price as it reports it (a negative string), null until final. */
  twilioPrice: string | null;
  twilioPriceMicros: number | null;
  /** Twilio's price is in the totals. */
  twilioPriceCounted: boolean;
  createdAt: string;
}

function mapFor(client: TwilioClient, env: ServiceEnv, key: string): SyncMapRef<LedgerEntry> {
  return new SyncMapRef<LedgerEntry>(client, env, `billing-ledger.${shardOf(key, SHARDS)}`, 0);
}

export async function getLedgerEntry(client: TwilioClient, env: ServiceEnv, key: string): Promise<LedgerEntry | undefined> {
  return (await mapFor(client, env, key).get(key))?.data;
}

/** Creates the entry; false when it exists already (another report of the event came first). */
export async function createLedgerEntry(client: TwilioClient, env: ServiceEnv, entry: LedgerEntry): Promise<boolean> {
  return mapFor(client, env, entry.key).createIfAbsent(entry.key, entry, TTL_S);
}

/** Notes Twilio's price on the entry, as counted in the totals (once: a price already there stays). */
export async function notePrice(
  client: TwilioClient,
  env: ServiceEnv,
  key: string,
  price: { twilioPrice: string; twilioPriceMicros: number },
): Promise<void> {
  await mapFor(client, env, key).upsert(key, (current) =>
    current && !current.twilioPriceCounted ? { ...current, ...price, twilioPriceCounted: true } : undefined,
  );
}
