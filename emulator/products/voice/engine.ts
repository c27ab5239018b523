/**
 * The live TwiML engine: carries each call through its lifecycle (queued -> initiated -> ringing ->
 * in-progress -> completed, or busy / no-answer / failed / canceled), posts Twilio's signed status
 * callbacks, fetches the call's TwiML and executes it verb by verb.
 *
 * Time: every verb takes about one `emu.stepMs` of wall time but counts emulated seconds (Say ~2.5
 * words a second, Pause its length, Record the recording, Dial ring + talk time); the call's
 * duration is their sum and end_time = start_time + duration. Waits for outside input (Gather
 * digits, a ringing Client, a caller speaking into Record) last INPUT_STEPS_PER_SECOND steps per
 * emulated second so the control API has a real window to answer.
 *
 * Errors, as Twilio reports them (kept per call and shown by `GET /_emulator/calls/{CallSid}`):
 * - 11200 HTTP retrieval failure: the TwiML URL answered non-2xx or not at all;
 * - 12100 document parse failure: not XML, or the root is not <Response>;
 * - 12200 schema validation: an unknown verb or a noun where it does not belong;
 * - 12300 invalid Content-Type (TwiML must be XML; text/plain is spoken, audio/* played);
 * - 11100 invalid URL: a relative action/Redirect URL in TwiML that has no URL to resolve it against;
 * - 13223 Dial: invalid phone number format.
 * On any of these (after trying the call's FallbackUrl, when one was given) Twilio answers the call
 * if it was not yet answered, plays "An application error has occurred" and hangs up, so the call
 * ends `completed` with the error recorded: that is what the emulator does too.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Emulator } from '../../core/emulator';
import { rfc2822 } from '../../core/wire';
import { parseXml, XmlElement, XmlError } from '../../core/xml';
import type { NumbersApi } from '../numbers';
import {
  CallEvent,
  CallRecord,
  CallStatus,
  callSummary,
  dialOutcome,
  ERROR_MESSAGE_SECONDS,
  HttpMethod,
  INPUT_STEPS_PER_SECOND,
  isClient,
  isE164,
  isTerminal,
  RECORD_SECONDS,
  RecordingRecord,
  RecordingSource,
  RING_SECONDS,
  TALK_SECONDS,
  VerbLog,
} from './model';
import { callPrice, VoiceStore } from './store';
import { deepText, element, intAttr, methodAttr, schemaProblem, SKIPPED_VERBS } from './twiml';

/** Where the next TwiML document comes from. */
export type DocSource =
  | {
      kind: 'url';
      url: string;
      method: HttpMethod;
      params?: Record<string, string>;
      fallback?: { url: string; method: HttpMethod };
      /** Set when this request retries an earlier one (the FallbackUrl): it carries the same token. */
      idempotencyToken?: string;
    }
  | { kind: 'twiml'; twiml: string };

interface Doc {
  /** The URL the document came from (relative URLs resolve against it); null for inline TwiML. */
  url: string | null;
  verbs: XmlElement[];
}

type Wake =
  | { kind: 'timeout' }
  | { kind: 'interrupt' }
  | { kind: 'digits'; digits: string; speech: string | null }
  | { kind: 'answer'; leg: string; seconds: number | null }
  | { kind: 'decline'; leg: string };

/** What a call is waiting for from the control API. */
export type Waiting =
  | { kind: 'gather'; input: string[]; timeout: number; since: number; deadline: number | null }
  | { kind: 'record'; finish_on_key: string; max_length: number; since: number; deadline: number }
  | { kind: 'client'; legs: string[]; since: number; deadline: number };

type Interrupt = { kind: 'hangup' } | { kind: 'redirect'; source: DocSource };

interface Run {
  sid: string;
  dead: boolean;
  interrupt: Interrupt | null;
  wake: ((w: Wake) => void) | null;
  /** Input that arrived while the run was between waits. */
  pending: Wake[];
  waiting: Waiting | null;
}

type EndStatus = 'completed' | 'busy' | 'no-answer';
type Flow = { next: DocSource } | { end: EndStatus };

/** The run is over (call finished, emulator reset): unwind quietly. */
class Stop extends Error {}
/** A hangup or redirect requested through the REST API. */
class Interrupted extends Error {
  constructor(readonly interrupt: Interrupt) {
    super(interrupt.kind);
  }
}

const MAX_TIMER_MS = 2_147_483_647;
const END: Flow = { end: 'completed' };
const SIP_CODES: Partial<Record<CallStatus, string>> = {
  completed: '200',
  busy: '486',
  'no-answer': '487',
  failed: '500',
  canceled: '487',
};
const CALL_EVENTS: ReadonlySet<string> = new Set(['initiated', 'ringing', 'answered', 'completed']);

/** `statusCallbackEvent="initiated ringing"` (space or comma separated); `completed` when absent. */
export function parseEvents(value: string | undefined): CallEvent[] {
  const list = (value ?? '').split(/[\s,]+/).filter((e): e is CallEvent => CALL_EVENTS.has(e));
  return list.length ? list : ['completed'];
}

export type ControlResult = { ok: true; leg?: string } | { ok: false; status: 404 | 409 | 400; message: string };

