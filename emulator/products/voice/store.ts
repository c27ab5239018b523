/**
 * The `calls` and `recordings` tables and their wire formats (API 2010). Everything else in the
 * emulator reaches calls and recordings through this class's methods, never through the tables.
 *
 * Both tables keep records in the order the lists answer (creation time, then creation order) and
 * index every equality filter of Twilio's list endpoints, so a listing reads only its page. Whoever
 * changes a record in place saves it (`saveCall`, `saveRecording`): that is what journals the change.
 */
import type { Emulator } from '../../core/emulator';
import type { Table, TablePage, TableQuery } from '../../core/state';
import { newSid, PageRequest, rfc2822 } from '../../core/wire';
import type { NumbersApi } from '../numbers';
import type { TimeRange } from '../../core/date-filters';
import { callDefaults, CallRecord, formatted, RecordingRecord } from './model';
import { callCharge, recordingCharge, recordingPrice } from '../pricing';
import { usageMeter, UsageMeter } from '../usage/meter';
import { SAMPLE_CALL_COUNT, sampleCalls, sampleRecordings } from './sample';

export type NewCall = Partial<CallRecord> & Pick<CallRecord, 'from' | 'to' | 'direction' | 'status'>;
export type NewRecording = Partial<RecordingRecord> & Pick<RecordingRecord, 'call_sid' | 'source' | 'start' | 'status'>;

/** Equality filters of the Calls list (Twilio's names); `where` checks what no index answers. */
export interface CallFilter {
  To?: string;
  From?: string;
  Status?: string;
  ParentCallSid?: string;
  where?: (c: CallRecord) => boolean;
}

export interface RecordingFilter {
  CallSid?: string;
  created?: TimeRange | null;
}

/** Records kept per table (oldest pruned first): a year of heavy local use. */
const RETAIN = 200_000;
const LIVE_STATUSES = ['queued', 'ringing', 'in-progress'] as const;
const COUNTERS = 'voice-counters';
const TALK_TIMES = 'voice-talk-times';

interface Counters {
  /** The last creation order given to a call / a recording. */
  calls: number;
  recordings: number;
}

/**
 * Creation time, then creation order (which breaks ties within a millisecond), as one string that
 * sorts like the pair: the tables' position.
 */
function created(ms: number, ord: number): string {
  return `${String(ms).padStart(15, '0')}.${String(ord).padStart(12, '0')}`;
}

export class VoiceStore {
  private readonly callTable: Table<CallRecord>;
  private readonly recordingTable: Table<RecordingRecord>;
  /** Where calls and recordings charge their final prices (Usage Records). */
  readonly meter: UsageMeter;

  constructor(
    private readonly emu: Emulator,
    numbers: NumbersApi,
  ) {
    const meter = (this.meter = usageMeter(emu.state));
    this.callTable = emu.state.table<CallRecord>('calls', {
      key: (c) => c.sid,
      position: (c) => created(c.created, c.ord),
      indexes: {
        To: (c) => c.to,
        From: (c) => c.from,
        Status: (c) => c.status,
        ParentCallSid: (c) => c.parent_call_sid ?? undefined,
      },
      retain: RETAIN,
      seed: () => {
        const sample = sampleCalls(Date.now(), numbers);
        for (const c of sample) meter.charge(callCharge(c));
        return sample;
      },
    });
    this.recordingTable = emu.state.table<RecordingRecord>('recordings', {
      key: (r) => r.sid,
      position: (r) => created(r.created, r.ord),
      indexes: { CallSid: (r) => r.call_sid },
      retain: RETAIN,
      // Seeded right after the calls (on a fresh emulator and on reset): the oldest calls are the sample ones.
      seed: () => {
        const sample = sampleRecordings(this.callTable.page({ limit: SAMPLE_CALL_COUNT }).items);
        for (const r of sample) meter.charge(recordingCharge(r));
        return sample;
      },
    });
  }

  /**
   * How long a handset that answers a call to `number` talks, when a test or developer said so
   * (`POST /_emulator/talk-times`); otherwise TALK_SECONDS. A few settings, so a small slice.
   */
  talkTime(number: string): number | undefined {
    return this.talkTimes()[number];
  }

  setTalkTime(number: string, seconds: number | null): void {
    const times = this.talkTimes();
    if (seconds === null) delete times[number];
    else times[number] = seconds;
    this.emu.state.changed(TALK_TIMES);
  }

  private talkTimes(): Record<string, number> {
    return this.emu.state.slice<Record<string, number>>(TALK_TIMES, () => ({}));
  }

  private counters(): Counters {
    const newest = <T extends { ord: number }>(table: Table<T>): number =>
      table.page({ desc: true, limit: 1 }).items[0]?.ord ?? 0;
    return this.emu.state.slice<Counters>(COUNTERS, () => ({
      calls: newest(this.callTable),
      recordings: newest(this.recordingTable),
    }));
  }

  call(sid: string): CallRecord | undefined {
    return this.callTable.get(sid);
  }

