/**
 * The usage categories the emulator meters, in Twilio's names (the `Category` enum of the Usage Records
 * API), each with its units and the categories it sums. A charge is filed under its own category and
 * every category above it, so a parent's total is read, never summed at read time.
 */
import type { ChargeCategory } from '../pricing';

export interface CategoryInfo {
  description: string;
  count_unit: string;
  usage_unit: string;
  /** The category this one is part of (`totalprice` sums everything). */
  parent: string | null;
}

const minutesOf = (description: string, parent: string | null): CategoryInfo => ({
  description,
  count_unit: 'calls',
  usage_unit: 'minutes',
  parent,
});
const messagesOf = (description: string, parent: string | null, usage_unit = 'messages'): CategoryInfo => ({
  description,
  count_unit: 'messages',
  usage_unit,
  parent,
});
const numbersOf = (description: string, parent: string | null): CategoryInfo => ({
  description,
  count_unit: 'numbers',
  usage_unit: 'numbers',
  parent,
});

/** Listing order: Twilio's categories as its Console groups them, parents before their parts. */
export const CATEGORIES: Readonly<Record<string, CategoryInfo>> = {
  totalprice: { description: 'Total Price', count_unit: '', usage_unit: 'usd', parent: null },
  calls: minutesOf('Voice Minutes', 'totalprice'),
  'calls-inbound': minutesOf('Inbound Voice Minutes', 'calls'),
  'calls-inbound-local': minutesOf('Inbound Local Calls', 'calls-inbound'),
  'calls-inbound-tollfree': minutesOf('Inbound Toll-Free Calls', 'calls-inbound'),
  'calls-inbound-mobile': minutesOf('Inbound Mobile Calls', 'calls-inbound'),
  'calls-outbound': minutesOf('Outbound Voice Minutes', 'calls'),
  'calls-client': minutesOf('Voice SDK (Client) Minutes', 'calls'),
  'calls-sip': minutesOf('SIP Interface Minutes', 'calls'),
  recordings: { description: 'Recordings', count_unit: 'recordings', usage_unit: 'minutes', parent: 'totalprice' },
  sms: messagesOf('SMS', 'totalprice', 'segments'),
  'sms-inbound': messagesOf('Inbound SMS', 'sms', 'segments'),
  'sms-outbound': messagesOf('Outbound SMS', 'sms', 'segments'),
  mms: messagesOf('MMS', 'totalprice'),
  'mms-inbound': messagesOf('Inbound MMS', 'mms'),
  'mms-outbound': messagesOf('Outbound MMS', 'mms'),
  'channels-whatsapp': messagesOf('WhatsApp', 'totalprice'),
  'channels-whatsapp-inbound': messagesOf('Inbound WhatsApp Messages', 'channels-whatsapp'),
  'channels-whatsapp-outbound': messagesOf('Outbound WhatsApp Messages', 'channels-whatsapp'),
  phonenumbers: numbersOf('Phone Numbers', 'totalprice'),
  'phonenumbers-local': numbersOf('Local Phone Numbers', 'phonenumbers'),
  'phonenumbers-tollfree': numbersOf('Toll-Free Phone Numbers', 'phonenumbers'),
  'phonenumbers-mobile': numbersOf('Mobile Phone Numbers', 'phonenumbers'),
};

export const CATEGORY_NAMES: readonly string[] = Object.keys(CATEGORIES);

/** The category and every category above it. */
export function withParents(category: ChargeCategory): string[] {
  const out: string[] = [];
  for (let c: string | null = category; c !== null; c = CATEGORIES[c]?.parent ?? null) out.push(c);
  return out;
}
