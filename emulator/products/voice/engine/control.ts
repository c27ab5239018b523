/**
 * Input from the control API to a waiting call: digits or speech for a <Gather> or <Record>, and the
 * answer or decline of a ringing Client (a <Dial><Client> leg, or an API call to a client: address).
 * Each finds the run waiting for it and wakes it; 404 when there is no such call, 409 when it is not
 * waiting for that input.
 */
import type { CallRecord } from '../model';
import type { VoiceStore } from '../store';
import type { Run, RunScheduler } from './runs';

export type ControlResult = { ok: true; leg?: string } | { ok: false; status: 404 | 409 | 400; message: string };

export class CallControl {
  constructor(
    private readonly store: VoiceStore,
    private readonly runs: RunScheduler,
  ) {}

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
    this.runs.deliver(run, { kind: 'digits', digits, speech });
    return { ok: true };
  }

  answerClient(sid: string, client: string | null, seconds: number | null): ControlResult {
    const found = this.ringing(sid, client);
    if (!found.ok) return found.result;
    const leg = found.legs[0];
    this.runs.deliver(found.run, { kind: 'answer', leg: leg.sid, seconds });
    return { ok: true, leg: leg.sid };
  }

  declineClient(sid: string, client: string | null): ControlResult {
    const found = this.ringing(sid, client);
    if (!found.ok) return found.result;
    for (const leg of found.legs) this.runs.deliver(found.run, { kind: 'decline', leg: leg.sid });
    return { ok: true, leg: found.legs[0].sid };
  }

  /** A leg ended through the REST API: let the parent's <Dial> notice. */
  nudgeParent(call: CallRecord): void {
    if (!call.parent_call_sid) return;
    const run = this.runs.get(call.parent_call_sid);
    if (run?.waiting?.kind === 'client') this.runs.deliver(run, { kind: 'decline', leg: '' });
  }

  /** The ringing Client legs addressed by `sid` (the call itself, or one of its parent's legs) and the run ringing them. */
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
}
