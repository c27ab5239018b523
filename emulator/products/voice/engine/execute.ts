/**
 * The TwiML run loop: loads a call's documents one after another and executes their verbs in order,
 * each verb family in its own module under ./verbs, until a verb ends the call or the document runs
 * out. A REST redirect drops what the call is doing and goes on with the new document.
 */
import type { XmlElement } from '../../../core/xml';
import { isTerminal } from '../model';
import { SKIPPED_VERBS } from '../twiml';
import { Doc, DocSource, END, EndStatus, Flow } from './document';
import type { EngineParts } from './parts';
import { Interrupted, Run } from './runs';
import { dial } from './verbs/dial';
import { hangup, redirect, reject } from './verbs/flow';
import { gather } from './verbs/gather';
import { record } from './verbs/record';
import { timedVerb } from './verbs/timed';

/** Executes TwiML from `first` on, then ends the call (answering it first if its TwiML ended normally). */
export async function runTwiml(parts: EngineParts, run: Run, first: DocSource): Promise<void> {
  const { store, calls, documents } = parts;
  let next: DocSource | null = first;
  let end: EndStatus = 'completed';
  try {
    while (next) {
      try {
        const doc = await documents.load(run, next);
        if (!doc) break;
        const flow = await execute(parts, run, doc);
        if ('next' in flow) next = flow.next;
        else {
          end = flow.end;
          next = null;
        }
      } catch (err) {
        if (!(err instanceof Interrupted)) throw err;
        next = err.interrupt.kind === 'redirect' ? err.interrupt.source : null;
        const c = store.call(run.sid);
        if (c && next) calls.log(c, { verb: 'Redirect', url: next.kind === 'url' ? next.url : null, by: 'api' });
      }
    }
  } finally {
    // A verb cut short (hangup, cancel) still notes how it ended in its log entry: keep that.
    const c = store.call(run.sid);
    if (c) store.saveCall(c);
  }
  const c = store.call(run.sid);
  if (!c || run.dead) return;
  if (end === 'completed' && !c.answered && !isTerminal(c.status)) calls.answer(c);
  calls.finish(c, end);
}

async function execute(parts: EngineParts, run: Run, doc: Doc): Promise<Flow> {
  for (const verb of doc.verbs) {
    const flow = await executeVerb(parts, run, doc, verb);
    // A verb fills in its log entry (outcome, seconds) as it ends: keep what it wrote.
    const call = parts.store.call(run.sid);
    if (call) parts.store.saveCall(call);
    if (flow) return flow;
  }
  return END;
}

/** One verb; null goes on with the next verb of the document. */
async function executeVerb(parts: EngineParts, run: Run, doc: Doc, el: XmlElement): Promise<Flow | null> {
  const call = parts.runs.check(run);
  // The first verb answers a ringing call, except <Reject>, which refuses it.
  if (el.name !== 'Reject' && !call.answered) parts.calls.answer(call);
  switch (el.name) {
    case 'Say':
    case 'Play':
    case 'Pause':
      return timedVerb(parts, run, call, el);
    case 'Gather':
      return gather(parts, run, doc, el);
    case 'Dial':
      return dial(parts, run, doc, el);
    case 'Record':
      return record(parts, run, doc, el);
    case 'Redirect':
      return redirect(parts, run, call, doc, el);
    case 'Hangup':
      return hangup(parts, call);
    case 'Reject':
      return reject(parts, call, el);
    default:
      if (SKIPPED_VERBS.has(el.name)) {
        call.notes.push(`<${el.name}> is not emulated; skipped`);
        parts.calls.log(call, { verb: el.name, emulated: false });
        return null;
      }
      // schemaProblem() rejects unknown verbs before execution; this is a safety net.
      await parts.documents.applicationError(
        run,
        call,
        12200,
        `Schema validation warning: <${el.name}> is not a Voice TwiML verb`,
      );
      return END;
  }
}
