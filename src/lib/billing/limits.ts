/**
 * Spending limits: each user has a monthly limit (DEFAULT_MONTHLY_LIMIT, or what an admin set for them).
 * From 80% of it their usage shows an alert; from 100% their new outbound calls and messages are refused
 * until the month turns or the limit rises. What they have spent is read from the month's totals.
 */
import { ApiError } from '../runtime/errors';
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { readUserMonthTotals, Tally } from '../store/billing-totals';
import { getSpendingLimit } from '../store/spending-limits';
import { monthOf } from './charge';
import { parseMicros } from './money';

/** When DEFAULT_MONTHLY_LIMIT is unset: $50.00 a month. */
export const FALLBACK_MONTHLY_LIMIT_MICROS = 50_000_000;
export const ALERT_SHARE = 0.8;

export type AlertState = 'ok' | 'alert' | 'limit_reached';

export interface SpendingState {
  month: string;
  limitMicros: number;
  spentMicros: number;
  /** Whether the limit is this user's own (set by an admin) or the default. */
  source: 'default' | 'user';
  alert: AlertState;
}

export function defaultLimitMicros(env: ServiceEnv): number {
  const configured = env.DEFAULT_MONTHLY_LIMIT?.trim();
  return (configured ? parseMicros(configured) : undefined) ?? FALLBACK_MONTHLY_LIMIT_MICROS;
}

export function alertOf(spentMicros: number, limitMicros: number): AlertState {
  if (spentMicros >= limitMicros) return 'limit_reached';
  return spentMicros >= limitMicros * ALERT_SHARE ? 'alert' : 'ok';
}

export function spentOf(categories: Partial<Record<string, Tally>>): number {
  return Object.values(categories).reduce((sum, t) => sum + (t?.amountMicros ?? 0), 0);
}

/** The user's limit and spend this month (or the month given). */
export async function spendingState(
  client: TwilioClient,
  env: ServiceEnv,
  userId: number,
  month = monthOf(new Date().toISOString()),
  spentMicros?: number,
): Promise<SpendingState> {
  const [own, spent] = await Promise.all([
    getSpendingLimit(client, env, userId),
    spentMicros !== undefined ? spentMicros : readUserMonthTotals(client, env, userId, month).then((t) => spentOf(t.categories)),
  ]);
  const limitMicros = own?.limitMicros ?? defaultLimitMicros(env);
  return { month, limitMicros, spentMicros: spent, source: own ? 'user' : 'default', alert: alertOf(spent, limitMicros) };
}

export const SPENDING_LIMIT_MESSAGE = 'Your monthly spending limit has been reached';

export const spendingLimitReached = (): ApiError =>
  new ApiError(
    402,
    'SPENDING_LIMIT_REACHED',
    `${SPENDING_LIMIT_MESSAGE}; calls and messages resume next month or when the limit is raised`,
  );

/** Refuses a new outbound call or message of a user who has reached their limit. */
export async function assertUnderLimit(client: TwilioClient, env: ServiceEnv, userId: number): Promise<void> {
  if ((await spendingState(client, env, userId)).alert === 'limit_reached') throw spendingLimitReached();
}
