/**
 * Searching the numbers Twilio has for sale: by type, area code, digits the number contains and the
 * capabilities it must have. One Twilio round trip.
 */
import { ApiError } from '../runtime/errors';
import type { TwilioClient } from '../runtime/twilio-client';

export const NUMBER_TYPES = ['local', 'toll-free', 'mobile'] as const;
export type NumberType = (typeof NUMBER_TYPES)[number];
export const CAPABILITIES = ['voice', 'sms', 'mms'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface NumberSearch {
  country: string;
  type: NumberType;
  areaCode?: number | undefined;
  contains?: string | undefined;
  capabilities: Capability[];
  limit: number;
}

export interface AvailableNumber {
  phoneNumber: string;
  friendlyName: string;
  locality: string;
  region: string;
  country: string;
  capabilities: { voice: boolean; sms: boolean; mms: boolean };
}

/** What the three kinds of number for sale have in common. */
interface ForSale {
  phoneNumber: string;
  friendlyName: string;
  locality: string;
  region: string;
  isoCountry: string;
  capabilities: unknown;
}

export async function searchAvailableNumbers(client: TwilioClient, q: NumberSearch): Promise<AvailableNumber[]> {
  const country = client.availablePhoneNumbers(q.country);
  const filters = {
    ...(q.areaCode !== undefined ? { areaCode: q.areaCode } : {}),
    ...(q.contains ? { contains: q.contains } : {}),
    ...(q.capabilities.includes('voice') ? { voiceEnabled: true } : {}),
    ...(q.capabilities.includes('sms') ? { smsEnabled: true } : {}),
    ...(q.capabilities.includes('mms') ? { mmsEnabled: true } : {}),
    limit: q.limit,
    pageSize: q.limit,
  };
  let found: ForSale[];
  try {
    found =
      q.type === 'toll-free'
        ? await country.tollFree.list(filters)
        : q.type === 'mobile'
          ? await country.mobile.list(filters)
          : await country.local.list(filters);
  } catch (err) {
    if ((err as { status?: unknown }).status === 404) {
      throw new ApiError(400, 'COUNTRY_NOT_AVAILABLE', `Twilio has no ${q.type} numbers for country ${q.country}`);
    }
    throw err;
  }
  return found.map((n) => {
    const caps = n.capabilities as { voice?: boolean; SMS?: boolean; sms?: boolean; MMS?: boolean; mms?: boolean };
    return {
      phoneNumber: n.phoneNumber,
      friendlyName: n.friendlyName,
      locality: n.locality ?? '',
      region: n.region ?? '',
      country: n.isoCountry,
      capabilities: { voice: caps.voice ?? false, sms: caps.SMS ?? caps.sms ?? false, mms: caps.MMS ?? caps.mms ?? false },
    };
  });
}
