/**
 * Buying a number for a user: Twilio sells it with its voice webhook on the TwiML App (or this service's
 * inbound-call function), its SMS webhook and status callback on this service, and the user is recorded
 * as its owner. Bought at most once: an idempotency key (ADR 0007) replays the first answer, a purchase
 * whose answer was lost is found among the account's numbers, and a retry for a number the user already
 * owns answers that number. Twilio's refusals become 400s that say what to do.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { ApiError } from '../runtime/errors';
import type { ServiceContext } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { ROUTES, serviceUrl } from '../runtime/urls';
import type { Outbound } from '../outbound/outcome';
import { placeOf } from '../lookup/geocodes';
import { isoSeconds } from '../time';
import type { Json } from '../store/sync';
import type { PurchasedNumber } from '../store/phone-numbers';
import type { NumberType } from './search';

/** Seed 004's cost model: a number costs the user $1 a month. */
export const MONTHLY_FEE_USD = 1.0;

export interface PurchaseRequest {
  userId: number;
  identity: string;
  /** A number from /api/twilio/available-numbers, or... */
  phoneNumber?: string | undefined;
  /** ...any number Twilio has in this area code. */
  areaCode?: string | undefined;
  websiteId: string | null;
}

/** A number as Twilio sold it, as the outbound logic stores and replays it. */
export interface Sold extends Json {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  dateCreated: string;
  voice: boolean;
  sms: boolean;
}

const PURCHASE_ERRORS: Record<number, [code: string, message: string]> = {
  21421: ['INVALID_PHONE_NUMBER', 'The phone number is not valid: pick one from /api/twilio/available-numbers'],
  21422: ['PHONE_NUMBER_NOT_AVAILABLE', 'That phone number is not available any more: search again and pick another'],
  21451: ['INVALID_AREA_CODE', 'The area code is not valid'],
  21452: ['NO_NUMBERS_IN_AREA_CODE', 'Twilio has no numbers in that area code now: try another area code'],
  21613: ['ADDRESS_REQUIRED', 'Numbers of this country need an address on the Twilio account before they can be bought'],
  21615: ['ADDRESS_REQUIRED', 'Numbers of this country need a local address on the Twilio account before they can be bought'],
  21649: ['BUNDLE_REQUIRED', 'Numbers of this country need an approved regulatory bundle on the Twilio account'],
};

/** Twilio's purchase refusals in the seed's words; anything else goes to the wrapper's mapping. */
function purchaseError(err: unknown): unknown {
  const { code, message } = err as { code?: unknown; message?: unknown };
  const known = typeof code === 'number' ? PURCHASE_ERRORS[code] : undefined;
  if (known) return new ApiError(400, known[0], known[1], { twilio_code: code });
  const text = typeof message === 'string' ? message : '';
  if ((err as { status?: unknown }).status === 400 && /bundle/i.test(text))
    return new ApiError(400, 'BUNDLE_REQUIRED', `Twilio needs a regulatory bundle for this number: ${text}`);
  if ((err as { status?: unknown }).status === 400 && /address/i.test(text))
    return new ApiError(400, 'ADDRESS_REQUIRED', `Twilio needs an address for this number: ${text}`);
  return err;
}

/** The tag a user's numbers carry at Twilio, so a purchase whose answer was lost can be found. */
export function purchaseTag(userId: number): string {
  return `Platform user ${userId}`;
}

type NumberInstance = Awaited<ReturnType<TwilioClient['incomingPhoneNumbers']['create']>>;

function sold(n: NumberInstance): Sold {
  const caps = n.capabilities as { voice?: boolean; sms?: boolean; SMS?: boolean } | undefined;
  return {
    sid: n.sid,
    phoneNumber: n.phoneNumber,
    friendlyName: n.friendlyName,
    dateCreated: isoSeconds(n.dateCreated),
    voice: caps?.voice ?? true,
    sms: caps?.sms ?? caps?.SMS ?? true,
  };
}

/** The purchase as an outbound request: one POST, or found among the account's numbers by its tag. */
export function purchase(client: TwilioClient, context: ServiceContext, req: PurchaseRequest): Outbound<Sold> {
  const appSid = context.TWILIO_APP_SID?.trim();
  const voice = appSid
    ? { voiceApplicationSid: appSid }
    : { voiceUrl: serviceUrl(context, ROUTES.incomingCall), voiceMethod: 'POST' };
  return {
    create: async () => {
      try {
        return sold(
          await client.incomingPhoneNumbers.create({
            ...(req.phoneNumber ? { phoneNumber: req.phoneNumber } : { areaCode: req.areaCode }),
            friendlyName: purchaseTag(req.userId),
            ...voice,
            smsUrl: serviceUrl(context, ROUTES.incomingMessage),
            smsMethod: 'POST',
            statusCallback: serviceUrl(context, ROUTES.callStatus),
            statusCallbackMethod: 'POST',
          }),
        );
      } catch (err) {
        throw purchaseError(err);
      }
    },
    candidates: async (since) => {
      const tagged = await client.incomingPhoneNumbers.list({ friendlyName: purchaseTag(req.userId), limit: 20 });
      return tagged
        .filter((n) => n.dateCreated.getTime() >= since && (!req.phoneNumber || n.phoneNumber === req.phoneNumber))
        .map(sold);
    },
  };
}

/**
 * Where the number is, from the numbering plan: "San Francisco, CA" is a locality and its region; a plan
 * that only knows the state ("California") gives the region alone.
 */
function placeOfNumber(e164: string): { country: string; region: string; locality: string } {
  const parsed = parsePhoneNumberFromString(e164);
  const place = parsed ? placeOf(parsed.countryCallingCode, parsed.nationalNumber) : undefined;
  const parts = (place ?? '').split(', ').filter(Boolean);
  const [locality, region] = parts.length >= 2 ? [parts[0], parts[parts.length - 1]] : ['', parts[0] ?? ''];
  return { country: parsed?.country ?? '', region, locality };
}

/**
 * Which kind of number Twilio sold: toll-free and mobile numbers are told apart by their numbering plan
 * (+1 800, 833 ... are toll-free; a purchase by area code buys a local number, which US plans cannot tell
 * from a mobile one and Twilio sells as local).
 */
export function numberTypeOf(e164: string): NumberType {
  const type = parsePhoneNumberFromString(e164)?.getType();
  if (type === 'TOLL_FREE') return 'toll-free';
  if (type === 'MOBILE') return 'mobile';
  return 'local';
}

/** The record of a number the user just bought. */
export function purchasedNumber(user: { userId: number; identity: string }, n: Sold, websiteId: string | null): PurchasedNumber {
  const now = isoSeconds(new Date());
  return {
    number: n.phoneNumber,
    userId: user.userId,
    identity: user.identity,
    twilioSid: n.sid,
    websiteId,
    ...placeOfNumber(n.phoneNumber),
    capabilities: { voice: n.voice, sms: n.sms },
    numberType: numberTypeOf(n.phoneNumber),
    monthlyFee: MONTHLY_FEE_USD,
    createdAt: now,
    updatedAt: now,
  };
}
