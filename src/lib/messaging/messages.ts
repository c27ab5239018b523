/**
 * Outbound and logged messages (SMS, MMS, WhatsApp) through Twilio's Messages API. A message sent from a
 * platform user's number is refused once that user has reached their monthly spending limit, and billed
 * to them once sent.
 */
import { ApiError } from '../runtime/errors';
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { assertDialable } from '../phone/dialing-policy';
import type { Outbound } from '../outbound/outcome';
import type { Json } from '../store/sync';
import { isoOrNull, isoSeconds } from '../time';
import { billMessage } from '../billing/events';
import { logWarning } from '../runtime/log';
import { assertUnderLimit } from '../billing/limits';
import { ownerOfNumber } from '../store/phone-numbers';

export interface SmsLogEntry {
  message_sid: string;
  body: string;
  from: string;
  to: string;
  status: string;
  date_sent: string | null;
}

/** The newest messages on the account, one Twilio round trip. */
export async function recentMessages(client: TwilioClient, limit: number): Promise<SmsLogEntry[]> {
  const page = await client.messages.page({ pageSize: limit });
  return page.instances.map((m) => ({
    message_sid: m.sid,
    body: m.body,
    from: m.from,
    to: m.to,
    status: m.status,
    date_sent: isoOrNull(m.dateSent),
  }));
}

export interface SendRequest {
  from: string;
  to: string;
  body?: string;
  mediaUrls?: string[];
  statusCallback?: string;
}

/** Twilio's answers that mean the sender is not one of this account's senders. */
const NOT_OUR_SENDER = new Set([21606, 21212, 21659, 63007, 21660]);

export interface SentMessage extends Json {
  sid: string;
  status: string;
}

/**
 * Sends a message the dialing policy allows; a From the account does not own is the caller's error (400),
 * said plainly.
 */
export async function sendMessage(client: TwilioClient, env: ServiceEnv, req: SendRequest): Promise<SentMessage> {
  assertDialable(env, req.to);
  try {
    const m = await client.messages.create({
      from: req.from,
      to: req.to,
      ...(req.body !== undefined ? { body: req.body } : {}),
      ...(req.mediaUrls?.length ? { mediaUrl: req.mediaUrls } : {}),
      ...(req.statusCallback ? { statusCallback: req.statusCallback } : {}),
    });
    return { sid: m.sid, status: m.status };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'number' && NOT_OUR_SENDER.has(code)) {
      throw new ApiError(400, 'INVALID_FROM', `The from number ${req.from} is not a sender this account owns`, {
        twilio_code: code,
      });
    }
    throw err;
  }
}

/** How many of the newest messages between the two numbers a look-up reads: one page, one round trip. */
const LOOKUP_PAGE = 20;

/**
 * The message as an outbound send: created once, or found among Twilio's messages from the same sender to
 * the same recipient with the same text, created since the send began (Twilio keeps no caller tag on a
 * message, so sender, recipient, text and time are what identify it).
 */
export function outboundMessage(client: TwilioClient, env: ServiceEnv, req: SendRequest): Outbound<SentMessage> {
  return {
    create: async () => {
      const owner = /^\+\d{7,15}$/.test(req.from) ? await ownerOfNumber(client, env, req.from) : undefined;
      if (owner) await assertUnderLimit(client, env, owner.userId);
      const sent = await sendMessage(client, env, req);
      const at = isoSeconds(new Date());
      // Sent is sent: a billing write that fails must not turn it into a failure the caller retries;
      // reconciliation bills the message from Twilio's records.
      await billMessage(client, env, {
        messageSid: sent.sid,
        direction: 'outbound',
        number: req.from,
        body: req.body ?? '',
        at,
      }).catch((err: unknown) => logWarning('billing', `outbound message ${sent.sid} left to reconciliation: ${String(err)}`));
      return sent;
    },
    candidates: async (since) => {
      const page = await client.messages.page({ to: req.to, from: req.from, pageSize: LOOKUP_PAGE });
      return page.instances
        .filter((m) => m.direction === 'outbound-api' && m.dateCreated.getTime() >= since && m.body === (req.body ?? ''))
        .map((m) => ({ sid: m.sid, status: m.status }));
    },
  };
}
