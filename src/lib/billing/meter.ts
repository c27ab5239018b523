/**
 * Metering: a billable event becomes one ledger entry and is added to the totals exactly once, whatever
 * reports it and however often (docs/decisions/0010-billing-ledger.md):
 *   1. read the entry (keyed by category + SID): there, with nothing new, and the report is done;
 *   2. add to the totals what is missing (user month, platform day and month, in parallel; each shard
 *      also drops a part it added moments ago, which covers two reports racing and a retry after step 2);
 *   3. write the entry (or, for a price that came later, its price), which says it is counted.
 * A run that stops after 2 is completed by the next report of the same event.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { createLedgerEntry, getLedgerEntry, LedgerEntry, notePrice } from '../store/billing-ledger';
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
  const priceMicros = twilioPriceMicros(event.twilioPrice);
  const price =
    event.twilioPrice !== null && priceMicros !== undefined
      ? { twilioPrice: event.twilioPrice, twilioPriceMicros: priceMicros }
      : null;
  const existing = await getLedgerEntry(client, env, charge.key);
  if (existing) {
    if (existing.twilioPriceCounted || !price) return existing;
    await addToTotals(client, env, existing.userId, dayOf(existing.at), {
      entryKey: existing.key,
      category: existing.category,
      phoneNumberId: existing.phoneNumberId,
      twilioPriceMicros: price.twilioPriceMicros,
    });
    await notePrice(client, env, existing.key, price);
    return { ...existing, ...price, twilioPriceCounted: true };
  }
  const entry: LedgerEntry = {
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
    twilioPrice: price?.twilioPrice ?? null,
    twilioPriceMicros: price?.twilioPriceMicros ?? null,
    twilioPriceCounted: price !== null,
    createdAt: isoSeconds(new Date()),
  };
  await addToTotals(client, env, entry.userId, dayOf(entry.at), {
    entryKey: entry.key,
    category: entry.category,
    phoneNumberId: entry.phoneNumberId,
    amount: { quantity: entry.quantity, amountMicros: entry.amountMicros },
    ...(price ? { twilioPriceMicros: price.twilioPriceMicros } : {}),
  });
  // Another report wrote the entry meanwhile: its amount was the same part (dropped above); only a price
  // this report counted and it did not still needs noting.
  if (!(await createLedgerEntry(client, env, entry)) && price) await notePrice(client, env, entry.key, price);
  return entry;
}
