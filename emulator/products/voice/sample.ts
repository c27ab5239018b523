/**
 * The sample call history every fresh emulator starts with, as plain records in creation order
 * (the store seeds its tables with them; this module knows nothing of how they are kept).
 */
import { newSid } from '../../core/wire';
import type { NumbersApi } from '../numbers';
import { callDefaults, CallRecord, RecordingRecord, VerbLog } from './model';
import { callPrice } from '../pricing';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface SampleCall extends Pick<CallRecord, 'from' | 'to' | 'direction' | 'status'> {
  /** How long before now the call started (ms). */
  ago: number;
  seconds: number;
  log?: VerbLog[];
  /** The index of the call whose <Dial> placed this one. */
  parent?: number;
}

/**
 * A few days of history between the sample numbers (+14155550100, +14155550111) and outside
 * numbers, so a "recent calls" view has something to show on a fresh emulator. Oldest first.
 */
const HISTORY: readonly SampleCall[] = [
  {
    from: '+14155550123',
    to: '+14155550100',
    direction: 'inbound',
    status: 'completed',
    ago: 3 * DAY + 5 * HOUR,
    seconds: 184,
    log: [
      { verb: 'Say', text: 'Thanks for calling. Connecting you to an agent.', seconds: 4 },
      { verb: 'Dial', client: 'alice', outcome: 'completed', seconds: 180 },
    ],
  },
  {
    from: '+14155550123',
    to: 'client:alice',
    direction: 'outbound-dial',
    status: 'completed',
    ago: 3 * DAY + 5 * HOUR - 7000,
    seconds: 177,
    parent: 0,
  },
  {
    from: '+14155550111',
    to: '+14155550187',
    direction: 'outbound-api',
    status: 'completed',
    ago: 2 * DAY + 3 * HOUR,
    seconds: 95,
  },
  {
    from: '+14155550100',
    to: '+14155550142',
    direction: 'outbound-api',
    status: 'busy',
    ago: DAY + 7 * HOUR,
    seconds: 0,
  },
  {
    from: '+14155550166',
    to: '+14155550111',
    direction: 'inbound',
    status: 'completed',
    ago: 20 * HOUR,
    seconds: 47,
    log: [
      { verb: 'Say', text: 'Please leave a message after the tone.', seconds: 3 },
      { verb: 'Record', outcome: 'completed', seconds: 32, sample: true },
    ],
  },
  {
    from: '+14155550111',
    to: '+14155550198',
    direction: 'outbound-api',
    status: 'no-answer',
    ago: 6 * HOUR,
    seconds: 60,
  },
];

/** How many calls the sample history holds: the oldest calls of a freshly seeded emulator. */
export const SAMPLE_CALL_COUNT = HISTORY.length;

export function sampleCalls(now: number, numbers: NumbersApi): CallRecord[] {
  const calls: CallRecord[] = [];
  for (const s of HISTORY) {
    const at = now - s.ago;
    const answered = s.status === 'completed';
    const own = numbers.byPhone(s.direction === 'inbound' ? s.to : s.from);
    const call: CallRecord = {
      ...callDefaults(at - 2000),
      sid: newSid('CA'),
      ord: calls.length + 1,
      from: s.from,
      to: s.to,
      direction: s.direction,
      status: s.status,
      parent_call_sid: s.parent === undefined ? null : calls[s.parent].sid,
      phone_number_sid: own?.sid ?? null,
      updated: at + s.seconds * 1000,
      start: at,
      end: at + s.seconds * 1000,
      elapsed: s.seconds,
      duration: answered ? s.seconds : 0,
      answered,
      url: s.direction === 'outbound-dial' ? null : (own?.voice_url ?? null),
      log: (s.log ?? []).map((entry) => ({ ...entry })),
    };
    call.price = callPrice(call);
    calls.push(call);
  }
  return calls;
}

/** The voicemail left in the sample history, from the sample calls among `calls`. */
export function sampleRecordings(calls: CallRecord[]): RecordingRecord[] {
  const recordings: RecordingRecord[] = [];
  for (const c of calls) {
    const rec = c.log.find((l) => l.verb === 'Record' && l.sample === true);
    if (!rec || c.start === null) continue;
    const seconds = typeof rec.seconds === 'number' ? rec.seconds : 30;
    const start = c.start + 4000;
    const r: RecordingRecord = {
      sid: newSid('RE'),
      call_sid: c.sid,
      ord: recordings.length + 1,
      created: start,
      updated: start + seconds * 1000,
      start,
      duration: seconds,
      channels: 1,
      source: 'RecordVerb',
      status: 'completed',
      accrued: seconds,
      active_since: null,
      status_callback: null,
      status_callback_method: 'POST',
      status_callback_events: ['completed'],
      track: 'both',
    };
    recordings.push(r);
  }
  return recordings;
}
