/**
 * The billing ledger: one entry per billable event (docs/decisions/0010-billing-ledger.md). Sync Maps
 * `billing-ledger.<0..63>`, item key = the entry key (category and Twilio SID, plus the period of a
 * number's fee), hash-sharded like call records: where an entry lives depends only on its key, never on
 * time, so every report of an event (callback, duplicate, reconciliation) finds the one entry. Entries
 * carry flags saying which parts are in the totals, so a run that stopped half way is finished by the next
 * report of the same event. Kept a year (Sync's longest TTL); the totals keep the sums for longer.
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
  /** The amount is in the totals. */
  counted: boolean;
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

/**
 * The entry after this report of its event: created when new; otherwise only Twilio's price is added
 * when it was missing (the charge itself never changes). One read, plus one write when something changed.
 */
export async function putLedgerEntry(client: TwilioClient, env: ServiceEnv, entry: LedgerEntry): Promise<LedgerEntry> {
  const after = await mapFor(client, env, entry.key).upsert(
    entry.key,
    (current) => {
      if (!current) return entry;
      if (current.twilioPrice === null && entry.twilioPrice !== null) {
        return { ...current, twilioPrice: entry.twilioPrice, twilioPriceMicros: entry.twilioPriceMicros };
      }
      return undefined;
    },
    TTL_S,
  );
  return after ?? entry;
}

/** Notes that the entry's amount and price (when it has one) are in the totals. */
export async function markCounted(
  client: TwilioClient,
  env: ServiceEnv,
  key: string,
  parts: { amount: boolean; twilioPrice: boolean },
): Promise<void> {
  await mapFor(client, env, key).upsert(key, (current) => {
    if (!current) return undefined;
    const counted = current.counted || parts.amount;
    const twilioPriceCounted = current.twilioPriceCounted || parts.twilioPrice;
    if (counted === current.counted && twilioPriceCounted === current.twilioPriceCounted) return undefined;
    return { ...current, counted, twilioPriceCounted };
  });
}
