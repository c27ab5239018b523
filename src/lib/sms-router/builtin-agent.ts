/**
 * The built-in agent: answers a user's text from that user's own data (their numbers, their recent calls,
 * this month's spending against their limit),
 * so it needs no model and no network. It is also the language-model agent's fallback, and its facts are
 * what that agent is given.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { listUserCalls } from '../history/calls';
import { numbersToCallFrom } from '../numbers/user-numbers';
import { mappingsOfUser } from '../store/phone-mappings';
import { spendingState } from '../billing/limits';
import { CURRENCY, toDecimal } from '../billing/money';

export interface AgentRequest {
  userId: number;
  from: string;
  text: string;
  helpText: string;
}

const RECENT_CALLS = 3;

const money = (micros: number): string => `${toDecimal(micros).toFixed(2)} ${CURRENCY}`;

/** This month's spending against the user's limit, from the billing totals (docs/decisions/0010). */
export async function usageFact(client: TwilioClient, env: ServiceEnv, userId: number): Promise<string> {
  const s = await spendingState(client, env, userId);
  const percent = s.limitMicros > 0 ? Math.floor((s.spentMicros * 100) / s.limitMicros) : 100;
  const alert =
    s.alert === 'limit_reached'
      ? ' Your limit is reached: new calls and messages are paused until next month or a higher limit.'
      : s.alert === 'alert'
        ? ' You have used over 80% of your limit.'
        : '';
  return `This month (${s.month}) you have spent ${money(s.spentMicros)} of your ${money(s.limitMicros)} limit (${percent}%).${alert}`;
}

export async function numbersFact(client: TwilioClient, env: ServiceEnv, userId: number): Promise<string> {
  const [owned, mapped] = await Promise.all([numbersToCallFrom(client, env, userId), mappingsOfUser(client, env, userId)]);
  const ownedText = owned.length ? owned.map((n) => n.number).join(', ') : 'none';
  const mappedText = mapped.length
    ? mapped.map((m) => `${m.phone_number}${m.is_primary ? ' (primary)' : ''}${m.is_verified ? '' : ' (unverified)'}`).join(', ')
    : 'none';
  return `Your numbers: ${ownedText}. Phones that can text you here: ${mappedText}.`;
}

export async function callsFact(client: TwilioClient, env: ServiceEnv, userId: number): Promise<string> {
  const { calls, pagination } = await listUserCalls(client, env, userId, { page: 1, limit: RECENT_CALLS });
  if (calls.length === 0) return 'You have no calls yet.';
  const lines = calls.map(
    (c) =>
      `${c.direction === 'inbound' ? 'from' : 'to'} ${c.direction === 'inbound' ? c.from : c.to}, ${c.status}, ${c.createdAt.slice(0, 16).replace('T', ' ')}`,
  );
  return `Your last ${calls.length} of ${pagination.totalItems} calls: ${lines.join('; ')}.`;
}

export async function builtinAnswer(client: TwilioClient, env: ServiceEnv, req: AgentRequest): Promise<string> {
  const word = req.text.trim().toUpperCase();
  if (/^NUMBERS?\b/.test(word)) return numbersFact(client, env, req.userId);
  if (/^CALLS?\b/.test(word)) return callsFact(client, env, req.userId);
  if (/^USAGE\b/.test(word)) return usageFact(client, env, req.userId);
  return `Hello! ${req.helpText}`;
}
