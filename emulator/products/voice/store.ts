/**
 * The `calls` and `recordings` state slices, their wire formats (API 2010) and the sample call
 * history every fresh emulator starts with.
 */
import type { Emulator } from '../../core/emulator';
import { newSid, rfc2822 } from '../../core/wire';
import type { NumbersApi } from '../numbers';
import {
  CallRecord,
  CallsSlice,
  CLIENT_RATE,
  formatted,
  isClient,
  PSTN_RATE,
  priceFor,
  RECORDING_RATE,
  RecordingRecord,
  RecordingsSlice,
  VerbLog,
} from './model';

export type NewCall = Partial<CallRecord> & Pick<CallRecord, 'from' | 'to' | 'direction' | 'status'>;
export type NewRecording = Partial<RecordingRecord> & Pick<RecordingRecord, 'call_sid' | 'source' | 'start' | 'status'>;

export class VoiceStore {
  constructor(
    private readonly emu: Emulator,
    private readonly numbers: NumbersApi,
  ) {}

  callsSlice(): CallsSlice {
    return this.emu.state.slice('calls', () => sampleHistory(Date.now(), this.numbers));
  }

  recordingsSlice(): RecordingsSlice {
    return this.emu.state.slice('recordings', () => sampleRecordings(Object.values(this.callsSlice().calls)));
  }

  call(sid: string): CallRecord | undefined {
    return this.callsSlice().calls[sid];
  }

  calls(): CallRecord[] {
    return Object.values(this.callsSlice().calls);
  }

  recording(sid: string): RecordingRecord | undefined {
    return this.recordingsSlice().recordings[sid];
  }

  recordings(): RecordingRecord[] {
    return Object.values(this.recordingsSlice().recordings);
  }

  changed(): void {
    this.emu.state.changed();
  }

  /** Files a record built with a fresh sid and the slice's next creation order, and marks the state changed. */
  private insert<T extends { sid: string }>(
    slice: { seq: number },
    records: Record<string, T>,
    prefix: 'CA' | 'RE',
    build: (sid: string, ord: number) => T,
  ): T {
    const record = build(newSid(prefix), ++slice.seq);
    records[record.sid] = record;
    this.changed();
    return record;
  }

  private remove<T>(records: Record<string, T>, sid: string): void {
    delete records[sid];
    this.changed();
  }

  addCall(input: NewCall): CallRecord {
    const slice = this.callsSlice();
    const now = Date.now();
    return this.insert(slice, slice.calls, 'CA', (sid, ord) => ({ ...callDefaults(now), ...input, sid, ord }));
  }

  deleteCall(sid: string): void {
    this.remove(this.callsSlice().calls, sid);
  }

  addRecording(input: NewRecording): RecordingRecord {
    const slice = this.recordingsSlice();
    const now = Date.now();
    return this.insert(slice, slice.recordings, 'RE', (sid, ord) => ({
      created: now,
      updated: now,
      duration: null,
      channels: 1,
      accrued: 0,
      active_since: null,
      status_callback: null,
      status_callback_method: 'POST',
      status_callback_events: ['completed'],
      track: 'both',
      ...input,
      sid,
      ord,
    }));
  }

  deleteRecording(sid: string): void {
    this.remove(this.recordingsSlice().recordings, sid);
  }

  accountPath(rest: string): string {
    return `/2010-04-01/Accounts/${this.emu.accountSid}${rest}`;
  }

  callUri(sid: string): string {
    return this.accountPath(`/Calls/${sid}.json`);
  }

  recordingUri(sid: string): string {
    return this.accountPath(`/Recordings/${sid}.json`);
  }

  /** Where the recording's audio downloads from: this emulator (public, like Twilio's default). */
  mediaUrl(sid: string): string {
    return `${this.emu.baseUrl}/api${this.accountPath(`/Recordings/${sid}`)}`;
  }

