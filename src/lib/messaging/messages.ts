/**
 * Outbound and logged messages (SMS, MMS, WhatsApp) through Twilio's Messages API.
 */
import { ApiError } from '../runtime/errors';
import type { TwilioClient } from '../runtime/twilio-client';
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

/** Sends a message; a From the account does not own is the caller's error (400), said plainly. */
export async function sendMessage(client: TwilioClient, req: SendRequest): Promise<{ sid: string; status: string }> {
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