export class VoiceEngine {
  private readonly runs = new Map<string, Run>();
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly emu: Emulator,
    private readonly store: VoiceStore,
    private readonly numbers: NumbersApi,
  ) {
    emu.onReset(() => {
      for (const run of [...this.runs.values()]) this.kill(run);
      this.runs.clear();
      this.chains.clear();
    });
  }

  // ---------------------------------------------------------------- starting and steering calls

  /** An outbound API call: from `queued` (or, resumed after a restart, from `ringing`). */
  startOutbound(call: CallRecord, phase: 'queued' | 'ringing' = 'queued'): void {
    const run = this.newRun(call.sid);
    this.spawn(run, async () => {
      const step = this.emu.stepMs;
      let c: CallRecord;
      if (phase === 'queued') {
        await this.wait(run, step);
        c = this.check(run);
        c.start = Date.now();
        c.elapsed = 0;
        this.touch(c);
        this.fire(c, 'initiated', 'initiated');
        const outcome = isClient(c.to) ? 'answer' : dialOutcome(c.to);
        if (outcome === 'busy' || outcome === 'failed') {
          await this.wait(run, step);
          this.finish(this.check(run), outcome);
          return;
        }
        await this.wait(run, step);
        c = this.check(run);
        c.status = 'ringing';
        this.touch(c);
        this.fire(c, 'ringing', 'ringing');
      }
      c = this.check(run);
      if (isClient(c.to)) {
        const rang = await this.ring(run, [c], c.timeout);
        if (!rang.winner) return;
        c = this.check(run);
      } else {
        const outcome = dialOutcome(c.to);
        await this.wait(run, step);
        c = this.check(run);
        if (outcome === 'no-answer') {
          c.elapsed = c.timeout;
          this.finish(c, 'no-answer');
          return;
        }
        if (outcome !== 'answer') {
          this.finish(c, outcome);
          return;
        }
      }
      this.answer(c);
      await this.runTwiml(run, this.initialSource(c));
    });
  }

  /** An inbound call (control API): ringing while the number's VoiceUrl is fetched, answered by its first verb. */
  startInbound(call: CallRecord): void {
    const run = this.newRun(call.sid);
    this.spawn(run, async () => {
      await this.wait(run, this.emu.stepMs);
      const c = this.check(run);
      await this.runTwiml(run, this.initialSource(c));
    });
  }

  /** REST `Status=canceled` (or `completed`) on a call not yet answered. */
  cancel(call: CallRecord): void {
    this.finish(call, 'canceled');
    this.nudgeParent(call);
  }

  /** REST `Status=completed` on an answered call. */
  hangup(call: CallRecord): void {
    const run = this.runs.get(call.sid);
    if (run) run.interrupt = { kind: 'hangup' };
    this.finish(call, 'completed');
    this.nudgeParent(call);
  }

  /** REST `Url`/`Twiml` on a live call: drop what it is doing and run the new TwiML. */
  redirect(call: CallRecord, source: DocSource): void {
    const run = this.runs.get(call.sid);
    if (run) {
      run.interrupt = { kind: 'redirect', source };
      run.wake?.({ kind: 'interrupt' });
      return;
    }
    const fresh = this.newRun(call.sid);
    this.spawn(fresh, () => this.runTwiml(fresh, source));
  }

  /**
   * After a restart, calls that were in flight: an outbound call still queued or ringing carries on
   * (its lifecycle is in the state); anything answered was executing TwiML in the old process, which
   * is not resumed: it ends `completed` at its last emulated time (not yet answered: `canceled`),
   * with a note, its completed callback and its recordings closed.
   */
  resumeAfterRestart(): void {
    for (const c of this.store.calls()) {
      if (isTerminal(c.status)) continue;
      if (c.direction === 'outbound-api' && !c.answered && (c.status === 'queued' || c.status === 'ringing')) {
        this.startOutbound(c, c.status);
      } else {
        this.finish(
          c,
          c.answered ? 'completed' : 'canceled',
          'The emulator restarted during this call; its TwiML was not resumed.',
        );
      }
    }
  }

  waiting(sid: string): Waiting | null {
    return this.runs.get(sid)?.waiting ?? null;
  }

  // ---------------------------------------------------------------- control API

  digits(sid: string, digits: string, speech: string | null): ControlResult {
    if (!this.store.call(sid)) return { ok: false, status: 404, message: `No call ${sid}` };
    const run = this.runs.get(sid);
    const w = run?.waiting;
    if (!run || !w || (w.kind !== 'gather' && w.kind !== 'record')) {
      return { ok: false, status: 409, message: 'The call is not waiting for input (no <Gather> or <Record> in progress)' };
    }
    if (w.kind === 'gather' && digits && !w.input.includes('dtmf'))
      return { ok: false, status: 409, message: 'This <Gather> does not accept dtmf' };
    if (w.kind === 'gather' && speech && !w.input.includes('speech'))
      return { ok: false, status: 409, message: 'This <Gather> does not accept speech' };
    this.deliver(run, { kind: 'digits', digits, speech });
    return { ok: true };
  }

  answerClient(sid: string, client: string | null, seconds: number | null): ControlResult {
    const found = this.ringing(sid, client);
    if (!found.ok) return found.result;
    const leg = found.legs[0];
    this.deliver(found.run, { kind: 'answer', leg: leg.sid, seconds });
    return { ok: true, leg: leg.sid };
  }

  declineClient(sid: string, client: string | null): ControlResult {
    const found = this.ringing(sid, client);
    if (!found.ok) return found.result;
    for (const leg of found.legs) this.deliver(found.run, { kind: 'decline', leg: leg.sid });
    return { ok: true, leg: found.legs[0].sid };
  }

  private ringing(
    sid: string,
    client: string | null,
  ): { ok: true; run: Run; legs: CallRecord[] } | { ok: false; result: ControlResult } {
    const call = this.store.call(sid);
    if (!call) return { ok: false, result: { ok: false, status: 404, message: `No call ${sid}` } };
    for (const runSid of [call.sid, call.parent_call_sid]) {
      const run = runSid ? this.runs.get(runSid) : undefined;
      if (run?.waiting?.kind !== 'client') continue;
      let legs = run.waiting.legs
        .map((s) => this.store.call(s))
        .filter((l): l is CallRecord => l !== undefined && l.status === 'ringing');
      if (runSid !== call.sid) legs = legs.filter((l) => l.sid === call.sid);
      if (client !== null) legs = legs.filter((l) => l.to === `client:${client}`);
      if (legs.length) return { ok: true, run, legs };
    }
    const who = client === null ? 'a Client' : `client:${client}`;
    return { ok: false, result: { ok: false, status: 409, message: `Nothing is ringing ${who} on call ${sid}` } };
  }

  // ---------------------------------------------------------------- recordings

  /** A recording that follows the call until it ends (Record=true, or the Recordings API). */
  startLiveRecording(
    call: CallRecord,
    source: RecordingSource,
    opts: { channels: number; callback: string | null; method: HttpMethod; events: string[] },
  ): RecordingRecord {
    const rec = this.store.addRecording({
      call_sid: call.sid,
      source,
      start: this.emuNow(call),
      status: 'in-progress',
      channels: opts.channels,
      active_since: call.elapsed,
      status_callback: opts.callback,
      status_callback_method: opts.method,
      status_callback_events: opts.events,
    });
    this.recordingEvent(rec, 'in-progress');
    return rec;
  }

  /** Recordings API update: pause, resume or stop a live recording. */
  setRecordingStatus(rec: RecordingRecord, status: 'paused' | 'in-progress' | 'stopped'): void {
    const call = this.store.call(rec.call_sid);
    const elapsed = call?.elapsed ?? 0;
    if (rec.status === 'completed') return;
    if (status === 'paused' && rec.status === 'in-progress') {
      rec.accrued += elapsed - (rec.active_since ?? elapsed);
      rec.active_since = null;
      rec.status = 'paused';
    } else if (status === 'in-progress' && rec.status === 'paused') {
      rec.active_since = elapsed;
      rec.status = 'in-progress';
    } else if (status === 'stopped') {
      if (rec.active_since !== null) rec.accrued += elapsed - rec.active_since;
      this.completeRecording(rec, rec.accrued);
    }
    rec.updated = Date.now();
    this.store.changed();
  }

  private completeRecording(rec: RecordingRecord, seconds: number): void {
    if (rec.status === 'completed') return;
    rec.active_since = null;
    rec.accrued = Math.max(1, Math.round(seconds));
    rec.duration = rec.accrued;
    rec.status = 'completed';
    rec.updated = Date.now();
    this.store.changed();
    this.recordingEvent(rec, 'completed');
  }

  private completeLiveRecordings(call: CallRecord): void {
    for (const rec of this.store.recordings()) {
      if (rec.call_sid !== call.sid || rec.status === 'completed') continue;
      const running = rec.active_since === null ? 0 : call.elapsed - rec.active_since;
      this.completeRecording(rec, rec.accrued + running);
    }
  }

  private recordingEvent(rec: RecordingRecord, status: 'in-progress' | 'completed'): void {
    const url = rec.status_callback;
    if (!url || !rec.status_callback_events.includes(status)) return;
    const params: Record<string, string> = {
      AccountSid: this.emu.accountSid,
      CallSid: rec.call_sid,
      RecordingSid: rec.sid,
      RecordingUrl: this.store.mediaUrl(rec.sid),
      RecordingStatus: status,
      RecordingChannels: String(rec.channels),
      RecordingSource: rec.source,
      RecordingStartTime: rfc2822(rec.start),
      RecordingTrack: rec.track,
    };
    if (status === 'completed') {
      params.RecordingDuration = String(rec.duration ?? 0);
      params.ErrorCode = '0';
    }
    // Twilio reports a recording once it is processed: a step after it ends.
    this.emu.schedule(this.emu.stepMs, () => this.enqueue(`recording:${rec.sid}`, url, params, rec.status_callback_method));
  }

  // ---------------------------------------------------------------- the call lifecycle

  private initialSource(c: CallRecord): DocSource {
    if (c.twiml !== null) return { kind: 'twiml', twiml: c.twiml };
    return {
      kind: 'url',
      url: c.url ?? '',
      method: c.method,
      ...(c.fallback_url ? { fallback: { url: c.fallback_url, method: c.fallback_method } } : {}),
    };
  }

  private answer(c: CallRecord, at = Date.now()): void {
    c.status = 'in-progress';
    c.answered = true;
    c.start = at;
    c.elapsed = 0;
    this.touch(c);
    this.fire(c, 'answered', 'in-progress');
    if (c.record) {
      this.startLiveRecording(c, 'OutboundAPI', {
        channels: c.recording_channels,
        callback: c.recording_status_callback,
        method: c.recording_status_callback_method,
        events: c.recording_status_callback_events,
      });
    }
  }

  /** Ends a call (idempotent): times, duration, price, recordings, the completed callback. */
  private finish(c: CallRecord, status: CallStatus, note?: string): void {
    if (isTerminal(c.status)) return;
    const now = Date.now();
    if (note) c.notes.push(note);
    if (c.start === null && status !== 'canceled') c.start = now;
    c.status = status;
    c.end = c.start === null ? null : c.start + c.elapsed * 1000;
    c.duration = c.answered ? c.elapsed : 0;
    c.price = callPrice(c);
    c.updated = now;
    this.completeLiveRecordings(c);
    this.fire(c, 'completed', status);
    this.store.changed();
    this.runs.get(c.sid)?.wake?.({ kind: 'interrupt' });
  }

  /** A leg ended through the REST API: let the parent's <Dial> notice. */
  private nudgeParent(call: CallRecord): void {
    if (!call.parent_call_sid) return;
    const run = this.runs.get(call.parent_call_sid);
    if (run?.waiting?.kind === 'client') this.deliver(run, { kind: 'decline', leg: '' });
  }

  private emuNow(c: CallRecord): number {
    return (c.start ?? Date.now()) + c.elapsed * 1000;
  }

  private touch(c: CallRecord): void {
    c.updated = Date.now();
    this.store.changed();
  }

  // ---------------------------------------------------------------- callbacks

  private geo(address: string): { city: string; state: string; zip: string; country: string } {
    const own = this.numbers.byPhone(address);
    if (own) return { city: own.locality.toUpperCase(), state: own.region, zip: '', country: own.iso_country };
    const bare = address.replace(/^whatsapp:/, '');
    const country = isE164(bare) ? (parsePhoneNumberFromString(bare)?.country ?? '') : '';
    return { city: '', state: '', zip: '', country };
  }

  /** What Twilio sends about a call in every voice request and status callback. */
  private baseParams(c: CallRecord): Record<string, string> {
    const from = this.geo(c.from);
    const to = this.geo(c.to);
    const p: Record<string, string> = {
      AccountSid: this.emu.accountSid,
      ApiVersion: '2010-04-01',
      CallSid: c.sid,
      Direction: c.direction,
      From: c.from,
      To: c.to,
      Caller: c.from,
      Called: c.to,
      FromCity: from.city,
      FromState: from.state,
      FromZip: from.zip,
      FromCountry: from.country,
      CallerCity: from.city,
      CallerState: from.state,
      CallerZip: from.zip,
      CallerCountry: from.country,
      ToCity: to.city,
      ToState: to.state,
      ToZip: to.zip,
      ToCountry: to.country,
      CalledCity: to.city,
      CalledState: to.state,
      CalledZip: to.zip,
      CalledCountry: to.country,
    };
    if (c.parent_call_sid) p.ParentCallSid = c.parent_call_sid;
    return p;
  }

  private voiceParams(c: CallRecord): Record<string, string> {
    return { ...this.baseParams(c), CallStatus: c.status };
  }

  /**
   * A status callback, when the call asked for this event. The `initiated` event reports
   * CallStatus=initiated although the resource still reads `queued` (the REST enum has no
   * `initiated`); `answered` reports in-progress; `completed` reports the final status with
   * CallDuration (seconds) and Duration (minutes, rounded up).
   */
  private fire(c: CallRecord, event: CallEvent, callStatus: string): void {
    const url = c.status_callback;
    if (!url || !c.status_callback_events.includes(event)) return;
    const params: Record<string, string> = {
      ...this.baseParams(c),
      CallStatus: callStatus,
      Timestamp: rfc2822(this.emuNow(c)),
      CallbackSource: 'call-progress-events',
      SequenceNumber: String(c.seq++),
    };
    if (event === 'completed') {
      const d = c.duration ?? 0;
      params.CallDuration = String(d);
      params.Duration = String(Math.ceil(d / 60));
      const sip = SIP_CODES[c.status];
      if (sip) params.SipResponseCode = sip;
      const rec = this.store.recordings().find((r) => r.call_sid === c.sid && r.source === 'OutboundAPI');
      if (rec) {
        params.RecordingUrl = this.store.mediaUrl(rec.sid);
        params.RecordingSid = rec.sid;
        params.RecordingDuration = String(rec.duration ?? 0);
      }
    }
    this.store.changed();
    this.enqueue(c.sid, url, params, c.status_callback_method);
  }

  /** Callbacks about one call (or recording) go out one after another, in order. */
  private enqueue(key: string, url: string, params: Record<string, string>, method: HttpMethod): void {
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous.then(
      () => this.emu.webhook(url, params, method).then(() => undefined),
      () => undefined,
    );
    this.chains.set(key, next);
    void next.then(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
  }

  // ---------------------------------------------------------------- runs, waits, interrupts

  private newRun(sid: string): Run {
    const old = this.runs.get(sid);
    if (old) this.kill(old);
    const run: Run = { sid, dead: false, interrupt: null, wake: null, pending: [], waiting: null };
    this.runs.set(sid, run);
    return run;
  }

  private kill(run: Run): void {
    run.dead = true;
    if (this.runs.get(run.sid) === run) this.runs.delete(run.sid);
    run.wake?.({ kind: 'interrupt' });
  }

  private spawn(run: Run, body: () => Promise<void>): void {
    body()
      .catch((err: unknown) => {
        if (err instanceof Stop || err instanceof Interrupted) return;
        console.error('[emulator] call engine failed:', err);
        const c = this.store.call(run.sid);
        if (c && !run.dead) this.finish(c, c.answered ? 'completed' : 'failed', `Emulator error: ${String(err)}`);
      })
      .finally(() => {
        if (this.runs.get(run.sid) === run) this.runs.delete(run.sid);
      });
  }

  private deliver(run: Run, w: Wake): void {
    if (run.wake) run.wake(w);
    else run.pending.push(w);
  }

  /** Resolves after `ms`, or earlier when input or an interrupt arrives. */
  private wait(run: Run, ms: number): Promise<Wake> {
    const queued = run.pending.shift();
    if (queued) return Promise.resolve(queued);
    if (run.dead) return Promise.resolve({ kind: 'interrupt' });
    return new Promise((resolve) => {
      let settled = false;
      const finish = (w: Wake): void => {
        if (settled) return;
        settled = true;
        if (run.wake === finish) run.wake = null;
        resolve(w);
      };
      run.wake = finish;
      this.emu.schedule(Math.min(Math.max(0, ms), MAX_TIMER_MS), () => finish({ kind: 'timeout' }));
    });
  }

  /** The run's call, if the run should go on; otherwise throws Stop or the pending Interrupted. */
  private check(run: Run): CallRecord {
    if (run.dead) throw new Stop();
    const c = this.store.call(run.sid);
    if (!c) throw new Stop();
    if (run.interrupt) {
      const i = run.interrupt;
      run.interrupt = null;
      throw new Interrupted(i);
    }
    if (isTerminal(c.status)) throw new Stop();
    return c;
  }

  /** One verb's worth of wall time, counting `seconds` of emulated time. */
  private async step(run: Run, seconds: number): Promise<Wake> {
    const w = await this.wait(run, this.emu.stepMs);
    const c = this.check(run);
    c.elapsed += seconds;
    this.touch(c);
    this.enforceTimeLimit(run, c);
    return w;
  }

  private get inputUnitMs(): number {
    return INPUT_STEPS_PER_SECOND * this.emu.stepMs;
  }

  /** Waits up to `seconds` emulated seconds for input; counts the emulated time spent. */
  private async waitInput(run: Run, seconds: number): Promise<{ wake: Wake; seconds: number }> {
    const since = Date.now();
    const wake = await this.wait(run, seconds * this.inputUnitMs);
    const spent =
      wake.kind === 'timeout' ? seconds : Math.min(seconds, Math.max(1, Math.ceil((Date.now() - since) / this.inputUnitMs)));
    const c = this.store.call(run.sid);
    if (c && !run.dead && !isTerminal(c.status)) {
      c.elapsed += spent;
      this.touch(c);
    }
    const checked = this.check(run);
    this.enforceTimeLimit(run, checked);
    return { wake, seconds: spent };
  }

  private enforceTimeLimit(run: Run, c: CallRecord): void {
    if (!c.answered || c.elapsed < c.time_limit) return;
    c.elapsed = c.time_limit;
    c.notes.push(`TimeLimit of ${c.time_limit} s reached`);
    run.interrupt = { kind: 'hangup' };
    this.check(run);
  }

  // ---------------------------------------------------------------- TwiML

  private async runTwiml(run: Run, first: DocSource): Promise<void> {
    let next: DocSource | null = first;
    let end: EndStatus = 'completed';
    while (next) {
      try {
        const doc = await this.load(run, next);
        if (!doc) break;
        const flow = await this.execute(run, doc);
        if ('next' in flow) next = flow.next;
        else {
          end = flow.end;
          next = null;
        }
      } catch (err) {
        if (!(err instanceof Interrupted)) throw err;
        next = err.interrupt.kind === 'redirect' ? err.interrupt.source : null;
        const c = this.store.call(run.sid);
        if (c && next) c.log.push({ verb: 'Redirect', url: next.kind === 'url' ? next.url : null, by: 'api' });
      }
    }
    const c = this.store.call(run.sid);
    if (!c || run.dead) return;
    if (end === 'completed' && !c.answered && !isTerminal(c.status)) this.answer(c);
    this.finish(c, end);
  }

  private async load(run: Run, source: DocSource): Promise<Doc | null> {
    if (source.kind === 'twiml') return this.parseDoc(run, source.twiml, 'text/xml', null);
    const call = this.check(run);
    const params = { ...this.voiceParams(call), ...(source.params ?? {}) };
    const res = await this.emu.webhook(source.url, params, source.method, source.idempotencyToken);
    const sent = { ...source, idempotencyToken: res.idempotencyToken };
    this.check(run);
    if (res.status < 200 || res.status >= 300) {
      const why =
        res.status === 0
          ? `no answer from ${source.url} (${res.error ?? 'connection failed'})`
          : `${source.url} answered HTTP ${res.status}`;
      return this.docError(run, 11200, `HTTP retrieval failure: ${why}`, sent);
    }
    return this.parseDoc(run, res.body, res.contentType, sent);
  }

  private async parseDoc(
    run: Run,
    body: string,
    contentType: string,
    source: Extract<DocSource, { kind: 'url' }> | null,
  ): Promise<Doc | null> {
    const url = source?.url ?? null;
    const type = contentType.split(';')[0].trim().toLowerCase();
    if (type.startsWith('audio/')) return { url, verbs: [element('Play', url ?? '')] };
    if (type === 'text/plain') return { url, verbs: [element('Say', body.trim())] };
    if (type && !/xml|html/.test(type)) return this.docError(run, 12300, `Invalid Content-Type: ${type}`, source);
    let root: XmlElement;
    try {
      root = parseXml(body);
    } catch (err) {
      if (!(err instanceof XmlError)) throw err;
      return this.docError(run, 12100, `Document parse failure: ${err.message}`, source);
    }
    if (root.name !== 'Response')
      return this.docError(run, 12100, `Document parse failure: the root element is <${root.name}>, not <Response>`, source);
    const problem = schemaProblem(root);
    if (problem) return this.docError(run, 12200, `Schema validation warning: ${problem}`, source);
    return { url, verbs: root.children };
  }

  /** Records the error; tries the FallbackUrl once; else "an application error has occurred" and the end. */
  private async docError(
    run: Run,
    code: number,
    message: string,
    source: Extract<DocSource, { kind: 'url' }> | null,
  ): Promise<Doc | null> {
    const call = this.check(run);
    call.errors.push({ code, message, url: source?.url ?? null, at: new Date().toISOString() });
    this.store.changed();
    if (source?.fallback) {
      call.notes.push(`Error ${code}: trying the FallbackUrl ${source.fallback.url}`);
      return this.load(run, {
        kind: 'url',
        url: source.fallback.url,
        method: source.fallback.method,
        params: { ...(source.params ?? {}), ErrorCode: String(code), ErrorUrl: source.url },
        idempotencyToken: source.idempotencyToken,
      });
    }
    await this.applicationError(run, call, code, message);
    return null;
  }

  private async applicationError(run: Run, call: CallRecord, code: number, message: string): Promise<void> {
    if (!call.answered) this.answer(call);
    this.log(call, { verb: 'Error', code, message, seconds: ERROR_MESSAGE_SECONDS });
    await this.step(run, ERROR_MESSAGE_SECONDS);
  }

  /** An absolute URL for a TwiML attribute, or null (error 11100 recorded) when it cannot resolve. */
  private async resolveUrl(run: Run, doc: Doc, target: string): Promise<string | null> {
    try {
      const url = new URL(target, doc.url ?? undefined);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
    } catch {
      /* reported below */
    }
    const call = this.check(run);
    const message = `Invalid URL format: ${target}${doc.url ? '' : ' (relative URLs need a TwiML document fetched from a URL)'}`;
    call.errors.push({ code: 11100, message, url: doc.url, at: new Date().toISOString() });
    await this.applicationError(run, call, 11100, message);
    return null;
  }

  private log(call: CallRecord, entry: VerbLog): VerbLog {
    call.log.push(entry);
    this.store.changed();
    return entry;
  }

  private async execute(run: Run, doc: Doc): Promise<Flow> {
    for (const verb of doc.verbs) {
      const flow = await this.verb(run, doc, verb);
      if (flow) return flow;
    }
    return END;
  }

  private async verb(run: Run, doc: Doc, el: XmlElement): Promise<Flow | null> {
    const call = this.check(run);
    if (el.name !== 'Reject' && !call.answered) this.answer(call);
    switch (el.name) {
      case 'Say':
      case 'Play':
      case 'Pause': {
        const timed = describeTimed(el);
        const entry = this.log(call, timed.entry);
        if (timed.hold) await this.hold(run, entry);
        else await this.step(run, timed.seconds);
        return null;
      }
      case 'Gather':
        return this.gather(run, doc, el);
      case 'Dial':
        return this.dial(run, doc, el);
      case 'Record':
        return this.record(run, doc, el);
      case 'Redirect': {
        const url = await this.resolveUrl(run, doc, el.text);
        if (!url) return END;
        const method = methodAttr(el);
        this.log(call, { verb: 'Redirect', url, method });
        await this.step(run, 0);
        return { next: { kind: 'url', url, method } };
      }
      case 'Hangup':
        this.log(call, { verb: 'Hangup' });
        return END;
      case 'Reject': {
        const reason = el.attrs.reason === 'busy' ? 'busy' : 'rejected';
        this.log(call, { verb: 'Reject', reason });
        if (!call.answered) return { end: reason === 'busy' ? 'busy' : 'no-answer' };
        call.notes.push('<Reject> after the call was answered: hung up');
        return END;
      }
      default:
        if (SKIPPED_VERBS.has(el.name)) {
          this.log(call, { verb: el.name, emulated: false });
          call.notes.push(`<${el.name}> is not emulated; skipped`);
          return null;
        }
        // schemaProblem() rejects unknown verbs before execution; this is a safety net.
        await this.applicationError(run, call, 12200, `Schema validation warning: <${el.name}> is not a Voice TwiML verb`);
        return END;
    }
  }

  /** Say/Play with loop="0": repeats until the call is hung up or redirected (or its TimeLimit). */
  private async hold(run: Run, entry: VerbLog): Promise<void> {
    const call = this.check(run);
    const remaining = Math.max(1, call.time_limit - call.elapsed);
    const r = await this.waitInput(run, remaining);
    entry.seconds = r.seconds;
  }

  private async gather(run: Run, doc: Doc, el: XmlElement): Promise<Flow | null> {
    const call = this.check(run);
    const input = (el.attrs.input ?? 'dtmf').split(/\s+/).filter(Boolean);
    const timeout = Math.max(1, intAttr(el, 'timeout', 5));
    const finishOnKey = el.attrs.finishOnKey ?? '#';
    const numDigits = intAttr(el, 'numDigits', 0);
    const action = el.attrs.action ?? null;
    const method = methodAttr(el);
    const entry = this.log(call, {
      verb: 'Gather',
      input: input.join(' '),
      timeout,
      action,
      outcome: 'waiting',
      digits: null,
      seconds: 0,
    });
    const since = Date.now();
    const startElapsed = call.elapsed;
    run.waiting = { kind: 'gather', input, timeout, since, deadline: null };
    let got: Extract<Wake, { kind: 'digits' }> | null = null;
    try {
      for (const child of el.children) {
        const timed = describeTimed(child);
        this.log(call, { ...timed.entry, in: 'Gather' });
        const w = await this.step(run, timed.seconds);
        if (w.kind === 'digits') {
          got = w;
          break;
        }
      }
      if (!got) {
        run.waiting.deadline = Date.now() + timeout * this.inputUnitMs;
        const r = await this.waitInput(run, timeout);
        if (r.wake.kind === 'digits') got = r.wake;
      }
    } finally {
      run.waiting = null;
      run.pending = [];
      entry.seconds = (this.store.call(run.sid)?.elapsed ?? startElapsed) - startElapsed;
    }
    if (got) {
      let digits = got.digits.replace(/[wW]/g, '');
      let finishedOnKey = '';
      const keyAt = finishOnKey ? digits.indexOf(finishOnKey[0]) : -1;
      if (keyAt >= 0) {
        finishedOnKey = finishOnKey[0];
        digits = digits.slice(0, keyAt);
      }
      if (numDigits > 0 && digits.length > numDigits) digits = digits.slice(0, numDigits);
      const speech = input.includes('speech') ? got.speech : null;
      if (digits || speech) {
        entry.outcome = 'input';
        entry.digits = digits;
        if (speech) entry.speech = speech;
        // Without an action, Twilio requests the current document's URL again.
        const target = action ? await this.resolveUrl(run, doc, action) : doc.url;
        if (action && !target) return END;
        if (!target) return null;
        const params: Record<string, string> = { msg: 'Gather End' };
        if (digits) {
          params.Digits = digits;
          params.FinishedOnKey = finishedOnKey;
        }
        if (speech) {
          params.SpeechResult = speech;
          params.Confidence = '0.9';
        }
        return { next: { kind: 'url', url: target, method, params } };
      }
    }
    entry.outcome = 'timeout';
    // No input: fall through to the next verb, unless actionOnEmptyResult asks for the action anyway.
    if (action && el.attrs.actionOnEmptyResult === 'true') {
      const target = await this.resolveUrl(run, doc, action);
      if (!target) return END;
      return { next: { kind: 'url', url: target, method, params: { msg: 'Gather End' } } };
    }
    return null;
  }

  private async record(run: Run, doc: Doc, el: XmlElement): Promise<Flow | null> {
    const call = this.check(run);
    const maxLength = Math.max(1, intAttr(el, 'maxLength', 3600));
    const silence = intAttr(el, 'timeout', 5);
    const finishOnKey = el.attrs.finishOnKey ?? '1234567890*#';
    const trim = el.attrs.trim !== 'do-not-trim';
    const action = el.attrs.action ?? null;
    const method = methodAttr(el);
    const planned = Math.min(maxLength, RECORD_SECONDS);
    const entry = this.log(call, {
      verb: 'Record',
      max_length: maxLength,
      timeout: silence,
      action,
      outcome: 'recording',
      seconds: 0,
    });
    const startAt = this.emuNow(call);
    const startElapsed = call.elapsed;
    const since = Date.now();
    run.waiting = {
      kind: 'record',
      finish_on_key: finishOnKey,
      max_length: maxLength,
      since,
      deadline: since + planned * this.inputUnitMs,
    };
    const newRecording = (seconds: number): RecordingRecord => {
      const rec = this.store.addRecording({
        call_sid: call.sid,
        source: 'RecordVerb',
        start: startAt,
        status: 'in-progress',
        channels: 1,
        status_callback: el.attrs.recordingStatusCallback ?? null,
        status_callback_method: methodAttr(el, 'recordingStatusCallbackMethod'),
        status_callback_events: (el.attrs.recordingStatusCallbackEvent ?? 'completed').split(/[\s,]+/).filter(Boolean),
      });
      this.recordingEvent(rec, 'in-progress');
      this.completeRecording(rec, seconds);
      return rec;
    };
    let key = '';
    let spoken = planned;
    try {
      let left = planned;
      for (;;) {
        const r = await this.waitInput(run, left);
        // Silence after speaking ends the recording (unless it ran into maxLength).
        if (r.wake.kind !== 'digits') break;
        const pressed = [...r.wake.digits].find((ch) => finishOnKey.includes(ch));
        left -= r.seconds;
        if (pressed || left <= 0) {
          key = pressed ?? '';
          spoken = Math.max(1, call.elapsed - startElapsed);
          break;
        }
      }
      if (!key && planned < maxLength) {
        call.elapsed += silence;
        this.touch(call);
      }
    } catch (err) {
      if (err instanceof Interrupted && err.interrupt.kind === 'hangup') {
        // The caller hung up mid-recording (voicemail): Twilio keeps the recording and still
        // requests the action with Digits=hangup; what it answers is ignored.
        const seconds = Math.min(maxLength, Math.max(1, Math.ceil((Date.now() - since) / this.inputUnitMs)));
        const rec = newRecording(seconds);
        entry.outcome = 'hangup';
        entry.recording_sid = rec.sid;
        const target = action ? safeUrl(action, doc.url) : doc.url;
        if (target) {
          const params = { ...this.voiceParams(call), ...this.recordingParams(rec), Digits: 'hangup' };
          void this.emu.webhook(target, params, method);
        }
      }
      throw err;
    } finally {
      run.waiting = null;
      run.pending = [];
    }
    const duration = trim || key ? spoken : spoken + silence;
    const rec = newRecording(duration);
    entry.outcome = 'completed';
    entry.recording_sid = rec.sid;
    entry.duration = rec.duration;
    entry.digits = key;
    entry.seconds = call.elapsed - startElapsed;
    if (el.attrs.transcribe === 'true' || el.attrs.transcribeCallback) call.notes.push('<Record transcribe> is not emulated');
    // Without an action, Twilio requests the current document's URL again.
    const target = action ? await this.resolveUrl(run, doc, action) : doc.url;
    if (action && !target) return END;
    if (!target) return null;
    return { next: { kind: 'url', url: target, method, params: { ...this.recordingParams(rec), Digits: key } } };
  }

  private recordingParams(rec: RecordingRecord): Record<string, string> {
    return {
      RecordingUrl: this.store.mediaUrl(rec.sid),
      RecordingSid: rec.sid,
      RecordingDuration: String(rec.duration ?? 0),
    };
  }

  private async dial(run: Run, doc: Doc, el: XmlElement): Promise<Flow | null> {
    let call = this.check(run);
    const timeout = Math.max(1, intAttr(el, 'timeout', 30));
    const timeLimit = Math.max(1, intAttr(el, 'timeLimit', 14400));
    const action = el.attrs.action ?? null;
    const method = methodAttr(el);
    const callerId = el.attrs.callerId ?? call.from;
    const recordMode = el.attrs.record ?? 'do-not-record';
    const recording = recordMode !== 'do-not-record' && recordMode !== 'false';
    const nouns = el.children.length ? el.children : [element('Number', el.text)];
    const entry = this.log(call, { verb: 'Dial', outcome: 'dialing', seconds: 0 });
    const legs: CallRecord[] = [];
    const startElapsed = call.elapsed;
    for (const noun of nouns) {
      let to: string;
      if (noun.name === 'Client') {
        const identity = noun.children.find((c) => c.name === 'Identity')?.text ?? noun.text;
        to = `client:${identity}`;
        entry.client ??= identity;
      } else if (noun.name === 'Number' || noun.name === 'Sip') {
        to = noun.text.trim();
        if (noun.name === 'Number') entry.number ??= to;
        else entry.sip ??= to;
      } else {
        call.notes.push(`<Dial><${noun.name}> is not emulated`);
        entry[noun.name.toLowerCase()] = noun.text || null;
        continue;
      }
      const invalid =
        (noun.name === 'Number' && !isE164(to)) ||
        (noun.name === 'Sip' && !/^sips?:/.test(to)) ||
        (noun.name === 'Client' && !isClient(to));
      const leg = this.store.addCall({
        from: callerId,
        to,
        direction: 'outbound-dial',
        status: 'ringing',
        parent_call_sid: call.sid,
        phone_number_sid: call.phone_number_sid,
        start: this.emuNow(call),
        timeout,
        status_callback: noun.attrs.statusCallback ?? null,
        status_callback_method: methodAttr(noun, 'statusCallbackMethod'),
        status_callback_events: parseEvents(noun.attrs.statusCallbackEvent),
      });
      this.fire(leg, 'initiated', 'initiated');
      this.fire(leg, 'ringing', 'ringing');
      if (invalid) {
        call.errors.push({
          code: 13223,
          message: `Dial: Invalid phone number format: ${to}`,
          url: doc.url,
          at: new Date().toISOString(),
        });
        this.finish(leg, 'failed');
      }
      if (noun.attrs.url) leg.notes.push('<Number url> / <Client url> (whisper TwiML) is not emulated');
      legs.push(leg);
    }
    let rec: RecordingRecord | null = null;
    let winner: CallRecord | null = null;
    // Client legs ring from the moment the <Dial> starts: the control API may answer them at once.
    const ringSince = Date.now();
    const ringingClients = legs.filter((l) => l.status === 'ringing' && isClient(l.to));
    if (ringingClients.length) {
      run.waiting = {
        kind: 'client',
        legs: ringingClients.map((l) => l.sid),
        since: ringSince,
        deadline: ringSince + timeout * this.inputUnitMs,
      };
    }
    try {
      const dialled = await this.step(run, 0);
      // An answer or decline that came in while dialling waits for ring() below.
      if (dialled.kind === 'answer' || dialled.kind === 'decline') run.pending.unshift(dialled);
      for (const leg of legs) {
        if (isClient(leg.to) || isTerminal(leg.status)) continue;
        const outcome = dialOutcome(leg.to);
        if (outcome === 'answer') continue;
        leg.elapsed = outcome === 'no-answer' ? timeout : 0;
        this.finish(leg, outcome);
      }
      winner = legs.find((l) => l.status === 'ringing' && !isClient(l.to)) ?? null;
      let ringSeconds = winner ? RING_SECONDS : legs.some((l) => l.status === 'no-answer') ? timeout : 1;
      let talk: number | null = null;
      const clients = legs.filter((l) => l.status === 'ringing' && isClient(l.to));
      if (!winner && clients.length) {
        const rang = await this.ring(run, clients, timeout, ringSince);
        winner = rang.winner;
        ringSeconds = Math.max(ringSeconds === 1 ? 0 : ringSeconds, rang.seconds);
        talk = rang.talk;
      }
      run.waiting = null;
      run.pending = [];
      for (const l of legs) {
        if (l === winner || isTerminal(l.status)) continue;
        l.elapsed = ringSeconds;
        this.finish(l, 'canceled');
      }
      call = this.check(run);
      call.elapsed += ringSeconds;
      let talkSeconds = 0;
      if (winner) {
        this.answer(winner, this.emuNow(call));
        talkSeconds = Math.max(1, Math.min(talk ?? TALK_SECONDS, timeLimit, Math.max(1, call.time_limit - call.elapsed)));
        if (recording) {
          rec = this.startLiveRecording(call, 'DialVerb', {
            channels: /dual/.test(recordMode) ? 2 : 1,
            callback: el.attrs.recordingStatusCallback ?? null,
            method: methodAttr(el, 'recordingStatusCallbackMethod'),
            events: (el.attrs.recordingStatusCallbackEvent ?? 'completed').split(/[\s,]+/).filter(Boolean),
          });
        }
        winner.elapsed = talkSeconds;
        entry.outcome = 'in-progress';
        entry.call_sid = winner.sid;
        await this.step(run, talkSeconds);
        this.finish(winner, 'completed');
        if (rec) this.completeRecording(rec, talkSeconds + (/ringing/.test(recordMode) ? ringSeconds : 0));
      }
      const status = winner
        ? 'completed'
        : legs.some((l) => l.status === 'busy')
          ? 'busy'
          : legs.some((l) => l.status === 'no-answer')
            ? 'no-answer'
            : 'failed';
      entry.outcome = status;
      entry.call_sid = (winner ?? legs[0])?.sid ?? null;
      entry.duration = talkSeconds;
      entry.legs = legs.map((l) => ({ to: l.to, call_sid: l.sid, status: l.status }));
      if (rec) entry.recording_sid = rec.sid;
      entry.seconds = call.elapsed - startElapsed;
      // Without an action, the call goes on with the next verb.
      if (!action) return null;
      const target = await this.resolveUrl(run, doc, action);
      if (!target) return END;
      const params: Record<string, string> = {
        DialCallStatus: status,
        DialCallDuration: String(talkSeconds),
        DialBridged: String(winner !== null),
      };
      const dialSid = (winner ?? legs[0])?.sid;
      if (dialSid) params.DialCallSid = dialSid;
      if (rec) Object.assign(params, this.recordingParams(rec));
      return { next: { kind: 'url', url: target, method, params } };
    } catch (err) {
      // The parent hung up or was redirected: its legs end with it.
      run.waiting = null;
      run.pending = [];
      for (const l of legs) if (!isTerminal(l.status)) this.finish(l, l.answered ? 'completed' : 'canceled');
      entry.outcome = err instanceof Interrupted ? `interrupted by ${err.interrupt.kind}` : 'ended';
      throw err;
    }
  }

  /**
   * Rings Client legs until one is answered through the control API, all are declined (busy) or
   * the timeout passes (no-answer). Returns the answered leg (still ringing: the caller answers it).
   */
  private async ring(
    run: Run,
    legs: CallRecord[],
    timeout: number,
    since = Date.now(),
  ): Promise<{ winner: CallRecord | null; seconds: number; talk: number | null }> {
    const deadline = since + timeout * this.inputUnitMs;
    run.waiting = { kind: 'client', legs: legs.map((l) => l.sid), since, deadline };
    const spent = (): number => Math.min(timeout, Math.max(1, Math.ceil((Date.now() - since) / this.inputUnitMs)));
    try {
      for (;;) {
        const ringing = legs.filter((l) => l.status === 'ringing');
        if (!ringing.length) return { winner: null, seconds: spent(), talk: null };
        const remaining = deadline - Date.now();
        const w: Wake = remaining > 0 ? await this.wait(run, remaining) : { kind: 'timeout' };
        if (w.kind === 'interrupt') this.check(run);
        if (run.dead) throw new Stop();
        if (w.kind === 'timeout') {
          for (const l of ringing) {
            l.elapsed = timeout;
            this.finish(l, 'no-answer');
          }
          return { winner: null, seconds: timeout, talk: null };
        }
        if (w.kind === 'decline') {
          const l = ringing.find((x) => x.sid === w.leg);
          if (l) {
            l.elapsed = spent();
            this.finish(l, 'busy');
          }
        } else if (w.kind === 'answer') {
          const l = ringing.find((x) => x.sid === w.leg);
          if (l) return { winner: l, seconds: spent(), talk: w.seconds };
        }
      }
    } finally {
      run.waiting = null;
      run.pending = [];
    }
  }

  // ---------------------------------------------------------------- control view

  view(c: CallRecord): Record<string, unknown> {
    const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
    const waiting = this.waiting(c.sid);
    return {
      ...callSummary(c),
      start_time: iso(c.start),
      end_time: iso(c.end),
      duration: c.duration,
      elapsed_seconds: c.elapsed,
      url: c.url,
      waiting: waiting && {
        ...waiting,
        since: iso(waiting.since),
        deadline: iso(waiting.deadline),
      },
      verbs: c.log,
      errors: c.errors,
      notes: c.notes,
      recordings: this.store
        .recordings()
        .filter((r) => r.call_sid === c.sid)
        .sort((a, b) => a.ord - b.ord)
        .map((r) => ({
          sid: r.sid,
          source: r.source,
          status: r.status,
          duration: r.duration,
          media_url: this.store.mediaUrl(r.sid),
        })),
      children: this.store
        .calls()
        .filter((x) => x.parent_call_sid === c.sid)
        .sort((a, b) => a.ord - b.ord)
        .map((x) => ({ call_sid: x.sid, to: x.to, status: x.status, duration: x.duration })),
    };
  }
}