  wireCall(c: CallRecord): Record<string, unknown> {
    const sub = (name: string): string => this.accountPath(`/Calls/${c.sid}/${name}.json`);
    return {
      account_sid: this.emu.accountSid,
      answered_by: null,
      api_version: '2010-04-01',
      caller_name: null,
      date_created: rfc2822(c.created),
      date_updated: rfc2822(c.updated),
      direction: c.direction,
      duration: c.duration === null ? null : String(c.duration),
      end_time: c.end === null ? null : rfc2822(c.end),
      forwarded_from: null,
      from: c.from,
      from_formatted: formatted(c.from),
      group_sid: null,
      parent_call_sid: c.parent_call_sid,
      phone_number_sid: c.phone_number_sid,
      price: c.price,
      price_unit: 'USD',
      queue_time: '0',
      sid: c.sid,
      start_time: c.start === null ? null : rfc2822(c.start),
      status: c.status,
      subresource_uris: {
        feedback: sub('Feedback'),
        notifications: sub('Notifications'),
        recordings: sub('Recordings'),
        streams: sub('Streams'),
        payments: sub('Payments'),
        user_defined_message_subscriptions: sub('UserDefinedMessageSubscriptions'),
        user_defined_messages: sub('UserDefinedMessages'),
        events: sub('Events'),
        siprec: sub('Siprec'),
        transcriptions: sub('Transcriptions'),
      },
      to: c.to,
      to_formatted: formatted(c.to),
      trunk_sid: null,
      uri: this.callUri(c.sid),
    };
  }

  private recordingPrice(r: RecordingRecord): string | null {
    return r.status === 'completed' && r.duration !== null ? priceFor(r.duration, RECORDING_RATE) : null;
  }

  /**
   * The fields both recording shapes share, in Twilio's order, with `middle` (what stands between
   * `error_code` and `price_unit`, where the two shapes differ) in its place.
   */
  private wireRecordingCommon(r: RecordingRecord, middle: Record<string, unknown>): Record<string, unknown> {
    return {
      account_sid: this.emu.accountSid,
      api_version: '2010-04-01',
      call_sid: r.call_sid,
      channels: r.channels,
      conference_sid: null,
      date_created: rfc2822(r.created),
      date_updated: rfc2822(r.updated),
      duration: r.duration === null ? null : String(r.duration),
      encryption_details: null,
      error_code: null,
      ...middle,
      price_unit: 'USD',
      sid: r.sid,
      source: r.source,
      start_time: rfc2822(r.start),
      status: r.status,
    };
  }

  /** `/Recordings/{Sid}.json`: price is a string there. */
  wireRecording(r: RecordingRecord): Record<string, unknown> {
    return {
      ...this.wireRecordingCommon(r, { media_url: this.mediaUrl(r.sid), price: this.recordingPrice(r) }),
      subresource_uris: {
        add_on_results: this.accountPath(`/Recordings/${r.sid}/AddOnResults.json`),
        transcriptions: this.accountPath(`/Recordings/${r.sid}/Transcriptions.json`),
      },
      uri: this.recordingUri(r.sid),
    };
  }

  /** `/Calls/{CallSid}/Recordings/{Sid}.json`: Twilio documents price as a number there. */
  wireCallRecording(r: RecordingRecord): Record<string, unknown> {
    const price = this.recordingPrice(r);
    return {
      ...this.wireRecordingCommon(r, { price: price === null ? null : Number(price) }),
      track: r.track,
      uri: this.accountPath(`/Calls/${r.call_sid}/Recordings/${r.sid}.json`),
    };
  }
}

