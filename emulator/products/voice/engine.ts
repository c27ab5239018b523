/**
 * The live TwiML engine: carries each call through its lifecycle (queued -> initiated -> ringing ->
 * in-progress -> completed, or busy / no-answer / failed / canceled), posts Twilio's signed status
 * callbacks, fetches the call's TwiML and executes it verb by verb.
 *
 * This class is what the Calls and Recordings routes see; its parts live in ./engine/: run
 * scheduling and emulated time (runs.ts), document loading and its errors (document.ts), callbacks
 * (callbacks.ts), call and recording state changes (lifecycle.ts), the TwiML run loop (execute.ts)
 * with one module per verb family (verbs/), control API input (control.ts) and the call view (view.ts).
 */
import type { Emulator } from '../../core/emulator';
import type { NumbersApi } from '../numbers';
import { CallRecord, dialOutcome, HttpMethod, isClient, RecordingRecord, RecordingSource } from './model';
import type { VoiceStore } from './store';
import { CallCallbacks } from './engine/callbacks';
import { CallControl, ControlResult } from './engine/control';
import { DocSource, DocumentLoader, initialSource } from './engine/document';
import { runTwiml } from './engine/execute';
import { CallLifecycle } from './engine/lifecycle';
import type { EngineParts } from './engine/parts';
import { Run, RunScheduler, touch, Waiting } from './engine/runs';
import { ring } from './engine/verbs/dial';
import { callView } from './engine/view';

export { parseEvents } from './engine/callbacks';
export type { ControlResult } from './engine/control';
export type { DocSource } from './engine/document';
export type { Waiting } from './engine/runs';

export class VoiceEngine {
  private readonly parts: EngineParts;
  private readonly control: CallControl;

  constructor(emu: Emulator, store: VoiceStore, numbers: NumbersApi) {
    const runs = new RunScheduler(emu, store);
    const callbacks = new CallCallbacks(emu, store, numbers);
    const calls = new CallLifecycle(store, runs, callbacks);
    const documents = new DocumentLoader(emu, store, runs, calls, callbacks);
    this.parts = { emu, store, runs, calls, callbacks, documents };
    this.control = new CallControl(store, runs);
    emu.onReset(() => {
      runs.killAll();
      callbacks.reset();
    });
  }

  // ---------------------------------------------------------------- starting and steering calls

  /** An outbound API call: from `queued` (or, resumed after a restart, from `ringing`). */
  startOutbound(call: CallRecord, phase: 'queued' | 'ringing' = 'queued'): void {
    const { emu, store, runs, calls, callbacks } = this.parts;
    const run = runs.start(call.sid);
    this.spawn(run, async () => {
      const step = emu.stepMs;
      let c: CallRecord;
      if (phase === 'queued') {
        await runs.wait(run, step);
        c = runs.check(run);
        c.start = Date.now();
        c.elapsed = 0;
        touch(store, c);
        callbacks.status(c, 'initiated', 'initiated');
        const outcome = isClient(c.to) ? 'answer' : dialOutcome(c.to);
        if (outcome === 'busy' || outcome === 'failed') {
          await runs.wait(run, step);
          calls.finish(runs.check(run), outcome);
          return;
        }
        await runs.wait(run, step);
        c = runs.check(run);
        c.status = 'ringing';
        touch(store, c);
        callbacks.status(c, 'ringing', 'ringing');
      }
      c = runs.check(run);
      if (isClient(c.to)) {
        const rang = await ring(this.parts, run, [c], c.timeout);
        if (!rang.winner) return;
        c = runs.check(run);
      } else {
        const outcome = dialOutcome(c.to);
        await runs.wait(run, step);
        c = runs.check(run);
        if (outcome === 'no-answer') {
          c.elapsed = c.timeout;
          calls.finish(c, 'no-answer');
          return;
        }
        if (outcome !== 'answer') {
          calls.finish(c, outcome);
          return;
        }
      }
      calls.answer(c);
      await runTwiml(this.parts, run, initialSource(c));
    });
  }

