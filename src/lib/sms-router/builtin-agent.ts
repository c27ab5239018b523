/**
 * The built-in agent: answers a user's text from that user's own data (their numbers, their recent calls),
 * so it needs no model and no network. It is also the language-model agent's fallback, and its facts are
 * what that agent is given.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { listUserCalls } from '../history/calls';
import { numbersToCallFrom } from '../numbers/user-numbers';
import { mappingsOfUser } from '../store/phone-mappings';

export interface AgentRequest {
  userId: number;
  from: string;
  text: string;
  helpText: string;
}

const RECENT_CALLS = 3;

/** This branch of the service keeps no usage meter for the router's agent to read. */
export const USAGE_UNAVAILABLE = 'Usage figures for this month are not available from this service yet.';

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
  if (/^USAGE\b/.test(word)) return USAGE_UNAVAILABLE;
  return `Hello! ${req.helpText}`;
}
