/**
 * The emulator's price table: the one place every emulated price comes from (Calls, Messages and
 * Recordings once final, and the Usage Records computed from them). Deterministic: a price depends only on
 * the record, never on the time or a random draw, so a test can compute what a record must cost.
 *
 * US list prices, in millionths of a dollar (integers, so sums stay exact). They need not be today's
 * prices; each names its source [n] (looked up in 2026, list below):
 *
 *   voice, per started minute [6]   outbound to a phone 0.0140 [1]; inbound to a local number 0.0085 [2],
 *                                    to a toll-free number 0.0220 [2], to a mobile number 0.0085 (*);
 *                                    a Voice SDK (client) leg 0.0040 (**), a SIP Interface leg 0.0040 (**)
 *   recordings, per started minute  0.0025 [1] (also seed 004's rate card)
 *   SMS, per segment                0.0083 outbound and inbound [3]
 *   MMS, per message                0.0220 outbound, 0.0165 inbound [3]
 *   WhatsApp, per message           0.0050 outbound and inbound: Twilio's fee [4] (Meta's fees not emulated)
 *   numbers, per month held         local 1.15, toll-free 2.15 [5], mobile 1.15 (*)
 *
 *   [1] twilio.com/en-us/voice/pricing/us as quoted by usesherlock.ai, "The Hidden Costs of Your Twilio +
 *       Voice AI Stack (2026)": outbound 0.014, inbound local 0.0085, toll-free 0.022, recording 0.0025
 *   [2] support.twilio.com 223183328 "How Volume Pricing works at Twilio" (inbound local 0.0085, toll-free
 *       0.022; it gives the older outbound 0.013)
 *   [3] twilio.com/en-us/sms/pricing/us as quoted by api-evangelist, "Twilio API Pricing: What a Text
 *       Message Costs" (Nov 2026) and dev.to, "Twilio SMS API cost: complete pricing breakdown for 2026"
 *   [4] twilio.com/whatsapp/pricing ("Twilio's per-message fee for WhatsApp is $0.005, inbound or outbound")
 *   [5] dev.to 2026 article of [3]: "Long code: $1.15/month, Toll-free: $2.15/month"
 *   [6] support.twilio.com 223132307: Programmable Voice, Client and SIP Interface minutes round up; each
 *       leg of a two-party call is billed (support.twilio.com 223180608 for Voice SDK legs)
 *   (*) Twilio sells no US mobile numbers: priced as local (an assumption)
 *   (**) the figure the emulator used before this table; the pages found do not state it (Twilio's US
 *       voice pricing page lists Voice SDK and SIP Interface minutes separately)
 *
 * Carrier surcharges, taxes and volume discounts are not emulated. A number is toll-free or mobile when
 * libphonenumber says so (+1 800/833/844/855/866/877/888 are toll-free), local otherwise.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { CallRecord, isClient, RecordingRecord } from './voice/model';

export type NumberKind = 'local' | 'tollfree' | 'mobile';
export type MessageChannel = 'sms' | 'mms' | 'whatsapp';

/** The usage categories a charge is filed under (Twilio's names); parents sum them (see usage/categories.ts). */
export type ChargeCategory =
  | 'calls-outbound'
  | 'calls-inbound-local'
  | 'calls-inbound-tollfree'
  | 'calls-inbound-mobile'
  | 'calls-client'
  | 'calls-sip'
  | 'recordings'
  | 'sms-outbound'
  | 'sms-inbound'
  | 'mms-outbound'
  | 'mms-inbound'
  | 'channels-whatsapp-outbound'
  | 'channels-whatsapp-inbound'
  | 'phonenumbers-local'
  | 'phonenumbers-tollfree'
  | 'phonenumbers-mobile';

/** What one billable event cost: `usage` in the category's unit (minutes, segments ...), `micros` in USD millionths. */
export interface Charge {
  category: ChargeCategory;
  /** When it is billed (epoch ms): the day it counts for. */
  at: number;
  count: number;
  usage: number;
  micros: number;
}

