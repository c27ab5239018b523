/**
 * The sample call history every fresh emulator starts with, as plain records in creation order
 * (the store files them; this module knows nothing of how they are kept).
 */
import { newSid } from '../../core/wire';
import type { NumbersApi } from '../numbers';
import { callDefaults, callPrice, CallRecord, RecordingRecord, VerbLog } from './model';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A few days of history between the sample numbers (+14155550100, +14155550111) and outside
 * numbers, so a "recent calls" view has something to show on a fresh emulator.
 */
export function sampleCalls(now: number, numbers: NumbersApi): CallRecord[] {
  const calls: CallRecord[] = [];
  const add = (
    c: Pick<CallRecord, 'from' | 'to' | 'direction' | 'status'> & {
      at: number;
      seconds: number;
      log?: VerbLog[];
      parent?: CallRecord;
    },
  ): CallRecord => {
    const created = c.at - 2000;
    const answered = c.status === 'completed';
    const own = numbers.byPhone(c.direction === 'inbound' ? c.to : c.from);
    const call: CallRecord = {
      ...callDefaults(created),
      sid: newSid('CA'),
      ord: calls.length + 1,
      from: c.from,
      to: c.to,
      direction: c.direction,
      status: c.status,
      parent_call_sid: c.parent?.sid ?? null,
      phone_number_sid: own?.sid ?? null,
      updated: c.at + c.seconds * 1000,
      start: c.at,
      end: c.at + c.seconds * 1000,
      elapsed: c.seconds,
      duration: answered ? c.seconds : 0,
      answered,
      url: c.direction === 'outbound-dial' ? null : (own?.voice_url ?? null),
      log: c.log ?? [],
    };
    call.price = callPrice(call);
    calls.push(call);
    return call;
  };
  const firstAt = now - 3 * DAY - 5 * HOUR;
  const parent = add({
    from: '+14155550123',
    to: '+14155550100',
    direction: 'inbound',
    status: 'completed',
    at: firstAt,
    seconds: 184,
    log: [
      { verb: 'Say', text: 'Thanks for calling. Connecting you to an agent.', seconds: 4 },
      { verb: 'Dial', client: 'alice', outcome: 'completed', seconds: 180 },
    ],
  });
  add({
    from: '+14155550123',
    to: 'client:alice',
    direction: 'outbound-dial',
    status: 'completed',
    at: firstAt + 7000,
    seconds: 177,
    parent,
  });
  add({
    from: '+14155550111',
    to: '+14155550187',
    direction: 'outbound-api',
    status: 'completed',
    at: now - 2 * DAY - 3 * HOUR,
    seconds: 95,
  });
  add({
    from: '+14155550100',
    to: '+14155550142',
    direction: 'outbound-api',
    status: 'busy',
    at: now - DAY - 7 * HOUR,
    seconds: 0,
  });
  add({
    from: '+14155550166',
    to: '+14155550111',
    direction: 'inbound',
    status: 'completed',
    at: now - 20 * HOUR,
    seconds: 47,
    log: [
      { verb: 'Say', text: 'Please leave a message after the tone.', seconds: 3 },
      { verb: 'Record', outcome: 'completed', seconds: 32, sample: true },
    ],
  });
  add({
    from: '+14155550111',
    to: '+14155550198',
    direction: 'outbound-api',
    status: 'no-answer',
    at: now - 6 * HOUR,
    seconds: 60,
  });
  return calls;
}

/** The voicemail left in the sample history. */
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