function callDefaults(now: number): Omit<CallRecord, 'sid' | 'ord' | 'from' | 'to' | 'direction' | 'status'> {
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

/** Price of a finished call: per started minute, Client legs cheaper than the phone network. */
export function callPrice(c: CallRecord): string | null {
  if (c.status !== 'completed' || !c.duration) return null;
  return priceFor(c.duration, isClient(c.to) || isClient(c.from) ? CLIENT_RATE : PSTN_RATE);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A few days of history between the sample numbers (+14155550100, +14155550111) and outside
 * numbers, so a "recent calls" view has something to show on a fresh emulator.
 */
function sampleHistory(now: number, numbers: NumbersApi): CallsSlice {
  const slice: CallsSlice = { calls: {}, seq: 0 };
  const add = (
    c: Pick<CallRecord, 'from' | 'to' | 'direction' | 'status'> & {
      at: number;
      seconds: number;
      log?: VerbLog[];
      parent?: CallRecord;
    },
  ): CallRecord => {
    const created = c.at - 2000;
    const answered = c.status === 'completed';
    const own = numbers.byPhone(c.direction === 'inbound' ? c.to : c.from);
    const call: CallRecord = {
      ...callDefaults(created),
      sid: newSid('CA'),
      ord: ++slice.seq,
      from: c.from,
      to: c.to,
      direction: c.direction,
      status: c.status,
      parent_call_sid: c.parent?.sid ?? null,
      phone_number_sid: own?.sid ?? null,
      updated: c.at + c.seconds * 1000,
      start: c.at,
      end: c.at + c.seconds * 1000,
      elapsed: c.seconds,
      duration: answered ? c.seconds : 0,
      answered,
      url: c.direction === 'outbound-dial' ? null : (own?.voice_url ?? null),
      log: c.log ?? [],
    };
    call.price = callPrice(call);
    slice.calls[call.sid] = call;
    return call;
  };
  const firstAt = now - 3 * DAY - 5 * HOUR;
  const parent = add({
    from: '+14155550123',
    to: '+14155550100',
    direction: 'inbound',
    status: 'completed',
    at: firstAt,
    seconds: 184,
    log: [
      { verb: 'Say', text: 'Thanks for calling. Connecting you to an agent.', seconds: 4 },
      { verb: 'Dial', client: 'alice', outcome: 'completed', seconds: 180 },
    ],
  });
  add({
    from: '+14155550123',
    to: 'client:alice',
    direction: 'outbound-dial',
    status: 'completed',
    at: firstAt + 7000,
    seconds: 177,
    parent,
  });
  add({
    from: '+14155550111',
    to: '+14155550187',
    direction: 'outbound-api',
    status: 'completed',
    at: now - 2 * DAY - 3 * HOUR,
    seconds: 95,
  });
  add({
    from: '+14155550100',
    to: '+14155550142',
    direction: 'outbound-api',
    status: 'busy',
    at: now - DAY - 7 * HOUR,
    seconds: 0,
  });
  add({
    from: '+14155550166',
    to: '+14155550111',
    direction: 'inbound',
    status: 'completed',
    at: now - 20 * HOUR,
    seconds: 47,
    log: [
      { verb: 'Say', text: 'Please leave a message after the tone.', seconds: 3 },
      { verb: 'Record', outcome: 'completed', seconds: 32, sample: true },
    ],
  });
  add({
    from: '+14155550111',
    to: '+14155550198',
    direction: 'outbound-api',
    status: 'no-answer',
    at: now - 6 * HOUR,
    seconds: 60,
  });
  return slice;
}

/** The voicemail left in the sample history. */
function sampleRecordings(calls: CallRecord[]): RecordingsSlice {
  const slice: RecordingsSlice = { recordings: {}, seq: 0 };
  for (const c of calls) {
    const rec = c.log.find((l) => l.verb === 'Record' && l.sample === true);
    if (!rec || c.start === null) continue;
    const seconds = typeof rec.seconds === 'number' ? rec.seconds : 30;
    const start = c.start + 4000;
    const r: RecordingRecord = {
      sid: newSid('RE'),
      call_sid: c.sid,
      ord: ++slice.seq,
      created: start,
      updated: start + seconds * 1000,
      start,
      duration: seconds,
      channels: 1,
      source: 'RecordVerb',
      status: 'completed',
      accrued: seconds,
      active_since: null,
      status_callback: null,
      status_callback_method: 'POST',
      status_callback_events: ['completed'],
      track: 'both',
    };
    slice.recordings[r.sid] = r;
  }
  return slice;
}