  recording(sid: string): RecordingRecord | undefined {
    return this.recordingTable.get(sid);
  }

  /** Calls newest first, as the Calls list answers them. */
  findCalls(filter: CallFilter, request: PageRequest): TablePage<CallRecord> {
    const { where, ...eq } = filter;
    return this.callTable.page({ eq: defined(eq), desc: true, ...(where ? { where } : {}), ...pageRows(request) });
  }

  /** Recordings newest first, as the Recordings lists answer them. */
  findRecordings(filter: RecordingFilter, request: PageRequest): TablePage<RecordingRecord> {
    const query: TableQuery<RecordingRecord> = { eq: defined({ CallSid: filter.CallSid }), desc: true, ...pageRows(request) };
    if (filter.created) {
      // The position starts with the creation time: the range bounds the walk.
      if (filter.created.from > -Infinity) query.min = created(filter.created.from, 0);
      if (filter.created.until < Infinity) {
        query.max = created(filter.created.until, 0);
        query.maxExclusive = true;
      }
    }
    return this.recordingTable.page(query);
  }

  /** The recordings of one call, oldest first. */
  callRecordings(callSid: string): RecordingRecord[] {
    const eq = { CallSid: callSid };
    return this.recordingTable.page({ eq, limit: this.recordingTable.count(eq) }).items;
  }

  /** The call's newest recording still going (Twilio.CURRENT), if any. */
  liveRecording(callSid: string): RecordingRecord | undefined {
    return this.recordingTable.page({ eq: { CallSid: callSid }, desc: true, where: (r) => r.status !== 'completed', limit: 1 })
      .items[0];
  }

  /** The calls a call's <Dial> placed, oldest first. */
  dialLegs(parentSid: string): CallRecord[] {
    return this.everyCall({ ParentCallSid: parentSid });
  }

  /** Calls not yet finished, oldest first: what a restart finds in flight. */
  unfinishedCalls(): CallRecord[] {
    return LIVE_STATUSES.flatMap((Status) => this.everyCall({ Status })).sort((a, b) => a.created - b.created || a.ord - b.ord);
  }

  /** Every call an indexed filter selects, oldest first: for groups that stay small. */
  private everyCall(eq: Record<string, string>): CallRecord[] {
    return this.callTable.page({ eq, limit: this.callTable.count(eq) }).items;
  }

  /**
   * Journals a call changed in place. A call no longer filed (deleted, or forgotten by a reset while
   * its run was unwinding) stays gone.
   */
  saveCall(c: CallRecord): void {
    if (this.callTable.get(c.sid) === c) this.callTable.save(c);
  }

  /** Journals a recording changed in place (unless it was deleted meanwhile). */
  saveRecording(r: RecordingRecord): void {
    if (this.recordingTable.get(r.sid) === r) this.recordingTable.save(r);
  }

  /** The next creation order of calls or recordings. */
  private nextOrd(kind: keyof Counters): number {
    const counters = this.counters();
    counters[kind] += 1;
    this.emu.state.changed(COUNTERS);
    return counters[kind];
  }

  addCall(input: NewCall): CallRecord {
    const now = Date.now();
    const ord = this.nextOrd('calls');
    return this.callTable.save({ ...callDefaults(now), ...input, sid: newSid('CA'), ord });
  }

  deleteCall(sid: string): void {
    this.callTable.delete(sid);
  }

  addRecording(input: NewRecording): RecordingRecord {
    const now = Date.now();
    const ord = this.nextOrd('recordings');
    return this.recordingTable.save({
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
      sid: newSid('RE'),
      ord,
    });
  }

  deleteRecording(sid: string): void {
    this.recordingTable.delete(sid);
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
      ...this.wireRecordingCommon(r, { media_url: this.mediaUrl(r.sid), price: recordingPrice(r) }),
      subresource_uris: {
        add_on_results: this.accountPath(`/Recordings/${r.sid}/AddOnResults.json`),
        transcriptions: this.accountPath(`/Recordings/${r.sid}/Transcriptions.json`),
      },
      uri: this.recordingUri(r.sid),
    };
  }

  /** `/Calls/{CallSid}/Recordings/{Sid}.json`: Twilio documents price as a number there. */
  wireCallRecording(r: RecordingRecord): Record<string, unknown> {
    const price = recordingPrice(r);
    return {
      ...this.wireRecordingCommon(r, { price: price === null ? null : Number(price) }),
      track: r.track,
      uri: this.accountPath(`/Calls/${r.call_sid}/Recordings/${r.sid}.json`),
    };
  }
}

/** The records a list page answers: how many to skip and how many to take. */
function pageRows(request: PageRequest): { offset: number; limit: number } {
  return { offset: request.page * request.pageSize, limit: request.pageSize };
}

/** The filters that were given; an empty one (`To=`) filters nothing, as the lists always treated it. */
function defined(eq: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(eq)) if (v) out[k] = v;
  return out;
}
