/**
 * <Dial> with its Number, Client and Sip nouns: one outbound-dial leg per noun, all ringing at once.
 * A Number or Sip leg's fate comes from the dialled address (see dialOutcome); a Client leg rings
 * until the control API answers or declines it, or the timeout passes. The first leg answered
 * talks (TALK_SECONDS, or what the control API said), the others are canceled, and the action is
 * requested with DialCallStatus. A malformed address fails its leg with 13223 (invalid phone number
 * format), as Twilio reports it.
 */
import type { XmlElement } from '../../../../core/xml';
import { CallRecord, dialOutcome, isClient, isE164, isTerminal, RecordingRecord, RING_SECONDS, TALK_SECONDS } from '../../model';
import { element, intAttr, methodAttr } from '../../twiml';
import { parseEvents } from '../callbacks';
import { Doc, END, Flow } from '../document';
import type { EngineParts } from '../parts';
import { emuNow, Interrupted, Run, Stop, Wake } from '../runs';

export async function dial(parts: EngineParts, run: Run, doc: Doc, el: XmlElement): Promise<Flow | null> {
  const { store, runs, calls, callbacks, documents } = parts;
  let call = runs.check(run);
  const timeout = Math.max(1, intAttr(el, 'timeout', 30));
  const timeLimit = Math.max(1, intAttr(el, 'timeLimit', 14400));
  const action = el.attrs.action ?? null;
  const method = methodAttr(el);
  const callerId = el.attrs.callerId ?? call.from;
  const recordMode = el.attrs.record ?? 'do-not-record';
  const recording = recordMode !== 'do-not-record' && recordMode !== 'false';
  const nouns = el.children.length ? el.children : [element('Number', el.text)];
  const entry = calls.log(call, { verb: 'Dial', outcome: 'dialing', seconds: 0 });
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
    const leg = store.addCall({
      from: callerId,
      to,
      direction: 'outbound-dial',
      status: 'ringing',
      parent_call_sid: call.sid,
      phone_number_sid: call.phone_number_sid,
      start: emuNow(call),
      timeout,
      status_callback: noun.attrs.statusCallback ?? null,
      status_callback_method: methodAttr(noun, 'statusCallbackMethod'),
      status_callback_events: parseEvents(noun.attrs.statusCallbackEvent),
      notes: noun.attrs.url ? ['<Number url> / <Client url> (whisper TwiML) is not emulated'] : [],
    });
    callbacks.status(leg, 'initiated', 'initiated');
    callbacks.status(leg, 'ringing', 'ringing');
    if (invalid) {
      call.errors.push({
        code: 13223,
        message: `Dial: Invalid phone number format: ${to}`,
        url: doc.url,
        at: new Date().toISOString(),
      });
      calls.finish(leg, 'failed');
    }
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
      deadline: ringSince + timeout * runs.inputUnitMs,
    };
  }
  try {
    const dialled = await runs.step(run, 0);
    // An answer or decline that came in while dialling waits for ring() below.
    if (dialled.kind === 'answer' || dialled.kind === 'decline') run.pending.unshift(dialled);
    for (const leg of legs) {
      if (isClient(leg.to) || isTerminal(leg.status)) continue;
      const outcome = dialOutcome(leg.to);
      if (outcome === 'answer') continue;
      leg.elapsed = outcome === 'no-answer' ? timeout : 0;
      calls.finish(leg, outcome);
    }
    winner = legs.find((l) => l.status === 'ringing' && !isClient(l.to)) ?? null;
    let ringSeconds = winner ? RING_SECONDS : legs.some((l) => l.status === 'no-answer') ? timeout : 1;
    let talk: number | null = null;
    const clients = legs.filter((l) => l.status === 'ringing' && isClient(l.to));
    if (!winner && clients.length) {
      const rang = await ring(parts, run, clients, timeout, ringSince);
      winner = rang.winner;
      ringSeconds = Math.max(ringSeconds === 1 ? 0 : ringSeconds, rang.seconds);
      talk = rang.talk;
    }
    run.waiting = null;
    run.pending = [];
    for (const l of legs) {
      if (l === winner || isTerminal(l.status)) continue;
      l.elapsed = ringSeconds;
      calls.finish(l, 'canceled');
    }
    call = runs.check(run);
    call.elapsed += ringSeconds;
    store.saveCall(call);
    let talkSeconds = 0;
    if (winner) {
      calls.answer(winner, emuNow(call));
      const said = talk ?? store.talkTime(winner.to.replace(/^whatsapp:/, ''));
      talkSeconds = Math.max(1, Math.min(said ?? TALK_SECONDS, timeLimit, Math.max(1, call.time_limit - call.elapsed)));
      if (recording) {
        rec = calls.startRecording(call, 'DialVerb', {
          channels: /dual/.test(recordMode) ? 2 : 1,
          callback: el.attrs.recordingStatusCallback ?? null,
          method: methodAttr(el, 'recordingStatusCallbackMethod'),
          events: (el.attrs.recordingStatusCallbackEvent ?? 'completed').split(/[\s,]+/).filter(Boolean),
        });
      }
      winner.elapsed = talkSeconds;
      store.saveCall(winner);
      entry.outcome = 'in-progress';
      entry.call_sid = winner.sid;
      await runs.step(run, talkSeconds);
      calls.finish(winner, 'completed');
      if (rec) calls.completeRecording(rec, talkSeconds + (/ringing/.test(recordMode) ? ringSeconds : 0));
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
    const target = await documents.resolveUrl(run, doc, action);
    if (!target) return END;
    const params: Record<string, string> = {
      DialCallStatus: status,
      DialCallDuration: String(talkSeconds),
      DialBridged: String(winner !== null),
    };
    const dialSid = (winner ?? legs[0])?.sid;
    if (dialSid) params.DialCallSid = dialSid;
    if (rec) Object.assign(params, callbacks.recordingParams(rec));
    return { next: { kind: 'url', url: target, method, params } };
  } catch (err) {
    // The parent hung up or was redirected: its legs end with it.
    run.waiting = null;
    run.pending = [];
    for (const l of legs) if (!isTerminal(l.status)) calls.finish(l, l.answered ? 'completed' : 'canceled');
    entry.outcome = err instanceof Interrupted ? `interrupted by ${err.interrupt.kind}` : 'ended';
    throw err;
  }
}

