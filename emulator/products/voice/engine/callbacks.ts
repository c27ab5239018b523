/**
 * Callbacks: the signed status callbacks about a call and about its recordings, posted one after
 * another per call (or recording) as Twilio does, and the parameters Twilio sends about a call in
 * every voice request.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Emulator } from '../../../core/emulator';
import { rfc2822 } from '../../../core/wire';
import type { NumbersApi } from '../../numbers';
import { CallEvent, CallRecord, CallStatus, HttpMethod, isE164, RecordingRecord } from '../model';
import type { VoiceStore } from '../store';
import { emuNow } from './runs';

const SIP_CODES: Partial<Record<CallStatus, string>> = {
  completed: '200',
  busy: '486',
  'no-answer': '487',
  failed: '500',
  canceled: '487',
};
const CALL_EVENTS: ReadonlySet<string> = new Set(['initiated', 'ringing', 'answered', 'completed']);

/** `statusCallbackEvent="initiated ringing"` (space or comma separated); `completed` when absent. */
export function parseEvents(value: string | undefined): CallEvent[] {
  const list = (value ?? '').split(/[\s,]+/).filter((e): e is CallEvent => CALL_EVENTS.has(e));
  return list.length ? list : ['completed'];
}

export class CallCallbacks {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly emu: Emulator,
    private readonly store: VoiceStore,
    private readonly numbers: NumbersApi,
  ) {}

  /** Emulator reset: callbacks still in flight no longer hold back new ones. */
  reset(): void {
    this.chains.clear();
  }

  private geo(address: string): { city: string; state: string; zip: string; country: string } {
    const own = this.numbers.byPhone(address);
    if (own) return { city: own.locality.toUpperCase(), state: own.region, zip: '', country: own.iso_country };
    const bare = address.replace(/^whatsapp:/, '');
    const country = isE164(bare) ? (parsePhoneNumberFromString(bare)?.country ?? '') : '';
    return { city: '', state: '', zip: '', country };
  }

  /** What Twilio sends about a call in every voice request and status callback. */
  private baseParams(c: CallRecord): Record<string, string> {
    const from = this.geo(c.from);
    const to = this.geo(c.to);
    const p: Record<string, string> = {
      AccountSid: this.emu.accountSid,
      ApiVersion: '2010-04-01',
      CallSid: c.sid,
      Direction: c.direction,
      From: c.from,
      To: c.to,
      Caller: c.from,
      Called: c.to,
      FromCity: from.city,
      FromState: from.state,
      FromZip: from.zip,
      FromCountry: from.country,
      CallerCity: from.city,
      CallerState: from.state,
      CallerZip: from.zip,
      CallerCountry: from.country,
      ToCity: to.city,
      ToState: to.state,
      ToZip: to.zip,
      ToCountry: to.country,
      CalledCity: to.city,
      CalledState: to.state,
      CalledZip: to.zip,
      CalledCountry: to.country,
    };
    if (c.parent_call_sid) p.ParentCallSid = c.parent_call_sid;
    if (c.application_sid) p.ApplicationSid = c.application_sid;
    return p;
  }

  /** The parameters of a voice request (the TwiML fetch, a Record's hangup action). */
  voiceParams(c: CallRecord): Record<string, string> {
    return { ...this.baseParams(c), CallStatus: c.status };
  }

  /** What an action URL learns about a recording the call just made. */
  recordingParams(rec: RecordingRecord): Record<string, string> {
    return {
      RecordingUrl: this.store.mediaUrl(rec.sid),
      RecordingSid: rec.sid,
      RecordingDuration: String(rec.duration ?? 0),
    };
  }

  /**
   * A status callback, when the call asked for this event. The `initiated` event reports
   * CallStatus=initiated although the resource still reads `queued` (the REST enum has no
   * `initiated`); `answered` reports in-progress; `completed` reports the final status with
   * CallDuration (seconds) and Duration (minutes, rounded up).
   */
  status(c: CallRecord, event: CallEvent, callStatus: string): void {
    const url = c.status_callback;
    if (!url || !c.status_callback_events.includes(event)) return;
    const params: Record<string, string> = {
      ...this.baseParams(c),
      CallStatus: callStatus,
      Timestamp: rfc2822(emuNow(c)),
      CallbackSource: 'call-progress-events',
      SequenceNumber: String(c.seq++),
    };
    if (event === 'completed') {
      const d = c.duration ?? 0;
      params.CallDuration = String(d);
      params.Duration = String(Math.ceil(d / 60));
      const sip = SIP_CODES[c.status];
      if (sip) params.SipResponseCode = sip;
      const rec = this.store.callRecordings(c.sid).find((r) => r.source === 'OutboundAPI');
      if (rec) Object.assign(params, this.recordingParams(rec));
    }
    // The sequence number moved on.
    this.store.saveCall(c);
    this.enqueue(c.sid, url, params, c.status_callback_method);
  }

  /** A recording status callback, when the recording asked for this event. */
  recording(rec: RecordingRecord, status: 'in-progress' | 'completed'): void {
    const url = rec.status_callback;
    if (!url || !rec.status_callback_events.includes(status)) return;
    const params: Record<string, string> = {
      AccountSid: this.emu.accountSid,
      CallSid: rec.call_sid,
      RecordingSid: rec.sid,
      RecordingUrl: this.store.mediaUrl(rec.sid),
      RecordingStatus: status,
      RecordingChannels: String(rec.channels),
      RecordingSource: rec.source,
      RecordingStartTime: rfc2822(rec.start),
      RecordingTrack: rec.track,
    };
    if (status === 'completed') {
      params.RecordingDuration = String(rec.duration ?? 0);
      params.ErrorCode = '0';
    }
    // Twilio reports a recording once it is processed: a step after it ends.
    this.emu.schedule(this.emu.stepMs, () => this.enqueue(`recording:${rec.sid}`, url, params, rec.status_callback_method));
  }

  /** Callbacks about one call (or recording) go out one after another, in order. */
  private enqueue(key: string, url: string, params: Record<string, string>, method: HttpMethod): void {
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous.then(
      () => this.emu.webhook(url, params, method).then(() => undefined),
      () => undefined,
    );
    this.chains.set(key, next);
    void next.then(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
  }
}
