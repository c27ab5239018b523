/**
 * Outbound and logged messages (SMS, MMS, WhatsApp) through Twilio's Messages API.
 */
import { ApiError } from '../runtime/errors';
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { assertDialable } from '../phone/dialing-policy';
import type { Outbound } from '../outbound/outcome';
import type { Json } from '../store/sync';
import { isoOrNull } from '../time';

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
    create: () => sendMessage(client, env, req),
    candidates: async (since) => {
      const page = await client.messages.page({ to: req.to, from: req.from, pageSize: LOOKUP_PAGE });
      return page.instances
        .filter((m) => m.direction === 'outbound-api' && m.dateCreated.getTime() >= since && m.body === (req.body ?? ''))
        .map((m) => ({ sid: m.sid, status: m.status }));
    },
  };
}
