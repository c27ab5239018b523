/**
 * What admins change about billing: a new rate card (from its effective time on, never before the cards
 * in every container are fresh) and a user's monthly spending limit.
 */
import { randomBytes } from 'crypto';
import { ApiError } from '../runtime/errors';
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { addRateCard, listRateCards } from '../store/rate-cards';
import { setSpendingLimit, SpendingLimitRecord } from '../store/spending-limits';
import { isoSeconds } from '../time';
import { cardAt, RATE_CARD_LEAD_MS, RateCard, RateName, Rates } from './rate-card';
import { CURRENCY } from './money';

/**
 * Adds a card: the rates given replace those of the card in force at its effective time, the others
 * carry over. Effective at least a minute from now (the default), so every container bills by it from then.
 */
export async function setRateCard(
  client: TwilioClient,
  env: ServiceEnv,
  change: { rates: Partial<Rates>; effectiveAt?: string | undefined; by: string },
  now = new Date(),
): Promise<RateCard> {
  const earliest = now.getTime() + RATE_CARD_LEAD_MS;
  const at = change.effectiveAt === undefined ? earliest : Date.parse(change.effectiveAt);
  if (!Number.isFinite(at))
    throw new ApiError(400, 'VALIDATION_ERROR', 'effectiveAt must be an ISO 8601 time', { field: 'effectiveAt' });
  if (at < earliest - 1000) {
    throw new ApiError(
      400,
      'VALIDATION_ERROR',
      'effectiveAt must be at least 60 seconds from now: past charges keep their rates',
      {
        field: 'effectiveAt',
      },
    );
  }
  const effectiveAt = new Date(Math.ceil(at / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const base = cardAt(await listRateCards(client, env, true), effectiveAt);
  const given = Object.fromEntries(Object.entries(change.rates).filter(([, v]) => v !== undefined)) as Partial<
    Record<RateName, number>
  >;
  const card: RateCard = {
    id: `${now.getTime()}-${randomBytes(3).toString('hex')}`,
    effectiveAt,
    rates: { ...base.rates, ...given },
    currency: CURRENCY,
    createdAt: isoSeconds(now),
    createdBy: change.by,
  };
  await addRateCard(client, env, card);
  return card;
}

export async function setUserSpendingLimit(
  client: TwilioClient,
  env: ServiceEnv,
  change: { userId: number; limitMicros: number; by: string },
): Promise<SpendingLimitRecord> {
  const record: SpendingLimitRecord = {
    userId: change.userId,
    limitMicros: change.limitMicros,
    updatedAt: isoSeconds(new Date()),
    updatedBy: change.by,
  };
  await setSpendingLimit(client, env, record);
  return record;
}
