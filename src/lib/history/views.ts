/**
 * Calls, recordings and phone numbers in seed 004's words and shapes. Ids are strings there ("123"):
 * the user id is the directory's number as a string, a call's and a recording's id is its Twilio SID.
 */
import type { CallRecord } from '../store/call-records';
import type { PhoneNumberRecord } from '../store/phone-numbers';
import type { RecordingRecord } from '../store/recordings';

export interface CallView {
  id: string;
  callSid: string;
  userId: string;
  phoneNumberId: string | null;
  to: string;
  from: string;
  direction: 'inbound' | 'outbound';
  status: string;
  duration: number | null;
  price: number | null;
  priceUnit: string | null;
  recordingUrl: string | null;
  recordingSid: string | null;
  transcription: string | null;
  startTime: string | null;
  endTime: string | null;
  createdAt: string;
  updatedAt: string;
}

export function callView(r: CallRecord): CallView {
  return {
    id: r.callSid,
    callSid: r.callSid,
    userId: String(r.owner?.userId ?? ''),
    phoneNumberId: r.owner?.phoneNumberId ?? null,
    to: r.to,
    from: r.from,
    direction: r.direction.startsWith('outbound') ? 'outbound' : 'inbound',
    status: r.status,
    duration: r.duration,
    price: r.price,
    priceUnit: r.priceUnit,
    recordingUrl: r.recordingUrl ?? null,
    recordingSid: r.recordingSid ?? null,
    transcription: r.transcription ?? null,
    startTime: r.startTime,
    endTime: r.endTime,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export interface RecordingView {
  id: string;
  recordingSid: string;
  userId: string;
  callSid: string;
  phoneNumberId: string | null;
  duration: number;
  channels: number;
  status: string;
  mediaUrl: string;
  price: number | null;
  priceUnit: string | null;
  transcription: string | null;
  createdAt: string;
  updatedAt: string;
}

export function recordingView(r: RecordingRecord): RecordingView {
  return {
    id: r.recordingSid,
    recordingSid: r.recordingSid,
    userId: String(r.owner?.userId ?? ''),
    callSid: r.callSid,
    phoneNumberId: r.owner?.phoneNumberId ?? null,
    duration: r.duration,
    channels: r.channels,
    status: r.status,
    mediaUrl: r.mediaUrl,
    price: r.price,
    priceUnit: r.priceUnit,
    transcription: r.transcription ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export interface PhoneNumberView {
  id: string;
  number: string;
  userId: string;
  twilioSid: string;
  websiteId: string | null;
  provider: 'twilio';
  monthlyFee: number;
  callCount: number;
  status: string;
  country: string;
  region: string;
  locality: string;
  capabilities: { voice: boolean; sms: boolean };
  createdAt: string;
  updatedAt: string;
}

export function phoneNumberView(r: PhoneNumberRecord, callCount: number): PhoneNumberView {
  return {
    id: r.id,
    number: r.number,
    userId: String(r.userId),
    twilioSid: r.twilioSid,
    websiteId: r.websiteId,
    provider: 'twilio',
    monthlyFee: r.monthlyFee,
    callCount,
    status: r.status,
    country: r.country,
    region: r.region,
    locality: r.locality,
    capabilities: r.capabilities,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The seed's pagination object. */
export interface Pagination {
  page: number;
  limit: number;
  totalPages: number;
  totalItems: number;
}

export function pagination(page: number, limit: number, totalItems: number): Pagination {
  return { page, limit, totalPages: Math.ceil(totalItems / limit), totalItems };
}