/** Say / Play / Pause: what to log and how many emulated seconds they take. */
function describeTimed(el: XmlElement): { entry: VerbLog; seconds: number; hold: boolean } {
  const loop = intAttr(el, 'loop', 1);
  const times = Math.max(1, loop);
  if (el.name === 'Say') {
    const text = deepText(el);
    const words = text.split(' ').filter(Boolean).length;
    const seconds = Math.max(1, Math.ceil(words / 2.5)) * times;
    return {
      entry: { verb: 'Say', text, voice: el.attrs.voice ?? null, language: el.attrs.language ?? null, loop, seconds },
      seconds,
      hold: loop === 0,
    };
  }
  if (el.name === 'Play') {
    const digits = el.attrs.digits ?? null;
    // The audio is not fetched: a played file counts 5 s per loop; DTMF digits half a second each.
    const seconds = digits ? Math.max(1, Math.ceil(digits.length / 2)) : 5 * times;
    return { entry: { verb: 'Play', url: el.text || null, digits, loop, seconds }, seconds, hold: loop === 0 && !digits };
  }
  const length = intAttr(el, 'length', 1);
  return { entry: { verb: 'Pause', length, seconds: length }, seconds: length, hold: false };
}

function safeUrl(target: string, base: string | null): string | null {
  try {
    return new URL(target, base ?? undefined).toString();
  } catch {
    return null;
  }
}
