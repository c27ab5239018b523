/**
 * Redirect, Hangup and Reject: verbs that decide where the call goes next rather than taking time.
 * A <Reject> before the call is answered leaves it busy or no-answer; after, it only hangs up.
 */
import type { XmlElement } from '../../../../core/xml';
import type { CallRecord } from '../../model';
import { methodAttr } from '../../twiml';
import { Doc, END, Flow } from '../document';
import type { EngineParts } from '../parts';
import type { Run } from '../runs';

export async function redirect(parts: EngineParts, run: Run, call: CallRecord, doc: Doc, el: XmlElement): Promise<Flow> {
  const url = await parts.documents.resolveUrl(run, doc, el.text);
  if (!url) return END;
  const method = methodAttr(el);
  parts.calls.log(call, { verb: 'Redirect', url, method });
  await parts.runs.step(run, 0);
  return { next: { kind: 'url', url, method } };
}

export function hangup(parts: EngineParts, call: CallRecord): Flow {
  parts.calls.log(call, { verb: 'Hangup' });
  return END;
}

export function reject(parts: EngineParts, call: CallRecord, el: XmlElement): Flow {
  const reason = el.attrs.reason === 'busy' ? 'busy' : 'rejected';
  parts.calls.log(call, { verb: 'Reject', reason });
  if (!call.answered) return { end: reason === 'busy' ? 'busy' : 'no-answer' };
  call.notes.push('<Reject> after the call was answered: hung up');
  return END;
}