const PER_MINUTE: Record<'outbound' | NumberKind | 'client' | 'sip' | 'recording', number> = {
  outbound: 14_000,
  local: 8_500,
  tollfree: 22_000,
  mobile: 8_500,
  client: 4_000,
  sip: 4_000,
  recording: 2_500,
};
const PER_MESSAGE: Record<MessageChannel, { outbound: number; inbound: number }> = {
  sms: { outbound: 8_300, inbound: 8_300 },
  mms: { outbound: 22_000, inbound: 16_500 },
  whatsapp: { outbound: 5_000, inbound: 5_000 },
};
const PER_MONTH: Record<NumberKind, number> = { local: 1_150_000, tollfree: 2_150_000, mobile: 1_150_000 };

/** Twilio's price string: negative (a charge), five decimals, e.g. "-0.01700". */
export function priceString(micros: number): string {
  return (-micros / 1_000_000).toFixed(5);
}

export function numberKind(phone: string): NumberKind {
  const type = parsePhoneNumberFromString(phone.replace(/^whatsapp:/, ''))?.getType();
  if (type === 'TOLL_FREE') return 'tollfree';
  if (type === 'MOBILE') return 'mobile';
  return 'local';
}

const minutes = (seconds: number): number => Math.ceil(seconds / 60);
const isSip = (address: string): boolean => /^sips?:/.test(address);

/** A finished call leg's charge (null while it is not final, or when nothing was connected). */
export function callCharge(c: CallRecord): Charge | null {
  if (c.status !== 'completed' || !c.duration) return null;
  const usage = minutes(c.duration);
  // Counted on the day the call started, as the Calls list's StartTime filter finds it.
  const at = c.start ?? c.created;
  let category: ChargeCategory;
  let rate: number;
  if (isClient(c.to) || isClient(c.from)) [category, rate] = ['calls-client', PER_MINUTE.client];
  else if (isSip(c.to) || isSip(c.from)) [category, rate] = ['calls-sip', PER_MINUTE.sip];
  else if (c.direction === 'inbound') {
    const kind = numberKind(c.to);
    [category, rate] = [`calls-inbound-${kind}`, PER_MINUTE[kind]];
  } else [category, rate] = ['calls-outbound', PER_MINUTE.outbound];
  return { category, at, count: 1, usage, micros: usage * rate };
}

export function callPrice(c: CallRecord): string | null {
  const charge = callCharge(c);
  return charge ? priceString(charge.micros) : null;
}

/** A completed recording's charge, per started minute (null until it is completed). */
export function recordingCharge(r: RecordingRecord): Charge | null {
  if (r.status !== 'completed' || r.duration === null) return null;
  const usage = minutes(r.duration);
  return { category: 'recordings', at: r.created, count: 1, usage, micros: usage * PER_MINUTE.recording };
}

export function recordingPrice(r: RecordingRecord): string | null {
  const charge = recordingCharge(r);
  return charge ? priceString(charge.micros) : null;
}

/** A message's charge once it is final: SMS per segment, MMS and WhatsApp per message. */
export function messageCharge(
  m: { channel: MessageChannel; direction: 'inbound' | 'outbound'; segments: number },
  at: number,
): Charge {
  const usage = m.channel === 'sms' ? m.segments : 1;
  const category: ChargeCategory = m.channel === 'whatsapp' ? `channels-whatsapp-${m.direction}` : `${m.channel}-${m.direction}`;
  return { category, at, count: 1, usage, micros: usage * PER_MESSAGE[m.channel][m.direction] };
}

/** What a number of this kind costs a month held (Usage Records and the Pricing API both say this). */
export function monthlyNumberPrice(kind: NumberKind): number {
  return PER_MONTH[kind];
}

/** One month's fee for a number of this kind. */
export function numberFee(kind: NumberKind, at: number): Charge {
  return { category: `phonenumbers-${kind}`, at, count: 1, usage: 1, micros: monthlyNumberPrice(kind) };
}
