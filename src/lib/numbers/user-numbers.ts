/**
 * A user's phone numbers: listing them with their call counts, buying within the per-user cap, changing
 * their website and status, releasing them. Another user's number answers exactly like one that does not
 * exist (404 PHONE_NUMBER_NOT_FOUND), so ids cannot be probed.
 */
import { ApiError } from '../runtime/errors';
import type { ServiceContext, ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { sendOnce, SendingRun } from '../outbound/idempotency';
import {
  addUserNumber,
  getUserNumber,
  listUserNumbers,
  PhoneNumberRecord,
  releaseUserNumber,
  updateUserNumber,
} from '../store/phone-numbers';
import { readCount } from '../store/user-index';
import { isoSeconds } from '../time';
import { phoneNumberView, PhoneNumberView } from '../history/views';
import { purchase, purchasedNumber, PurchaseRequest } from './purchase';

export const DEFAULT_MAX_NUMBERS_PER_USER = 5;

export const numberNotFound = (): ApiError =>
  new ApiError(404, 'PHONE_NUMBER_NOT_FOUND', 'Phone number not found or not owned by user');

export function maxNumbersPerUser(env: ServiceEnv): number {
  const raw = env.MAX_NUMBERS_PER_USER?.trim();
  if (!raw) return DEFAULT_MAX_NUMBERS_PER_USER;
  if (!/^\d+$/.test(raw)) throw new ApiError(500, 'CONFIGURATION_ERROR', 'MAX_NUMBERS_PER_USER must be a whole number');
  return Number(raw);
}

const held = (n: PhoneNumberRecord): boolean => n.status !== 'released';

async function withCallCount(client: TwilioClient, env: ServiceEnv, n: PhoneNumberRecord): Promise<PhoneNumberView> {
  return phoneNumberView(n, await readCount(client, env, n.userId, `calls.number.${n.id}`));
}

/** The numbers the user holds (released ones stay out of this list, not out of their history). */
export async function myNumbers(client: TwilioClient, env: ServiceEnv, userId: number): Promise<PhoneNumberView[]> {
  const numbers = (await listUserNumbers(client, env, userId)).filter(held);
  return Promise.all(numbers.map((n) => withCallCount(client, env, n)));
}

/** The user's active numbers, first bought first: the caller IDs they may call from. */
export async function numbersToCallFrom(client: TwilioClient, env: ServiceEnv, userId: number): Promise<PhoneNumberRecord[]> {
  return (await listUserNumbers(client, env, userId)).filter(held);
}

export async function buyNumber(
  run: SendingRun,
  client: TwilioClient,
  context: ServiceContext,
  req: PurchaseRequest,
): Promise<PhoneNumberView> {
  const mine = (await listUserNumbers(client, context, req.userId)).filter(held);
  // A retry of a purchase that went through (the user holds the number): that number, not a second one.
  const again = req.phoneNumber ? mine.find((n) => n.number === req.phoneNumber) : undefined;
  if (again) return withCallCount(client, context, again);
  const max = maxNumbersPerUser(context);
  if (mine.length >= max) {
    throw new ApiError(
      400,
      'NUMBER_LIMIT_REACHED',
      `You can hold at most ${max} phone numbers; release one before buying another`,
    );
  }
  const bought = await sendOnce(run, client, purchase(client, context, req));
  const record = await addUserNumber(client, context, purchasedNumber(req, bought, req.websiteId));
  if (!record) throw new ApiError(409, 'PHONE_NUMBER_TAKEN', 'That phone number belongs to another user');
  return withCallCount(client, context, record);
}

export interface NumberChange {
  websiteId?: string | undefined;
  status?: 'active' | 'inactive' | undefined;
}

export async function updateNumber(
  client: TwilioClient,
  env: ServiceEnv,
  userId: number,
  id: string,
  change: NumberChange,
): Promise<PhoneNumberView> {
  const at = isoSeconds(new Date());
  const after = await updateUserNumber(client, env, userId, id, (current) => ({
    ...current,
    ...(change.websiteId !== undefined ? { websiteId: change.websiteId } : {}),
    ...(change.status !== undefined ? { status: change.status } : {}),
    updatedAt: at,
  }));
  if (!after) throw numberNotFound();
  return withCallCount(client, env, after);
}

/** Gives the number back to Twilio; the user's record of it stays for call logs and billing. */
export async function releaseNumber(client: TwilioClient, env: ServiceEnv, userId: number, id: string): Promise<void> {
  const n = await getUserNumber(client, env, userId, id);
  if (!n || !held(n)) throw numberNotFound();
  try {
    await client.incomingPhoneNumbers(n.twilioSid).remove();
  } catch (err) {
    // Released already (a retry, or the Console): finish the job here.
    if ((err as { status?: unknown }).status !== 404) throw err;
  }
  await releaseUserNumber(client, env, n, isoSeconds(new Date()));
}
