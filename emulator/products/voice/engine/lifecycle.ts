/**
 * How a call and its recordings change state: a call is answered, logs the verbs it executes and
 * finishes (times, duration, price, its recordings closed); a recording that follows the call is
 * started, paused, resumed and completed. Each change posts the callback asked for.
 */
import { CallRecord, CallStatus, HttpMethod, isTerminal, RecordingRecord, RecordingSource, VerbLog } from '../model';
import { callCharge, priceString, recordingCharge } from '../../pricing';
import type { VoiceStore } from '../store';
import type { CallCallbacks } from './callbacks';
import { emuNow, RunScheduler, touch } from './runs';

export class CallLifecycle {
  constructor(
    private readonly store: VoiceStore,
    private readonly runs: RunScheduler,
    private readonly callbacks: CallCallbacks,
  ) {}

  answer(c: CallRecord, at = Date.now()): void {
    c.status = 'in-progress';
    c.answered = true;
    c.start = at;
    c.elapsed = 0;
    touch(this.store, c);
    this.callbacks.status(c, 'answered', 'in-progress');
    if (c.record) {
      this.startRecording(c, 'OutboundAPI', {
        channels: c.recording_channels,
        callback: c.recording_status_callback,
        method: c.recording_status_callback_method,
        events: c.recording_status_callback_events,
      });
    }
  }

  /** Ends a call (idempotent): times, duration, price, recordings, the completed callback. */
  finish(c: CallRecord, status: CallStatus, note?: string): void {
    if (isTerminal(c.status)) return;
    const now = Date.now();
    if (note) c.notes.push(note);
    if (c.start === null && status !== 'canceled') c.start = now;
    c.status = status;
    c.end = c.start === null ? null : c.start + c.elapsed * 1000;
    c.duration = c.answered ? c.elapsed : 0;
    const charge = callCharge(c);
    c.price = charge ? priceString(charge.micros) : null;
    // A call forgotten by a reset while its run unwinds charges nothing.
    if (this.store.call(c.sid) === c) this.store.meter.charge(charge);
    c.updated = now;
    this.completeLiveRecordings(c);
    this.callbacks.status(c, 'completed', status);
    this.store.saveCall(c);
    this.runs.get(c.sid)?.wake?.({ kind: 'interrupt' });
  }

  /** Notes a verb the call executed (what `GET /_emulator/calls/{CallSid}` lists); the entry may be filled in later. */
  log(call: CallRecord, entry: VerbLog): VerbLog {
    call.log.push(entry);
    this.store.saveCall(call);
    return entry;
  }

  /** A recording that follows the call until it ends (Record=true, the Recordings API, a recorded <Dial>). */
  startRecording(
    call: CallRecord,
    source: RecordingSource,
    opts: { channels: number; callback: string | null; method: HttpMethod; events: string[] },
  ): RecordingRecord {
    const rec = this.store.addRecording({
      call_sid: call.sid,
      source,
      start: emuNow(call),
      status: 'in-progress',
      channels: opts.channels,
      active_since: call.elapsed,
      status_callback: opts.callback,
      status_callback_method: opts.method,
      status_callback_events: opts.events,
    });
    this.callbacks.recording(rec, 'in-progress');
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
    this.store.saveRecording(rec);
  }

  completeRecording(rec: RecordingRecord, seconds: number): void {
    if (rec.status === 'completed') return;
    rec.active_since = null;
    rec.accrued = Math.max(1, Math.round(seconds));
    rec.duration = rec.accrued;
    rec.status = 'completed';
    rec.updated = Date.now();
    this.store.saveRecording(rec);
    if (this.store.recording(rec.sid) === rec) this.store.meter.charge(recordingCharge(rec));
    this.callbacks.recording(rec, 'completed');
  }

  private completeLiveRecordings(call: CallRecord): void {
    for (const rec of this.store.callRecordings(call.sid)) {
      if (rec.status === 'completed') continue;
      const running = rec.active_since === null ? 0 : call.elapsed - rec.active_since;
      this.completeRecording(rec, rec.accrued + running);
    }
  }
}
