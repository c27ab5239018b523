/**
 * <Gather>: plays its prompts, then waits for digits or speech from the control API
 * (`POST /_emulator/calls/{CallSid}/digits`) and requests its action with what was gathered.
 */
import type { XmlElement } from '../../../../core/xml';
import { intAttr, methodAttr } from '../../twiml';
import { Doc, END, Flow } from '../document';
import type { EngineParts } from '../parts';
import type { Run, Wake } from '../runs';
import { describeTimed } from './timed';

export async function gather(parts: EngineParts, run: Run, doc: Doc, el: XmlElement): Promise<Flow | null> {
  const { runs, calls, documents } = parts;
  const call = runs.check(run);
  const input = (el.attrs.input ?? 'dtmf').split(/\s+/).filter(Boolean);
  const timeout = Math.max(1, intAttr(el, 'timeout', 5));
  const finishOnKey = el.attrs.finishOnKey ?? '#';
  const numDigits = intAttr(el, 'numDigits', 0);
  const action = el.attrs.action ?? null;
  const method = methodAttr(el);
  const entry = calls.log(call, {
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
      calls.log(call, { ...timed.entry, in: 'Gather' });
      const w = await runs.step(run, timed.seconds);
      if (w.kind === 'digits') {
        got = w;
        break;
      }
    }
    if (!got) {
      run.waiting.deadline = Date.now() + timeout * runs.inputUnitMs;
      const r = await runs.waitInput(run, timeout);
      if (r.wake.kind === 'digits') got = r.wake;
    }
  } finally {
    run.waiting = null;
    run.pending = [];
    entry.seconds = (parts.store.call(run.sid)?.elapsed ?? startElapsed) - startElapsed;
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
      const target = action ? await documents.resolveUrl(run, doc, action) : doc.url;
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
    const target = await documents.resolveUrl(run, doc, action);
    if (!target) return END;
    return { next: { kind: 'url', url: target, method, params: { msg: 'Gather End' } } };
  }
  return null;
}
