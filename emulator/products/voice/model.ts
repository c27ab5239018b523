/**
 * The records behind emulated Calls and Recordings (API 2010), as they persist in the emulator's
 * tables `calls` and `recordings`, plus the constants of the emulated voice network.
 */

export type CallStatus = 'queued' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'failed' | 'no-answer' | 'canceled';
export type CallDirection = 'inbound' | 'outbound-api' | 'outbound-dial';
export type CallEvent = 'initiated' | 'ringing' | 'answered' | 'completed';
export type HttpMethod = 'GET' | 'POST';
export type RecordingSource = 'DialVerb' | 'OutboundAPI' | 'RecordVerb' | 'StartCallRecordingAPI';
export type RecordingStatus = 'in-progress' | 'paused' | 'completed';

/** Anything JSON can carry: what the engine notes about each verb it executed. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** One verb the TwiML engine executed, e.g. `{ verb: 'Say', text: 'Hello', seconds: 1 }`. */
export interface VerbLog {
  verb: string;
  [key: string]: Json;
}

/** A Twilio error the call ran into (11200, 12100, 12200 ...), as the debugger would show it. */
export interface CallError {
  code: number;
  message: string;
  url: string | null;
  at: string;
}

export interface CallRecord {
  sid: string;
  /** Creation order, to break ties between calls created in the same millisecond. */
  ord: number;
  parent_call_sid: string | null;
  from: string;
  to: string;
  direction: CallDirection;
  status: CallStatus;
  phone_number_sid: string | null;
  created: number;
  updated: number;
  /**
   * Wall-clock ms when the call was answered (or, for a call never answered, when dialling began);
   * null while queued. `end` = `start` + `elapsed` emulated seconds: the emulator does not sleep
   * real seconds, so an end time may lie slightly in the future of the wall clock.
   */
  start: number | null;
  end: number | null;
  /** Emulated seconds since `start`. */
  elapsed: number;
  /** Seconds, once finished (0 for calls never answered). */
  duration: number | null;
  price: string | null;
  answered: boolean;
  url: string | null;
  method: HttpMethod;
  twiml: string | null;
  fallback_url: string | null;
  fallback_method: HttpMethod;
  status_callback: string | null;
  status_callback_method: HttpMethod;
  status_callback_events: CallEvent[];
  /** Record the whole call once answered (Calls API `Record=true`). */
  record: boolean;
  recording_channels: number;
  recording_status_callback: string | null;
  recording_status_callback_method: HttpMethod;
  recording_status_callback_events: string[];
  /** Seconds to ring before no-answer. */
  timeout: number;
  /** Seconds an answered call may last. */
  time_limit: number;
  /** Next SequenceNumber of a status callback. */
  seq: number;
  log: VerbLog[];
  errors: CallError[];
  notes: string[];
  /** The TwiML App whose Voice URL answers the call (sent as ApplicationSid in every voice request). */
  application_sid?: string;
}

/** A call as the control API lists it (`GET /_emulator/calls`); the engine's view of one call starts with it. */
export function callSummary(c: CallRecord): Record<string, unknown> {
  return {
    call_sid: c.sid,
    parent_call_sid: c.parent_call_sid,
    direction: c.direction,
    from: c.from,
    to: c.to,
    status: c.status,
  };
}

/** What a new call holds until it is told otherwise: no times yet, POST callbacks, Twilio's default timeouts. */
export function callDefaults(now: number): Omit<CallRecord, 'sid' | 'ord' | 'from' | 'to' | 'direction' | 'status'> {
  return {
    parent_call_sid: null,
    phone_number_sid: null,
    created: now,
    updated: now,
    start: null,
    end: null,
    elapsed: 0,
    duration: null,
    price: null,
    answered: false,
    url: null,
    method: 'POST',
    twiml: null,
    fallback_url: null,
    fallback_method: 'POST',
    status_callback: null,
    status_callback_method: 'POST',
    status_callback_events: [],
    record: false,
    recording_channels: 1,
    recording_status_callback: null,
    recording_status_callback_method: 'POST',
    recording_status_callback_events: ['completed'],
    timeout: 60,
    time_limit: 14400,
    seq: 0,
    log: [],
    errors: [],
    notes: [],
  };
}

export interface RecordingRecord {
  sid: string;
  call_sid: string;
  ord: number;
  created: number;
  updated: number;
  /** Emulated start of the recording (ms). */
  start: number;
  /** Seconds, once completed. */
  duration: number | null;
  channels: number;
  source: RecordingSource;
  status: RecordingStatus;
  /** For recordings that follow the call (OutboundAPI, StartCallRecordingAPI): seconds recorded so far. */
  accrued: number;
  /** The call's `elapsed` when recording last (re)started; null while paused or done. */
  active_since: number | null;
  status_callback: string | null;
  status_callback_method: HttpMethod;
  status_callback_events: string[];
  track: string;
}

export const TERMINAL: ReadonlySet<CallStatus> = new Set<CallStatus>(['completed', 'busy', 'failed', 'no-answer', 'canceled']);
export const isTerminal = (s: CallStatus): boolean => TERMINAL.has(s);

/**
 * Wall time of emulated waits for outside input (a Gather waiting for digits, a Client ringing, a
 * recording being spoken): this many lifecycle steps per emulated second, so a 5 s Gather timeout
 * leaves 25 steps (0.5 s at the tests' 20 ms step, 6 s at the default 250 ms) to answer it.
 */
export const INPUT_STEPS_PER_SECOND = 5;
/** Emulated seconds a dialled party rings before answering. */
export const RING_SECONDS = 3;
/** Emulated seconds an answered <Dial> leg talks before hanging up (unless the control API says otherwise). */
export const TALK_SECONDS = 5;
/** Emulated seconds a caller speaks into a <Record> before going silent. */
export const RECORD_SECONDS = 4;
/** Emulated seconds of "An application error has occurred" before Twilio hangs up. */
export const ERROR_MESSAGE_SECONDS = 3;

/** The number a Client identity or phone number would show formatted, as the 2010 API does. */
export function formatted(address: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(address);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : address;
}

const E164 = /^\+[1-9]\d{6,14}$/;
export const isE164 = (s: string): boolean => E164.test(s);
export const isClient = (s: string): boolean => /^client:[\w.@+-]{1,256}$/.test(s);

/** Deterministic test destinations: the last four digits of a dialled number decide its fate. */
export function dialOutcome(address: string): 'answer' | 'busy' | 'no-answer' | 'failed' {
  const digits = address.replace(/\D/g, '').slice(-4);
  if (digits === '0200') return 'busy';
  if (digits === '0201') return 'no-answer';
  if (digits === '0202') return 'failed';
  return 'answer';
}
