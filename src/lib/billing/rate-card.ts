/**
 * The rate card: what the platform bills its users per unit. Seed 004's card is the default; admins add
 * new cards that apply to events from their effective time on, and old cards stay, so every past charge
 * names the card and rate it was billed at.
 */
import { CURRENCY, toDecimal } from './money';

/** What a user is billed for; SMS is one rate, filed by direction. */
export const BILLING_CATEGORIES = [
  'phone-numbers',
  'calls-outbound',
  'calls-inbound',
  'recordings',
  'sms-outbound',
  'sms-inbound',
] as const;
export type BillingCategory = (typeof BILLING_CATEGORIES)[number];

export const RATE_NAMES = [
  'phoneNumberMonthly',
  'outboundCallPerMinute',
  'inboundCallPerMinute',
  'recordingPerMinute',
  'smsPerSegment',
] as const;
export type RateName = (typeof RATE_NAMES)[number];

/** The rate each category is billed at, and the unit its quantity counts. */
export const CATEGORY_RATE: Record<BillingCategory, { rate: RateName; unit: 'months' | 'minutes' | 'segments' }> = {
  'phone-numbers': { rate: 'phoneNumberMonthly', unit: 'months' },
  'calls-outbound': { rate: 'outboundCallPerMinute', unit: 'minutes' },
  'calls-inbound': { rate: 'inboundCallPerMinute', unit: 'minutes' },
  recordings: { rate: 'recordingPerMinute', unit: 'minutes' },
  'sms-outbound': { rate: 'smsPerSegment', unit: 'segments' },
  'sms-inbound': { rate: 'smsPerSegment', unit: 'segments' },
};

export type Rates = Record<RateName, number>;

export interface RateCard {
  /** `default` for seed 004's card, else the time it was set (ms) and a random suffix. */
  id: string;
  /** From when it applies (ISO 8601). */
  effectiveAt: string;
  /** Rates in micros of `currency`. */
  rates: Rates;
  currency: string;
  createdAt: string;
  createdBy: string | null;
}

/** Seed 004, "Cost Structure": numbers $1/month, calls $0.0085/min either way, recordings $0.0025/min, SMS $0.0075. */
export const DEFAULT_RATE_CARD: RateCard = {
  id: 'default',
  effectiveAt: '1970-01-01T00:00:00Z',
  rates: {
    phoneNumberMonthly: 1_000_000,
    outboundCallPerMinute: 8_500,
    inboundCallPerMinute: 8_500,
    recordingPerMinute: 2_500,
    smsPerSegment: 7_500,
  },
  currency: CURRENCY,
  createdAt: '1970-01-01T00:00:00Z',
  createdBy: null,
};

/**
 * A new card applies at least this long after it is set: every container caches the cards for less
 * (RATE_CARD_CACHE_MS), so no event after a card's effective time is billed at the card before it.
 */
export const RATE_CARD_LEAD_MS = 60_000;
export const RATE_CARD_CACHE_MS = 30_000;

/** The card in force at `at` (cards in any order; the default when none is older). */
export function cardAt(cards: readonly RateCard[], at: string): RateCard {
  const t = Date.parse(at);
  let best = DEFAULT_RATE_CARD;
  for (const card of cards) {
    const from = Date.parse(card.effectiveAt);
    if (from <= t && from >= Date.parse(best.effectiveAt)) best = card;
  }
  return best;
}

export interface RateCardView {
  id: string;
  effectiveAt: string;
  priceUnit: string;
  rates: Record<RateName, number>;
  createdAt: string;
  createdBy: string | null;
}

export function rateCardView(card: RateCard): RateCardView {
  const rates = Object.fromEntries(RATE_NAMES.map((r) => [r, toDecimal(card.rates[r])])) as Record<RateName, number>;
  return {
    id: card.id,
    effectiveAt: card.effectiveAt,
    priceUnit: card.currency,
    rates,
    createdAt: card.createdAt,
    createdBy: card.createdBy,
  };
}
