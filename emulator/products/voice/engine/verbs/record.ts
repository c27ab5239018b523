/**
 * <Record>: the caller speaks (RECORD_SECONDS, or until a finishOnKey key comes through the control
 * API, or maxLength), then silence ends it; the recording is created completed and the action is
 * requested with it. A hangup mid-recording keeps the recording, as a voicemail.
 */
import type { XmlElement } from '../../../../core/xml';
import { RECORD_SECONDS, RecordingRecord } from '../../model';
import { intAttr, methodAttr } from '../../twiml';
import { Doc, END, Flow } from '../document';
import type { EngineParts } from '../parts';
import { emuNow, Interrupted, Run, touch } from '../runs';

export async function record(parts: EngineParts, run: Run, doc: Doc, el: XmlElement): Promise<Flow | null> {
  const { emu, store, runs, calls, callbacks, documents } = parts;
  const call = runs.check(run);
  const maxLength = Math.max(1, intAttr(el, 'maxLength', 3600));
  const silence = intAttr(el, 'timeout', 5);
  const finishOnKey = el.attrs.finishOnKey ?? '1234567890*#';
  const trim = el.attrs.trim !== 'do-not-trim';
  const action = el.attrs.action ?? null;
  const method = methodAttr(el);
  const planned = Math.min(maxLength, RECORD_SECONDS);
  const entry = calls.log(call, {
    verb: 'Record',
    max_length: maxLength,
    timeout: silence,
    action,
    outcome: 'recording',
    seconds: 0,
  });
  const startAt = emuNow(call);
  const startElapsed = call.elapsed;
  const since = Date.now();
  run.waiting = {
    kind: 'record',
    finish_on_key: finishOnKey,
    max_length: maxLength,
    since,
    deadline: since + planned * runs.inputUnitMs,
  };
  const newRecording = (seconds: number): RecordingRecord => {
    const rec = store.addRecording({
      call_sid: call.sid,
      source: 'RecordVerb',
      start: startAt,
      status: 'in-progress',
      channels: 1,
      status_callback: el.attrs.recordingStatusCallback ?? null,
      status_callback_method: methodAttr(el, 'recordingStatusCallbackMethod'),
      status_callback_events: (el.attrs.recordingStatusCallbackEvent ?? 'completed').split(/[\s,]+/).filter(Boolean),
    });
    callbacks.recording(rec, 'in-progress');
    calls.completeRecording(rec, seconds);
    return rec;
  };
  let key = '';
  let spoken = planned;
  try {
    let left = planned;
    for (;;) {
      const r = await runs.waitInput(run, left);
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
      touch(store, call);
    }
  } catch (err) {
    if (err instanceof Interrupted && err.interrupt.kind === 'hangup') {
      // The caller hung up mid-recording (voicemail): Twilio keeps the recording and still
      // requests the action with Digits=hangup; what it answers is ignored.
      const seconds = Math.min(maxLength, Math.max(1, Math.ceil((Date.now() - since) / runs.inputUnitMs)));
      const rec = newRecording(seconds);
      entry.outcome = 'hangup';
      entry.recording_sid = rec.sid;
      const target = action ? safeUrl(action, doc.url) : doc.url;
      if (target) {
        const params = { ...callbacks.voiceParams(call), ...callbacks.recordingParams(rec), Digits: 'hangup' };
        void emu.webhook(target, params, method);
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
  const target = action ? await documents.resolveUrl(run, doc, action) : doc.url;
  if (action && !target) return END;
  if (!target) return null;
  return { next: { kind: 'url', url: target, method, params: { ...callbacks.recordingParams(rec), Digits: key } } };
}

/** The action URL for a hangup, when there is no time left to report an invalid one. */
function safeUrl(target: string, base: string | null): string | null {
  try {
    return new URL(target, base ?? undefined).toString();
  } catch {
    return null;
  }
}
