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
import { listUserNumbers, ownerOfNumber, PhoneNumberRecord } from '../store/phone-numbers';
import { isoSeconds } from '../time';
import { feeDueDates } from './charge';
import { meter } from './meter';
import { twilioPriceString } from './money';
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

/** An SMS to or from a number a platform user holds: per segment. Messages on other numbers bill nobody. */
export async function billMessage(client: TwilioClient, env: ServiceEnv, m: MessageEvent): Promise<void> {
  if (!/^\+\d{7,15}$/.test(m.number)) return;
  const owner = await ownerOfNumber(client, env, m.number);
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

/** Fee periods this container has seen billed: the lazy accrual asks Sync only about new ones. */
const feesBilled = new Set<string>();

/**
 * Bills the fees of the user's numbers that have fallen due by `now` (the purchase and each monthly
 * anniversary while held). Lazy: run when the user's usage or bills are read and when a number is bought;
 * a fee already billed is one Sync read the first time a container meets it, nothing after.
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
  const due = numbers.flatMap((n) =>
    feeDueDates(n.createdAt, n.releasedAt, until).map((d) => ({ n, ...d, memo: `${n.twilioSid}.${d.period}` })),
  );
  await Promise.all(
    due
      .filter((d) => !feesBilled.has(d.memo))
      .map(async (d) => {
        await meter(client, env, {
          userId,
          category: 'phone-numbers',
          sid: d.n.twilioSid,
          period: d.period,
          phoneNumberId: d.n.id,
          at: d.at,
          quantity: 1,
          twilioPrice: null,
        });
        feesBilled.add(d.memo);
      }),
  );
}