  /**
   * An inbound call (control API, or a Voice SDK device's connect): ringing while its VoiceUrl is fetched
   * (with `params` added to that first request), answered by the first verb.
   */
  startInbound(call: CallRecord, params: Record<string, string> = {}): void {
    const { emu, runs } = this.parts;
    const run = runs.start(call.sid);
    this.spawn(run, async () => {
      await runs.wait(run, emu.stepMs);
      const c = runs.check(run);
      const source = initialSource(c);
      await runTwiml(this.parts, run, source.kind === 'url' ? { ...source, params } : source);
    });
  }

  /** REST `Status=canceled` (or `completed`) on a call not yet answered. */
  cancel(call: CallRecord): void {
    this.parts.calls.finish(call, 'canceled');
    this.control.nudgeParent(call);
  }

  /** REST `Status=completed` on an answered call. */
  hangup(call: CallRecord): void {
    const run = this.parts.runs.get(call.sid);
    if (run) run.interrupt = { kind: 'hangup' };
    this.parts.calls.finish(call, 'completed');
    this.control.nudgeParent(call);
  }

  /** REST `Url`/`Twiml` on a live call: drop what it is doing and run the new TwiML. */
  redirect(call: CallRecord, source: DocSource): void {
    const { runs } = this.parts;
    const run = runs.get(call.sid);
    if (run) {
      run.interrupt = { kind: 'redirect', source };
      run.wake?.({ kind: 'interrupt' });
      return;
    }
    const fresh = runs.start(call.sid);
    this.spawn(fresh, () => runTwiml(this.parts, fresh, source));
  }

  /**
   * After a restart, calls that were in flight: an outbound call still queued or ringing carries on
   * (its lifecycle is in the state); anything answered was executing TwiML in the old process, which
   * is not resumed: it ends `completed` at its last emulated time (not yet answered: `canceled`),
   * with a note, its completed callback and its recordings closed.
   */
  resumeAfterRestart(): void {
    for (const c of this.parts.store.unfinishedCalls()) {
      if (c.direction === 'outbound-api' && !c.answered && (c.status === 'queued' || c.status === 'ringing')) {
        this.startOutbound(c, c.status);
      } else {
        this.parts.calls.finish(
          c,
          c.answered ? 'completed' : 'canceled',
          'The emulator restarted during this call; its TwiML was not resumed.',
        );
      }
    }
  }

  waiting(sid: string): Waiting | null {
    return this.parts.runs.get(sid)?.waiting ?? null;
  }

  /** A crash of the engine itself ends the call rather than leaving it live forever. */
  private spawn(run: Run, body: () => Promise<void>): void {
    this.parts.runs.spawn(run, body, (c, err) =>
      this.parts.calls.finish(c, c.answered ? 'completed' : 'failed', `Emulator error: ${String(err)}`),
    );
  }

  // ---------------------------------------------------------------- control API

  digits(sid: string, digits: string, speech: string | null): ControlResult {
    return this.control.digits(sid, digits, speech);
  }

  answerClient(sid: string, client: string | null, seconds: number | null): ControlResult {
    return this.control.answerClient(sid, client, seconds);
  }

  declineClient(sid: string, client: string | null): ControlResult {
    return this.control.declineClient(sid, client);
  }

  view(c: CallRecord): Record<string, unknown> {
    return callView(this.parts.store, c, this.waiting(c.sid));
  }

  // ---------------------------------------------------------------- recordings (Recordings API)

  /** A recording that follows the call until it ends (Record=true, or the Recordings API). */
  startLiveRecording(
    call: CallRecord,
    source: RecordingSource,
    opts: { channels: number; callback: string | null; method: HttpMethod; events: string[] },
  ): RecordingRecord {
    return this.parts.calls.startRecording(call, source, opts);
  }

  /** Recordings API update: pause, resume or stop a live recording. */
  setRecordingStatus(rec: RecordingRecord, status: 'paused' | 'in-progress' | 'stopped'): void {
    this.parts.calls.setRecordingStatus(rec, status);
  }
}
