/**
 * Rate cards admins set (docs/decisions/0010-billing-ledger.md). Sync Map `billing-rate-cards`, item key =
 * `<effective time, ms, 13 digits>.<card id>`, so key order is effective-time order; cards are never
 * changed or removed, so every past charge can be explained by the card it names. Seed 004's card is the
 * default and is not stored. Written only when an admin sets a card; read through a short per-container
 * cache, so billing at 100 events/s reads it at most once per container every 30 s.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { RATE_CARD_CACHE_MS, RateCard } from '../billing/rate-card';
import { Json, SyncMapRef } from './sync';

/** A card as stored: the card itself, as a Sync item's JSON. */
type StoredCard = RateCard & Json;

/** A page of Sync items: the card history is read in one round trip. */
const MAX_CARDS = 100;

function cardsMap(client: TwilioClient, env: ServiceEnv): SyncMapRef<StoredCard> {
  return new SyncMapRef<StoredCard>(client, env, 'billing-rate-cards', 0);
}

let cache: { at: number; cards: RateCard[] } | undefined;

/** Every card admins set, by effective time (the default card not included). */
export async function listRateCards(client: TwilioClient, env: ServiceEnv, fresh = false): Promise<RateCard[]> {
  if (!fresh && cache && Date.now() - cache.at < RATE_CARD_CACHE_MS) return cache.cards;
  const cards = (await cardsMap(client, env).list({ limit: MAX_CARDS })).map((i) => i.data);
  cache = { at: Date.now(), cards };
  return cards;
}

/** Keeps a new card; the caller has checked its effective time. */
export async function addRateCard(client: TwilioClient, env: ServiceEnv, card: RateCard): Promise<void> {
  const key = `${String(Date.parse(card.effectiveAt)).padStart(13, '0')}.${card.id}`;
  await cardsMap(client, env).createIfAbsent(key, { ...card });
  cache = undefined;
}
