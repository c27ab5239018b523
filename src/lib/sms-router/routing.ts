/**
 * The inbound webhook's part of routing (docs/decisions/0012-sms-router.md): who the message is for, the
 * keywords carriers require, the router's own limits, and the answer. It sends nothing itself and keeps
 * to a few Sync round trips: a message that may go on is acknowledged with TwiML whose <Redirect> hands
 * it to the processing function, where the agent runs with its own time budget.
 */
import type { ServiceEnv } from '../runtime/env';
import { f } from '../runtime/input';
import { logEvent } from '../runtime/log';
import { INBOUND_TEXT_MAX } from '../messaging/inbound';
import type { TwilioClient } from '../runtime/twilio-client';
import { twimlResponse, verb } from '../twiml/document';
import { mappingOfNumber } from '../store/phone-mappings';
import { ownerOfNumber } from '../store/phone-numbers';
import { addOptOut, countInRateWindow, findOptOut, RateVerdict, removeOptOut } from '../store/router-limits';
import { forget, LOOKUP_TTL_MS, memoryKey, recall, remember, remembered } from './container-memory';
import { routerConfig } from './config';
import { keywordOf } from './keywords';
import { inboundRecorder } from './records';

export const ACKNOWLEDGEMENT = "Thank you for your message. I'll process it shortly.";
export const NOT_FOUND_REPLY = 'Sorry, this number is not set up to receive your messages.';
export const RATE_LIMITED_REPLY = 'You are sending messages faster than we can answer. Please wait a minute and try again.';
export const TOO_LONG_REPLY = (max: number): string => `Sorry, your message is too long. Please keep it under ${max} characters.`;

/**
 * The inputs of the router's webhook: Twilio posts the same parameters to /webhook/sms and, through the
 * acknowledgement's <Redirect>, to /webhook/process, so both functions declare them here, once.
 */
export const INBOUND_SMS_INPUT = {
  MessageSid: f.sid('SM', 'a message SID'),
  From: f.phone().describe("the sender's phone number"),
  To: f.phone().describe('our Twilio number that received it'),
  Body: f.relayed({ keep: INBOUND_TEXT_MAX }),
};

export interface InboundSms {
  messageSid: string;
  from: string;
  to: string;
  body: string;
}

export interface Recipient {
  userId: number;
  /** How the user was found: the sender's verified mapping, or the number that received the message. */
  via: 'mapping' | 'owner';
}

/** Where a container remembers whether the sender opted out of the user's numbers. */
export const optOutMemoryKey = (env: ServiceEnv, userId: number, sender: string): string =>
  memoryKey(env, 'opt-out', userId, sender);

/** The sender's verified mapping names the user; otherwise the owner of the number that received it. */
export async function identifyRecipient(client: TwilioClient, env: ServiceEnv, sms: InboundSms): Promise<Recipient | undefined> {
  const [mapping, owner] = await Promise.all([
    remembered(memoryKey(env, 'mapping', sms.from), () => mappingOfNumber(client, env, sms.from), LOOKUP_TTL_MS),
    remembered(memoryKey(env, 'owner', sms.to), () => ownerOfNumber(client, env, sms.to), LOOKUP_TTL_MS),
  ]);
  if (mapping?.is_verified) return { userId: mapping.user_id, via: 'mapping' };
  if (owner) return { userId: owner.userId, via: 'owner' };
  return undefined;
}

const reply = (text?: string): string => twimlResponse(...(text ? [verb('Message', {}, text)] : []));

/**
 * The acknowledgement: Twilio sends the <Message>, then fetches the processing function, a sibling of this
 * webhook (a relative URL resolves against the webhook's own).
 */
export function acknowledgement(): string {
  return twimlResponse(verb('Message', {}, ACKNOWLEDGEMENT), verb('Redirect', { method: 'POST' }, 'process'));
}

/** The TwiML answer to an inbound SMS. */
export async function routeInbound(client: TwilioClient, env: ServiceEnv, sms: InboundSms): Promise<string> {
  const at = new Date();
  const length = Array.from(sms.body).length;
  const record = inboundRecorder(client, env, sms, at, false);
  const [config, recipient] = await Promise.all([routerConfig(client, env), identifyRecipient(client, env, sms)]);
  if (!recipient) {
    logEvent('sms_router_unrouted', { error_code: 'PHONE_NUMBER_NOT_FOUND', sid: sms.messageSid, to: sms.to });
    await record(null, false, 'PHONE_NUMBER_NOT_FOUND');
    return reply(NOT_FOUND_REPLY);
  }
  const { userId } = recipient;
  const keyword = keywordOf(sms.body);
  // Twilio confirms STOP and START itself; the router only keeps its own list, which covers all the user's numbers.
  const optOutKey = optOutMemoryKey(env, userId, sms.from);
  if (keyword === 'opt_out') {
    forget(optOutKey);
    await addOptOut(client, env, { user_id: userId, phone_number: sms.from, opted_out_at: at.toISOString() });
    await record(userId, true, 'opted_out');
    return reply();
  }
  if (keyword === 'opt_in') {
    forget(optOutKey);
    await removeOptOut(client, env, userId, sms.from);
    await record(userId, true, 'opted_in');
    return reply();
  }
  if (keyword === 'help') {
    await record(userId, true, 'help');
    return reply(config.help_text);
  }
  // A user or sender over its limit stays over it until the minute ends: no more Sync reads for it here.
  const minute = at.toISOString().slice(0, 16);
  const minuteEnds = Date.parse(`${minute}:00.000Z`) + 60_000;
  const limitedKeys = [memoryKey(env, 'limited', userId, minute), memoryKey(env, 'limited', userId, sms.from, minute)];
  const limited = recall<RateVerdict>(limitedKeys[0]) ?? recall<RateVerdict>(limitedKeys[1]);
  const countMessage = async (): Promise<RateVerdict> => {
    const verdict = await countInRateWindow(
      client,
      env,
      String(userId),
      sms.from,
      { perSender: config.rate_limit_per_sender_per_minute, perUser: config.rate_limit_per_user_per_minute },
      at,
    );
    if (verdict === 'user_limited') remember(limitedKeys[0], verdict, minuteEnds);
    if (verdict === 'sender_limited') remember(limitedKeys[1], verdict, minuteEnds);
    return verdict;
  };
  const [optedOut, verdict] = await Promise.all([
    remembered(optOutKey, () => findOptOut(client, env, userId, sms.from), LOOKUP_TTL_MS),
    limited ?? countMessage(),
  ]);
  if (optedOut) {
    await record(userId, false, 'suppressed');
    return reply();
  }
  if (verdict !== 'ok') {
    logEvent('sms_router_rate_limited', { sid: sms.messageSid, user_id: userId, limit: verdict });
    await record(userId, false, verdict);
    return reply(RATE_LIMITED_REPLY);
  }
  if (length > config.max_message_length) {
    await record(userId, false, 'too_long');
    return reply(TOO_LONG_REPLY(config.max_message_length));
  }
  return acknowledgement();
}
