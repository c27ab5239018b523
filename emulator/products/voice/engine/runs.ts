/**
 * Run scheduling: each live call has one run (the async task executing it) that waits on timers and
 * is woken early by input from the control API or an interrupt from the REST API. Emulated time is
 * counted here too.
 *
 * Time: every verb takes about one `emu.stepMs` of wall time but counts emulated seconds (Say ~2.5
 * words a second, Pause its length, Record the recording, Dial ring + talk time); the call's
 * duration is their sum and end_time = start_time + duration. Waits for outside input (Gather
 * digits, a ringing Client, a caller speaking into Record) last INPUT_STEPS_PER_SECOND steps per
 * emulated second so the control API has a real window to answer.
 */
import type { Emulator } from '../../../core/emulator';
import { CallRecord, INPUT_STEPS_PER_SECOND, isTerminal } from '../model';
import type { VoiceStore } from '../store';
import type { DocSource } from './document';

export type Wake =
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

export type Interrupt = { kind: 'hangup' } | { kind: 'redirect'; source: DocSource };

export interface Run {
  sid: string;
  dead: boolean;
  interrupt: Interrupt | null;
  wake: ((w: Wake) => void) | null;
  /** Input that arrived while the run was between waits. */
  pending: Wake[];
  waiting: Waiting | null;
}

/** The run is over (call finished, emulator reset): unwind quietly. */
export class Stop extends Error {}
/** A hangup or redirect requested through the REST API. */
export class Interrupted extends Error {
  constructor(readonly interrupt: Interrupt) {
    super(interrupt.kind);
  }
}

const MAX_TIMER_MS = 2_147_483_647;

/** The call's current emulated time (ms): its start plus the emulated seconds it has lasted. */
export function emuNow(c: CallRecord): number {
  return (c.start ?? Date.now()) + c.elapsed * 1000;
}

/** Marks the call updated now and saves it. */
export function touch(store: VoiceStore, c: CallRecord): void {
  c.updated = Date.now();
  store.saveCall(c);
}

export class RunScheduler {
  private readonly runs = new Map<string, Run>();

  constructor(
    private readonly emu: Emulator,
    private readonly store: VoiceStore,
  ) {}

  get(sid: string): Run | undefined {
    return this.runs.get(sid);
  }

  /** A fresh run for the call; one still running for it is killed. */
  start(sid: string): Run {
    const old = this.runs.get(sid);
    if (old) this.kill(old);
    const run: Run = { sid, dead: false, interrupt: null, wake: null, pending: [], waiting: null };
    this.runs.set(sid, run);
    return run;
  }

  /** Emulator reset: every run unwinds. */
  killAll(): void {
    for (const run of [...this.runs.values()]) this.kill(run);
    this.runs.clear();
  }

  private kill(run: Run): void {
    run.dead = true;
    if (this.runs.get(run.sid) === run) this.runs.delete(run.sid);
    run.wake?.({ kind: 'interrupt' });
  }

  /** Runs `body` in the background; an unexpected failure is handed to `crashed` with the call, if it still runs. */
  spawn(run: Run, body: () => Promise<void>, crashed: (c: CallRecord, err: unknown) => void): void {
    body()
      .catch((err: unknown) => {
        if (err instanceof Stop || err instanceof Interrupted) return;
        console.error('[emulator] call engine failed:', err);
        const c = this.store.call(run.sid);
        if (c && !run.dead) crashed(c, err);
      })
      .finally(() => {
        if (this.runs.get(run.sid) === run) this.runs.delete(run.sid);
      });
  }

  deliver(run: Run, w: Wake): void {
    if (run.wake) run.wake(w);
    else run.pending.push(w);
  }

  /** Resolves after `ms`, or earlier when input or an interrupt arrives. */
  wait(run: Run, ms: number): Promise<Wake> {
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
  check(run: Run): CallRecord {
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
  async step(run: Run, seconds: number): Promise<Wake> {
    const w = await this.wait(run, this.emu.stepMs);
    const c = this.check(run);
    c.elapsed += seconds;
    touch(this.store, c);
    this.enforceTimeLimit(run, c);
    return w;
  }

  /** Wall time of one emulated second spent waiting for outside input. */
  get inputUnitMs(): number {
    return INPUT_STEPS_PER_SECOND * this.emu.stepMs;
  }

  /** Waits up to `seconds` emulated seconds for input; counts the emulated time spent. */
  async waitInput(run: Run, seconds: number): Promise<{ wake: Wake; seconds: number }> {
    const since = Date.now();
    const wake = await this.wait(run, seconds * this.inputUnitMs);
    const spent =
      wake.kind === 'timeout' ? seconds : Math.min(seconds, Math.max(1, Math.ceil((Date.now() - since) / this.inputUnitMs)));
    const c = this.store.call(run.sid);
    if (c && !run.dead && !isTerminal(c.status)) {
      c.elapsed += spent;
      touch(this.store, c);
    }
    const checked = this.check(run);
    this.enforceTimeLimit(run, checked);
    return { wake, seconds: spent };
  }

  private enforceTimeLimit(run: Run, c: CallRecord): void {
    if (!c.answered || c.elapsed < c.time_limit) return;
    c.elapsed = c.time_limit;
    c.notes.push(`TimeLimit of ${c.time_limit} s reached`);
    this.store.saveCall(c);
    run.interrupt = { kind: 'hangup' };
    this.check(run);
  }
}