/**
 * Rings Client legs until one is answered through the control API, all are declined (busy) or
 * the timeout passes (no-answer). Returns the answered leg (still ringing: the caller answers it).
 * Also rings an API call placed to a client: address.
 */
export async function ring(
  parts: EngineParts,
  run: Run,
  legs: CallRecord[],
  timeout: number,
  since = Date.now(),
): Promise<{ winner: CallRecord | null; seconds: number; talk: number | null }> {
  const { runs, calls } = parts;
  const deadline = since + timeout * runs.inputUnitMs;
  run.waiting = { kind: 'client', legs: legs.map((l) => l.sid), since, deadline };
  const spent = (): number => Math.min(timeout, Math.max(1, Math.ceil((Date.now() - since) / runs.inputUnitMs)));
  try {
    for (;;) {
      const ringing = legs.filter((l) => l.status === 'ringing');
      if (!ringing.length) return { winner: null, seconds: spent(), talk: null };
      const remaining = deadline - Date.now();
      const w: Wake = remaining > 0 ? await runs.wait(run, remaining) : { kind: 'timeout' };
      if (w.kind === 'interrupt') runs.check(run);
      if (run.dead) throw new Stop();
      if (w.kind === 'timeout') {
        for (const l of ringing) {
          l.elapsed = timeout;
          calls.finish(l, 'no-answer');
        }
        return { winner: null, seconds: timeout, talk: null };
      }
      if (w.kind === 'decline') {
        const l = ringing.find((x) => x.sid === w.leg);
        if (l) {
          l.elapsed = spent();
          calls.finish(l, 'busy');
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
