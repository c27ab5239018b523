/**
 * Where billable events come from: finished calls and recordings of attributed calls (status callbacks,
 * the browser-call webhook, reconciliation), messages sent from or received on a user's number, and the
 * fees of the numbers users hold. Each source builds the event the same way whichever path reports it,
 * so all paths land on one ledger entry.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import type { CallRecord } from '../store/call-records';
import type { RecordingRecord } from '../store/recordings';
import { listUserNumbers, NumberOwner, ownerOfNumber, PhoneNumberRecord } from '../store/phone-numbers';
import { isoSeconds } from '../time';
import { numberTypeOf } from '../numbers/purchase';
import { feeDueDates } from './charge';
import { meter } from './meter';
import { twilioPriceString } from './money';
import { monthlyNumberPrice } from './number-prices';
import { startedMinutes, smsSegments } from './units';

/** Twilio's price as the records keep it (a positive number) back to Twilio's negative string. */
function priceOf(price: number | null | undefined): string | null {
  return price === null || price === undefined ? null : twilioPriceString(Math.round(price * 1_000_000));
}

/** A completed call leg of a platform user: its minutes, rounded up, inbound or outbound. */
export async function billCall(client: TwilioClient, env: ServiceEnv, call: CallRecord | undefined): Promise<void> {
  const owner = call?.owner;
  if (!call || !owner || call.status !== 'completed' || !call.duration) return;
  await meter(client, env, {
    userId: owner.userId,
    category: call.direction === 'inbound' ? 'calls-inbound' : 'calls-outbound',
    sid: call.callSid,
    phoneNumberId: owner.phoneNumberId,
    at: call.startTime ?? call.createdAt,
    quantity: startedMinutes(call.duration),
    twilioPrice: priceOf(call.price),
  });
}

/** A completed recording of a platform user's call: per started minute. */
export async function billRecording(client: TwilioClient, env: ServiceEnv, rec: RecordingRecord | undefined): Promise<void> {
  const owner = rec?.owner;
  if (!rec || !owner || rec.status !== 'completed') return;
  await meter(client, env, {
    userId: owner.userId,
    category: 'recordings',
    sid: rec.recordingSid,
    phoneNumberId: owner.phoneNumberId,
    at: rec.createdAt,
    quantity: startedMinutes(rec.duration),
    twilioPrice: priceOf(rec.price),
  });
}

export interface MessageEvent {
  messageSid: string;
  direction: 'inbound' | 'outbound';
  /** The user's side: To of an inbound message, From of an outbound one (E.164 or whatsapp:-prefixed). */
  number: string;
  body: string;
  at: string;
  twilioPrice?: string | null;
}

/**
 * An SMS to or from a number a platform user holds: per segment. Messages on other numbers bill nobody.
 * `knownOwner`: the number's owner when the caller has just read it (null: nobody), saving the read.
 */
export async function billMessage(
  client: TwilioClient,
  env: ServiceEnv,
  m: MessageEvent,
  knownOwner?: NumberOwner | null,
): Promise<void> {
  if (!/^\+\d{7,15}$/.test(m.number)) return;
  const owner = knownOwner !== undefined ? knownOwner : await ownerOfNumber(client, env, m.number);
  if (!owner) return;
  await meter(client, env, {
    userId: owner.userId,
    category: m.direction === 'inbound' ? 'sms-inbound' : 'sms-outbound',
    sid: m.messageSid,
    phoneNumberId: owner.numberId,
    at: m.at,
    quantity: smsSegments(m.body),
    twilioPrice: m.twilioPrice ?? null,
  });
}

/**
 * How far back accrual looks: well inside the ledger's one-year TTL, so a fee whose entry has expired is
 * never billed again. Fees fall due monthly and every read accrues, so the window only matters for a user
 * nobody read for eleven months (admin reports accrue too).
 */
const ACCRUAL_WINDOW_MS = 330 * 86_400_000;

/** Fee periods this container has seen billed with Twilio's price: the lazy accrual asks Sync only about the others. */
const feesBilled = new Set<string>();

/**
 * Bills the fees of the user's numbers that have fallen due by `now` (the purchase and each monthly
 * anniversary while held), each with Twilio's monthly price of the number's type and country. Lazy: run
 * when the user's usage or bills are read and when a number is bought; a fee already billed is one Sync read
 * the first time a container meets it, nothing after. A fee billed while Twilio's price could not be read
 * is met again by the next accrual, which notes the price once it is known.
 */
export async function accrueNumberFees(
  client: TwilioClient,
  env: ServiceEnv,
  userId: number,
  now = new Date(),
  held?: PhoneNumberRecord[],
): Promise<void> {
  const numbers = held ?? (await listUserNumbers(client, env, userId));
  const until = isoSeconds(now);
  const oldest = now.getTime() - ACCRUAL_WINDOW_MS;
  const due = numbers.flatMap((n) =>
    feeDueDates(n.createdAt, n.releasedAt, until)
      .filter((d) => Date.parse(d.at) >= oldest)
      .map((d) => ({ n, ...d, memo: `${n.twilioSid}.${d.period}` })),
  );
  await Promise.all(
    due
      .filter((d) => !feesBilled.has(d.memo))
      .map(async (d) => {
        const type = d.n.numberType ?? numberTypeOf(d.n.number);
        const entry = await meter(client, env, {
          userId,
          category: 'phone-numbers',
          sid: d.n.twilioSid,
          period: d.period,
          phoneNumberId: d.n.id,
          at: d.at,
          quantity: 1,
          twilioPrice: await monthlyNumberPrice(client, d.n.country, type),
        });
        if (entry?.twilioPriceCounted) feesBilled.add(d.memo);
      }),
  );
}
