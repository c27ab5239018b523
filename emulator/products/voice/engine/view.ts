/**
 * The engine's view of one call, as `GET /_emulator/calls/{CallSid}` shows it to a developer: the
 * summary `GET /_emulator/calls` lists, plus times, the verbs executed, what the call waits for,
 * its errors and notes, its recordings and its <Dial> legs.
 */
import { CallRecord, callSummary } from '../model';
import type { VoiceStore } from '../store';
import type { Waiting } from './runs';

export function callView(store: VoiceStore, c: CallRecord, waiting: Waiting | null): Record<string, unknown> {
  const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
  return {
    ...callSummary(c),
    start_time: iso(c.start),
    end_time: iso(c.end),
    duration: c.duration,
    elapsed_seconds: c.elapsed,
    url: c.url,
    waiting: waiting && {
      ...waiting,
      since: iso(waiting.since),
      deadline: iso(waiting.deadline),
    },
    verbs: c.log,
    errors: c.errors,
    notes: c.notes,
    recordings: store.callRecordings(c.sid).map((r) => ({
      sid: r.sid,
      source: r.source,
      status: r.status,
      duration: r.duration,
      media_url: store.mediaUrl(r.sid),
    })),
    children: store.dialLegs(c.sid).map((x) => ({ call_sid: x.sid, to: x.to, status: x.status, duration: x.duration })),
  };
}
