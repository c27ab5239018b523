/**
 * Calls (API 2010) with a live TwiML engine, and Recordings.
 *
 * REST (basic auth, as Twilio):
 *   POST   /2010-04-01/Accounts/{AccountSid}/Calls.json          create (201): To, From, Url | Twiml, Method,
 *          FallbackUrl, StatusCallback, StatusCallbackEvent, StatusCallbackMethod, Record, RecordingChannels,
 *          RecordingStatusCallback(+Method, +Event), Timeout, TimeLimit; MachineDetection & co. are ignored
 *   GET    /2010-04-01/Accounts/{AccountSid}/Calls.json          To, From, Status, ParentCallSid,
 *          StartTime / StartTime< / StartTime>, EndTime(...) filters; newest first; paged
 *   GET    /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json
 *   POST   /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json    Status=canceled|completed hangs up, Url/Twiml redirects
 *   DELETE /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json    finished calls only (204)
 *   ... and the Recordings routes in voice/recordings.ts.
 *
 * Deterministic outcomes, by the last four digits of the dialled number (API calls and <Dial><Number>):
 *   0200 -> busy, 0201 -> no-answer (after Timeout), 0202 -> failed; anything else answers after a step.
 *   A `client:NAME` rings until the control API answers or declines it, or Timeout passes (no-answer).
 *
 * Control API (no auth):
 *   POST /_emulator/inbound-call            {From, To} -> 200 {call_sid}: a call from From to one of the
 *        account's numbers (404 if not one; 400 without a VoiceUrl). It rings while the number's VoiceUrl
 *        (or its TwiML App's, with ApplicationSid)
 *        gets Twilio's signed voice request (CallStatus=ringing), is answered by its first verb (a first
 *        <Reject> leaves it busy / no-answer) and runs in the background.
 *   GET  /_emulator/calls                   calls newest first, a page at a time (PageSize, default 50, and
 *        Page, as the REST lists): {calls: [{call_sid, status, ...}], more}
 *   GET  /_emulator/calls/{CallSid}         the engine's view: status, times, `verbs` executed in order
 *        ([{verb:'Say', text}, {verb:'Dial', client:'alice', outcome:'no-answer'}, ...]), `waiting` (what
 *        the call waits for: gather | record | client), `errors` (11200, 12100 ...), `notes`,
 *        `recordings`, `children` (Dial legs).
 *   POST /_emulator/calls/{CallSid}/answer  {client?, duration?} answers the ringing <Dial><Client> leg of
 *        that call (or the call itself when it is an API call to a client:, or the leg's own sid);
 *        `duration` = emulated talk seconds (default 5). 404 no such call, 409 nothing ringing.
 *   POST /_emulator/calls/{CallSid}/decline {client?} declines it (the leg ends busy). 404 / 409 likewise.
 *   POST /_emulator/talk-times              {number, seconds} a handset at `number` that answers a <Dial> talks
 *        this many emulated seconds (default 5; `seconds: null` forgets the setting) -> 200 {number, seconds}.
 *   POST /_emulator/calls/{CallSid}/digits  {digits, speech?} input for a waiting <Gather> (or ends a
 *        <Record> with a finishOnKey key). 409 when the call is not waiting for input.
 *
 * Persistence: calls and recordings live in the `calls` and `recordings` tables (voice/store.ts). After a
 * restart, outbound calls still queued or ringing carry on; calls that were executing TwiML end (see
 * VoiceEngine.resumeAfterRestart). Runs in memory are dropped on `POST /_emulator/reset`.
 */
import type { Emulator } from '../core/emulator';
import { EmuRequest, json } from '../core/router';
import { all, badParam, bool, first, page2010, Params, readPage, TwilioApiError } from '../core/wire';
import type { NumbersApi } from './numbers';
import { DocSource, parseEvents, VoiceEngine } from './voice/engine';
import { inRange, timeRange } from '../core/date-filters';
import { CallEvent, CallRecord, CallStatus, callSummary, HttpMethod, isClient, isE164, isTerminal } from './voice/model';
import { registerRecordingRoutes } from './voice/recordings';
import { VoiceStore } from './voice/store';
import { ClientCalls, clientCalls } from './voice/client-calls';

const STATUSES: ReadonlySet<string> = new Set<CallStatus>([
  'queued',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'failed',
  'no-answer',
  'canceled',
]);
const EVENTS: ReadonlySet<string> = new Set<CallEvent>(['initiated', 'ringing', 'answered', 'completed']);
const URL_RE = /^https?:\/\/\S+$/;

