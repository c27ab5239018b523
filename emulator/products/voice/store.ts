/**
 * The `calls` and `recordings` state slices and their wire formats (API 2010). Everything else in the
 * emulator reaches calls and recordings through this class's methods, never through the slices.
 */
import type { Emulator } from '../../core/emulator';
import { newSid, rfc2822 } from '../../core/wire';
import type { NumbersApi } from '../numbers';
import {
  callDefaults,
  CallRecord,
  CallsSlice,
  formatted,
  priceFor,
  RECORDING_RATE,
  RecordingRecord,
  RecordingsSlice,
} from './model';
import { sampleCalls, sampleRecordings } from './sample';

export type NewCall = Partial<CallRecord> & Pick<CallRecord, 'from' | 'to' | 'direction' | 'status'>;
export type NewRecording = Partial<RecordingRecord> & Pick<RecordingRecord, 'call_sid' | 'source' | 'start' | 'status'>;

export class VoiceStore {
  constructor(
    private readonly emu: Emulator,
    private readonly numbers: NumbersApi,
  ) {}

  callsSlice(): CallsSlice {
    return this.emu.state.slice('calls', () => {
      const calls = sampleCalls(Date.now(), this.numbers);
      return { calls: bySid(calls), seq: calls.length };
    });
  }

  recordingsSlice(): RecordingsSlice {
    return this.emu.state.slice('recordings', () => {
      const recordings = sampleRecordings(Object.values(this.callsSlice().calls));
      return { recordings: bySid(recordings), seq: recordings.length };
    });
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

  /** The recordings of one call, oldest first. */
  callRecordings(callSid: string): RecordingRecord[] {
    return this.recordings()
      .filter((r) => r.call_sid === callSid)
      .sort((a, b) => a.ord - b.ord);
  }

  /** The calls a call's <Dial> placed, oldest first. */
  dialLegs(parentSid: string): CallRecord[] {
    return this.calls()
      .filter((c) => c.parent_call_sid === parentSid)
      .sort((a, b) => a.ord - b.ord);
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

function bySid<T extends { sid: string }>(records: T[]): Record<string, T> {
  return Object.fromEntries(records.map((r) => [r.sid, r]));
}
