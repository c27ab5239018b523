/**
 * What Voice SDK devices (../devices) do with calls: see the calls ringing their identity, answer or
 * decline one, and place a call through a TwiML App as `device.connect()` does.
 */
import type { ApplicationRecord } from '../applications';
import type { ControlResult, VoiceEngine } from './engine';
import type { CallRecord } from './model';
import type { VoiceStore } from './store';

/** More calls than this ringing one identity at once is not something a device shows. */
const RINGING_PAGE = 50;

export interface ClientCalls {
  /** Calls ringing `client:<identity>` (Dial legs and API calls), newest first. */
  ringing(identity: string): CallRecord[];
  answer(callSid: string, identity: string, seconds: number | null): ControlResult;
  decline(callSid: string, identity: string): ControlResult;
  /**
   * A call from `client:<identity>` to the app: the app's Voice URL gets Twilio's voice request
   * (Direction=inbound, ApplicationSid, From=client:<identity>) plus `params`, and its TwiML runs.
   */
  connect(identity: string, app: ApplicationRecord, params: Record<string, string>): CallRecord;
}

export function clientCalls(store: VoiceStore, engine: VoiceEngine): ClientCalls {
  const method = (m: string): 'GET' | 'POST' => (m === 'GET' ? 'GET' : 'POST');
  return {
    ringing: (identity) =>
      store.findCalls({ To: `client:${identity}`, Status: 'ringing' }, { page: 0, pageSize: RINGING_PAGE }).items,
    answer: (callSid, identity, seconds) => engine.answerClient(callSid, identity, seconds),
    decline: (callSid, identity) => engine.declineClient(callSid, identity),
    connect: (identity, app, params) => {
      const call = store.addCall({
        from: `client:${identity}`,
        to: params.To ?? '',
        direction: 'inbound',
        status: 'ringing',
        start: Date.now(),
        url: app.voice_url,
        method: method(app.voice_method),
        fallback_url: app.voice_fallback_url || null,
        fallback_method: method(app.voice_fallback_method),
        status_callback: app.status_callback || null,
        status_callback_method: method(app.status_callback_method),
        status_callback_events: ['completed'],
        application_sid: app.sid,
      });
      engine.startInbound(call, params);
      return call;
    },
  };
}
