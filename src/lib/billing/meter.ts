/**
 * Metering: a billable event becomes one ledger entry and is added to the totals exactly once, whatever
 * reports it and however often (docs/decisions/0010-billing-ledger.md):
 *   1. put the entry (created once, keyed by category + SID; a later report can only add Twilio's price);
 *   2. add what the entry's flags say is not in the totals yet (user month, platform day and month, in
 *      parallel; each shard also drops a part it added moments ago);
 *   3. set the flags.
 * A run that stops after 1 or 2 is completed by the next report of the same event.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { LedgerEntry, markCounted, putLedgerEntry } from '../store/billing-ledger';
import { addToTotals } from '../store/billing-totals';
import { listRateCards } from '../store/rate-cards';
import { isoSeconds } from '../time';
import { BillableEvent, chargeOf, dayOf } from './charge';
import { twilioPriceMicros } from './money';
import { CATEGORY_RATE } from './rate-card';

/** The entry of the event (after this report), or undefined for an event with nothing to bill. */
export async function meter(client: TwilioClient, env: ServiceEnv, event: BillableEvent): Promise<LedgerEntry | undefined> {
  if (event.quantity <= 0) return undefined;
  const charge = chargeOf(event, await listRateCards(client, env));
  const priceMicros = twilioPriceMicros(event.twilioPrice) ?? null;
  const entry = await putLedgerEntry(client, env, {
    key: charge.key,
    userId: event.userId,
    category: event.category,
    sid: event.sid,
    phoneNumberId: event.phoneNumberId,
    at: event.at,
    quantity: event.quantity,
    unit: CATEGORY_RATE[event.category].unit,
    rateCardId: charge.rateCardId,
    rateMicros: charge.rateMicros,
    amountMicros: charge.amountMicros,
    twilioPrice: priceMicros === null ? null : event.twilioPrice,
    twilioPriceMicros: priceMicros,
    counted: false,
    twilioPriceCounted: false,
    createdAt: isoSeconds(new Date()),
  });
  const addAmount = !entry.counted;
  const addPrice = !entry.twilioPriceCounted && entry.twilioPriceMicros !== null;
  if (!addAmount && !addPrice) return entry;
  await addToTotals(client, env, entry.userId, dayOf(entry.at), {
    entryKey: entry.key,
    category: entry.category,
    phoneNumberId: entry.phoneNumberId,
    ...(addAmount ? { amount: { quantity: entry.quantity, amountMicros: entry.amountMicros } } : {}),
    ...(addPrice && entry.twilioPriceMicros !== null ? { twilioPriceMicros: entry.twilioPriceMicros } : {}),
  });
  await markCounted(client, env, entry.key, { amount: addAmount, twilioPrice: addPrice });
  return { ...entry, counted: true, twilioPriceCounted: entry.twilioPriceCounted || addPrice };
}
