/**
 * Inbound messages as Twilio posts them: channel, media list, acknowledgement text.
 */
import type { InboundMessage } from '../store/message-log';
import { splitChannel } from '../phone/e164';

/** Twilio relays at most 1600 characters of a message; kept whole, whatever they are. */
export const INBOUND_TEXT_MAX = 1600;

export interface InboundParams {
  MessageSid: string;
  From: string;
  To: string;
  Body: string;
  NumMedia: number;
  ProfileName?: string | undefined;
}

/** The message with its media (MediaUrl0..N-1 / MediaContentType0..N-1 from the raw event). */
export function inboundMessageFrom(p: InboundParams, event: Record<string, unknown>, now = new Date()): InboundMessage {
  const media: InboundMessage['media'] = [];
  for (let i = 0; i < p.NumMedia; i++) {
    const url = event[`MediaUrl${i}`];
    if (typeof url !== 'string' || url === '') continue;
    const type = event[`MediaContentType${i}`];
    media.push({ url, contentType: typeof type === 'string' ? type : 'application/octet-stream' });
  }
  return {
    messageSid: p.MessageSid,
    channel: splitChannel(p.From).channel,
    from: p.From,
    to: p.To,
    body: p.Body,
    media,
    profileName: p.ProfileName ?? null,
    receivedAt: now.toISOString(),
  };
}

export function receivedAcknowledgement(msg: InboundMessage): string {
  const n = msg.media.length;
  const attachments = n === 0 ? '' : ` and ${n} attachment${n === 1 ? '' : 's'}`;
  return `Thanks${msg.profileName ? `, ${msg.profileName}` : ''}! We received your message${attachments}.`;
}
