/**
 * Say, Play and Pause: verbs that only take time. They count emulated seconds (Say ~2.5 words a
 * second, Play 5 s a loop, Pause its length); with loop="0" Say and Play hold the call until it is
 * hung up or redirected. <Gather> plays them as its prompts.
 */
import type { XmlElement } from '../../../../core/xml';
import type { CallRecord, VerbLog } from '../../model';
import { deepText, intAttr } from '../../twiml';
import type { EngineParts } from '../parts';
import type { Run } from '../runs';

/** Say / Play / Pause: what to log and how many emulated seconds they take. */
export function describeTimed(el: XmlElement): { entry: VerbLog; seconds: number; hold: boolean } {
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

export async function timedVerb(parts: EngineParts, run: Run, call: CallRecord, el: XmlElement): Promise<null> {
  const timed = describeTimed(el);
  const entry = parts.calls.log(call, timed.entry);
  if (timed.hold) await hold(parts, run, entry);
  else await parts.runs.step(run, timed.seconds);
  return null;
}

/** Say/Play with loop="0": repeats until the call is hung up or redirected (or its TimeLimit). */
async function hold(parts: EngineParts, run: Run, entry: VerbLog): Promise<void> {
  const call = parts.runs.check(run);
  const remaining = Math.max(1, call.time_limit - call.elapsed);
  const r = await parts.runs.waitInput(run, remaining);
  entry.seconds = r.seconds;
}
