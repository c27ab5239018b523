/**
 * Twilio's default opt-out handling for long codes: a handset that texts one of the opt-out keywords
 * (the whole message, any case) to one of the account's numbers is opted out of messages from that
 * number; an opt-in keyword lifts it, a help keyword only asks for help. Twilio answers each with its
 * own auto-reply, still posts the inbound webhook (with `OptOutType`), and from then on refuses any
 * message from that number to the handset with 21610. WhatsApp has no keyword handling.
 * Keywords and replies: https://www.twilio.com/docs/messaging/tutorials/advanced-opt-out and
 * https://help.twilio.com/articles/223134027 (Twilio support for opt-out keywords).
 */
import type { Emulator } from '../../core/emulator';
import { TwilioApiError } from '../../core/wire';

export type OptOutType = 'STOP' | 'START' | 'HELP';

const KEYWORDS: Record<string, OptOutType> = {
  STOP: 'STOP',
  STOPALL: 'STOP',
  UNSUBSCRIBE: 'STOP',
  CANCEL: 'STOP',
  END: 'STOP',
  QUIT: 'STOP',
  REVOKE: 'STOP',
  OPTOUT: 'STOP',
  START: 'START',
  YES: 'START',
  UNSTOP: 'START',
  HELP: 'HELP',
  INFO: 'HELP',
};

/** Twilio's default answers to the keywords (long codes, no Advanced Opt-Out). */
export const AUTO_REPLIES: Record<OptOutType, string> = {
  STOP: 'You have successfully been unsubscribed. You will not receive any more messages from this number. Reply START to resubscribe.',
  START:
    'You have successfully been re-subscribed to messages from this number. Reply HELP for help. Reply STOP to unsubscribe. Msg&Data Rates May Apply.',
  HELP: 'Reply STOP to unsubscribe. Msg&Data Rates May Apply.',
};

/** The keyword class of an inbound message's body, or null when it is an ordinary message. */
export function optOutType(from: string, body: string): OptOutType | null {
  if (from.startsWith('whatsapp:')) return null;
  return KEYWORDS[body.trim().toUpperCase()] ?? null;
}

interface OptOutRecord {
  /** The account's number the handset opted out of. */
  sender: string;
  handset: string;
  since: number;
}

export interface OptOuts {
  /** Records what a keyword asks for (STOP opts out, START opts back in, HELP changes nothing). */
  apply(type: OptOutType, sender: string, handset: string): void;
  /** Throws Twilio's 21610 when the handset opted out of messages from `sender`. */
  checkSendable(sender: string, handset: string): void;
}

const keyOf = (sender: string, handset: string): string => `${sender}|${handset}`;

export function registerOptOuts(emu: Emulator): OptOuts {
  const optOuts = emu.state.table<OptOutRecord>('opt_outs', {
    key: (r) => keyOf(r.sender, r.handset),
    position: (r) => r.since,
  });
  return {
    apply(type, sender, handset) {
      if (type === 'STOP') optOuts.save({ sender, handset, since: Date.now() });
      else if (type === 'START') optOuts.delete(keyOf(sender, handset));
    },
    checkSendable(sender, handset) {
      if (optOuts.has(keyOf(sender, handset))) {
        throw new TwilioApiError(400, 21610, 'Attempt to send to unsubscribed recipient');
      }
    },
  };
}