function methodParam(form: Params, key: string): HttpMethod {
  const v = first(form, key);
  if (v === undefined || v === '') return 'POST';
  const m = v.toUpperCase();
  if (m !== 'GET' && m !== 'POST') throw badParam(`${key} must be GET or POST`, 20001);
  return m;
}

function urlParam(form: Params, key: string, code: number): string | null {
  const v = first(form, key);
  if (v === undefined || v === '') return null;
  if (!URL_RE.test(v)) throw badParam(`${key} is not a valid URL: ${v}`, code);
  return v;
}

function intParam(form: Params, key: string, fallback: number, min: number, max: number): number {
  const v = first(form, key);
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n)) throw badParam(`${key} must be an integer`, 20001);
  return Math.min(max, Math.max(min, n));
}

/** A valid destination: E.164, `client:NAME`, `whatsapp:+E164` or a SIP URI. */
function validTo(to: string): boolean {
  return isE164(to) || isClient(to) || isE164(to.replace(/^whatsapp:/, '')) || /^sips?:\S+@\S+$/.test(to);
}

export function registerCalls(emu: Emulator, deps: { numbers: NumbersApi }): ClientCalls {
  const store = new VoiceStore(emu, deps.numbers);
  const engine = new VoiceEngine(emu, store, deps.numbers);
  const base = '/api/2010-04-01/Accounts/{AccountSid}/Calls';

  const get = (req: EmuRequest): CallRecord => {
    const c = store.call(req.params.Sid);
    if (!c) throw new TwilioApiError(404, 20404, `The requested resource ${store.callUri(req.params.Sid)} was not found`);
    return c;
  };

  emu.router.add('POST', `${base}.json`, (req) => {
    const f = req.form;
    const to = first(f, 'To');
    const from = first(f, 'From');
    if (!to) throw badParam("A 'To' phone number is required.", 21201);
    if (!from) throw badParam("A 'From' phone number is required.", 21213);
    const url = urlParam(f, 'Url', 21205);
    const twiml = first(f, 'Twiml') || null;
    if (!url && !twiml) {
      if (first(f, 'ApplicationSid')) throw badParam('ApplicationSid is not emulated: pass Url or Twiml.', 21205);
      throw badParam("A 'Url' or 'Twiml' parameter is required.", 21205);
    }
    if (!validTo(to)) throw badParam(`The phone number you are attempting to call, ${to}, is not valid.`, 21211);
    const own = deps.numbers.byPhone(from);
    // To a Client, the caller ID may be any identity; to a phone, it must be one of the account's numbers.
    if (!own && !(isClient(to) && from.trim() !== '')) {
      throw badParam(
        `The source phone number provided, ${from}, is not yet verified for your account. You may only make calls from phone numbers that you've verified or purchased from Twilio.`,
        21210,
      );
    }
    const statusCallback = urlParam(f, 'StatusCallback', 21609);
    const events = all(f, 'StatusCallbackEvent')
      .flatMap((e) => e.split(/[\s,]+/))
      .filter(Boolean);
    for (const e of events)
      if (!EVENTS.has(e)) throw badParam(`StatusCallbackEvent must be initiated, ringing, answered or completed: ${e}`, 20001);
    const channels = first(f, 'RecordingChannels') ?? 'mono';
    if (channels !== 'mono' && channels !== 'dual') throw badParam('RecordingChannels must be mono or dual', 20001);
    const recordingEvents = all(f, 'RecordingStatusCallbackEvent')
      .flatMap((e) => e.split(/[\s,]+/))
      .filter(Boolean);
    const call = store.addCall({
      from,
      to,
      direction: 'outbound-api',
      status: 'queued',
      phone_number_sid: own?.sid ?? null,
      url,
      method: methodParam(f, 'Method'),
      twiml,
      fallback_url: urlParam(f, 'FallbackUrl', 21205),
      fallback_method: methodParam(f, 'FallbackMethod'),
      status_callback: statusCallback,
      status_callback_method: methodParam(f, 'StatusCallbackMethod'),
      status_callback_events: events.length ? events.filter((e): e is CallEvent => EVENTS.has(e)) : parseEvents(undefined),
      record: bool(f, 'Record') ?? false,
      recording_channels: channels === 'dual' ? 2 : 1,
      recording_status_callback: urlParam(f, 'RecordingStatusCallback', 21609),
      recording_status_callback_method: methodParam(f, 'RecordingStatusCallbackMethod'),
      recording_status_callback_events: recordingEvents.length ? recordingEvents : ['completed'],
      timeout: intParam(f, 'Timeout', 60, 1, 600),
      time_limit: intParam(f, 'TimeLimit', 14400, 1, 86400),
    });
    engine.startOutbound(call);
    return json(201, store.wireCall(call));
  });

  emu.router.add('GET', `${base}.json`, (req) => {
    const q = req.query;
    const to = first(q, 'To');
    const from = first(q, 'From');
    const status = first(q, 'Status');
    const parent = first(q, 'ParentCallSid');
    if (status !== undefined && !STATUSES.has(status)) throw badParam(`Status is not a call status: ${status}`, 20001);
    // Start and end times are not the listing order (creation): checked per record on the way.
    const started = timeRange(q, 'StartTime');
    const ended = timeRange(q, 'EndTime');
    const dated = started !== null || ended !== null;
    const request = readPage(q);
    const found = store.findCalls(
      {
        To: to,
        From: from,
        Status: status,
        ParentCallSid: parent,
        ...(dated ? { where: (c: CallRecord) => inRange(started, c.start) && inRange(ended, c.end) } : {}),
      },
      request,
    );
    const filters: Record<string, string | undefined> = { To: to, From: from, Status: status, ParentCallSid: parent };
    for (const k of ['StartTime', 'StartTime<', 'StartTime>', 'EndTime', 'EndTime<', 'EndTime>']) filters[k] = first(q, k);
    const items = found.items.map((c) => store.wireCall(c));
    return json(200, page2010('calls', store.accountPath('/Calls.json'), items, request, filters, found.more));
  });

  emu.router.add('GET', `${base}/{Sid}.json`, (req) => json(200, store.wireCall(get(req))));

  emu.router.add('POST', `${base}/{Sid}.json`, (req) => {
    const call = get(req);
    const f = req.form;
    const status = first(f, 'Status');
    const url = urlParam(f, 'Url', 21205);
    const twiml = first(f, 'Twiml') || null;
    if (status !== undefined && status !== 'canceled' && status !== 'completed') {
      throw badParam('Status must be canceled or completed', 20001);
    }
    if ((url || twiml) && isTerminal(call.status)) throw badParam('Call is not in-progress. Cannot redirect.', 21220);
    const method = first(f, 'Method') !== undefined ? methodParam(f, 'Method') : call.method;
    const statusCallback = urlParam(f, 'StatusCallback', 21609);
    if (statusCallback !== null) call.status_callback = statusCallback;
    if (first(f, 'StatusCallbackMethod') !== undefined) call.status_callback_method = methodParam(f, 'StatusCallbackMethod');
    const fallback = urlParam(f, 'FallbackUrl', 21205);
    if (fallback !== null) call.fallback_url = fallback;
    if (first(f, 'TimeLimit') !== undefined) call.time_limit = intParam(f, 'TimeLimit', call.time_limit, 1, 86400);
    if (status !== undefined && !isTerminal(call.status)) {
      // `canceled` only affects calls not yet answered; `completed` hangs up either way.
      if (!call.answered) engine.cancel(call);
      else if (status === 'completed') engine.hangup(call);
    } else if (url || twiml) {
      call.url = url ?? call.url;
      call.twiml = twiml;
      call.method = method;
      if (call.answered) {
        const source: DocSource = twiml ? { kind: 'twiml', twiml } : { kind: 'url', url: url ?? '', method };
        engine.redirect(call, source);
      }
    }
    call.updated = Date.now();
    store.saveCall(call);
    return json(200, store.wireCall(call));
  });

  emu.router.add('DELETE', `${base}/{Sid}.json`, (req) => {
    const call = get(req);
    if (!isTerminal(call.status)) throw badParam('Cannot delete a call that is still in progress.', 20009);
    store.deleteCall(call.sid);
    return { status: 204 };
  });

  registerRecordingRoutes(emu, store, engine);

  // ------------------------------------------------------------------ control API
  const open = { auth: false };
  const body = (req: EmuRequest): Record<string, unknown> =>
    req.json && typeof req.json === 'object' && !Array.isArray(req.json) ? (req.json as Record<string, unknown>) : {};
  const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  const controlCall = (sid: string): CallRecord => {
    const c = store.call(sid);
    if (!c) throw new TwilioApiError(404, 20404, `No call ${sid}`);
    return c;
  };
  const outcome = (r: ReturnType<VoiceEngine['digits']>, sid: string) => {
    if (!r.ok) throw new TwilioApiError(r.status, r.status === 404 ? 20404 : r.status === 409 ? 20409 : 20001, r.message);
    return json(200, { call_sid: sid, ...(r.leg ? { leg_sid: r.leg } : {}), accepted: true });
  };

  emu.router.add(
    'POST',
    '/_emulator/inbound-call',
    (req) => {
      const input = body(req);
      const from = str(input.From) ?? '';
      const to = str(input.To) ?? '';
      if (!isE164(from.replace(/^whatsapp:/, '')) && !isClient(from)) {
        throw badParam('From must be an E.164 number (or client:NAME, or whatsapp:+E164)', 21211);
      }
      const number = deps.numbers.byPhone(to);
      if (!number) throw new TwilioApiError(404, 20404, `${to} is not one of this account's numbers`);
      const route = deps.numbers.voiceRoute(number);
      if (!route.url) throw badParam(`${to} has no VoiceUrl configured (nor a TwiML App with one)`, 21606);
      const call = store.addCall({
        from,
        to,
        direction: 'inbound',
        status: 'ringing',
        phone_number_sid: number.sid,
        start: Date.now(),
        url: route.url,
        method: route.method,
        fallback_url: route.fallbackUrl || null,
        fallback_method: route.fallbackMethod,
        status_callback: route.statusCallback || null,
        status_callback_method: route.statusCallbackMethod,
        status_callback_events: ['completed'],
        ...(route.applicationSid ? { application_sid: route.applicationSid } : {}),
      });
      engine.startInbound(call);
      return json(200, { call_sid: call.sid, status: call.status, url: call.url });
    },
    open,
  );

  emu.router.add(
    'GET',
    '/_emulator/calls',
    (req) => {
      const request = readPage(req.query);
      const found = store.findCalls({}, request);
      return json(200, { calls: found.items.map((c) => callSummary(c)), more: found.more });
    },
    open,
  );

  emu.router.add('GET', '/_emulator/calls/{CallSid}', (req) => json(200, engine.view(controlCall(req.params.CallSid))), open);

  emu.router.add(
    'POST',
    '/_emulator/calls/{CallSid}/answer',
    (req) => {
      const input = body(req);
      const seconds = typeof input.duration === 'number' && input.duration > 0 ? Math.round(input.duration) : null;
      return outcome(engine.answerClient(req.params.CallSid, str(input.client), seconds), req.params.CallSid);
    },
    open,
  );

  emu.router.add(
    'POST',
    '/_emulator/talk-times',
    (req) => {
      const input = body(req);
      const number = str(input.number) ?? '';
      if (!/^\+[1-9]\d{6,14}$/.test(number)) throw badParam('number must be an E.164 phone number', 21211);
      const seconds = input.seconds === null ? null : typeof input.seconds === 'number' ? Math.round(input.seconds) : NaN;
      if (seconds !== null && !(seconds >= 1 && seconds <= 14_400)) {
        throw badParam('seconds must be a whole number of seconds from 1 to 14400, or null', 20001);
      }
      store.setTalkTime(number, seconds);
      return json(200, { number, seconds });
    },
    open,
  );

  emu.router.add(
    'POST',
    '/_emulator/calls/{CallSid}/decline',
    (req) => outcome(engine.declineClient(req.params.CallSid, str(body(req).client)), req.params.CallSid),
    open,
  );

  emu.router.add(
    'POST',
    '/_emulator/calls/{CallSid}/digits',
    (req) => {
      const input = body(req);
      const digits =
        typeof input.digits === 'string' ? input.digits : typeof input.digits === 'number' ? String(input.digits) : '';
      const speech = str(input.speech);
      if (!/^[0-9*#wW]*$/.test(digits)) throw badParam('digits may only contain 0-9, *, # and w (a pause)', 20001);
      if (!digits && !speech) throw badParam('digits (or speech) is required', 20001);
      return outcome(engine.digits(req.params.CallSid, digits, speech), req.params.CallSid);
    },
    open,
  );

  // Calls in flight when the emulator last stopped.
  engine.resumeAfterRestart();
  return clientCalls(store, engine);
}
