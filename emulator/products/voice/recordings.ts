/**
 * Recordings (API 2010): account-wide and per call, their media, and live recordings started
 * through the API.
 *
 *   GET    /2010-04-01/Accounts/{AccountSid}/Recordings.json                    CallSid, DateCreated(<,>) filters
 *   GET    /2010-04-01/Accounts/{AccountSid}/Recordings/{Sid}.json
 *   DELETE /2010-04-01/Accounts/{AccountSid}/Recordings/{Sid}.json              204, then 404
 *   GET    /2010-04-01/Accounts/{AccountSid}/Recordings/{Sid}[.wav|.mp3]        media, no auth (see below)
 *   GET    /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings.json
 *   POST   /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings.json    start recording a live call
 *   GET    /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings/{Sid}.json
 *   POST   /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings/{Sid}.json  Status=paused|in-progress|stopped
 *   DELETE /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings/{Sid}.json
 *
 * Media is public, as Twilio's is unless an account turns on authenticated media: the routes skip
 * basic auth. Without an extension (Twilio's RecordingUrl) and with `.wav` the answer is a WAV;
 * `.mp3` answers an MP3 stream. Both are generated silence (see audio.ts).
 */
import type { Emulator } from '../../core/emulator';
import { EmuRequest, json } from '../../core/router';
import type { TablePage } from '../../core/state';
import { badParam, first, page2010, PageRequest, Params, readPage, TwilioApiError } from '../../core/wire';
import type { VoiceEngine } from './engine';
import { isTerminal, RecordingRecord } from './model';
import { silentMp3, silentWav } from './audio';
import type { VoiceStore } from './store';
import { timeRange } from '../../core/date-filters';

export function registerRecordingRoutes(emu: Emulator, store: VoiceStore, engine: VoiceEngine): void {
  const account = '/api/2010-04-01/Accounts/{AccountSid}';

  const notFound = (path: string): TwilioApiError =>
    new TwilioApiError(404, 20404, `The requested resource ${path} was not found`);

  /** A page of recordings (of one call, or account-wide), newest first, and the page asked for. */
  const listed = (query: Params, callSid: string | undefined): TablePage<RecordingRecord> & { request: PageRequest } => {
    const created = timeRange(query, 'DateCreated');
    const request = readPage(query);
    // Conference recordings are not emulated: a ConferenceSid filter matches none.
    const found = first(query, 'ConferenceSid')
      ? { items: [], more: false }
      : store.findRecordings({ CallSid: callSid, created }, request);
    return { ...found, request };
  };

  const recording = (sid: string, path: string): RecordingRecord => {
    const r = store.recording(sid);
    if (!r) throw notFound(path);
    return r;
  };

  const callOf = (req: EmuRequest) => {
    const call = store.call(req.params.CallSid);
    if (!call) throw notFound(store.callUri(req.params.CallSid));
    return call;
  };

  /** A recording of this call; `Twilio.CURRENT` names its live one. */
  const callRecording = (req: EmuRequest): RecordingRecord => {
    const call = callOf(req);
    const path = store.accountPath(`/Calls/${call.sid}/Recordings/${req.params.Sid}.json`);
    if (req.params.Sid === 'Twilio.CURRENT') {
      const live = store.liveRecording(call.sid);
      if (!live) throw notFound(path);
      return live;
    }
    const r = recording(req.params.Sid, path);
    if (r.call_sid !== call.sid) throw notFound(path);
    return r;
  };

  const remove = (r: RecordingRecord): void => {
    if (r.status !== 'completed') throw badParam('Cannot delete a recording that is still in progress; stop it first.', 20009);
    store.deleteRecording(r.sid);
  };

  // --- account-wide
  emu.router.add('GET', `${account}/Recordings.json`, (req) => {
    const callSid = first(req.query, 'CallSid');
    const found = listed(req.query, callSid);
    const items = found.items.map((r) => store.wireRecording(r));
    const filters = {
      CallSid: callSid,
      ConferenceSid: first(req.query, 'ConferenceSid'),
      DateCreated: first(req.query, 'DateCreated'),
      'DateCreated<': first(req.query, 'DateCreated<'),
      'DateCreated>': first(req.query, 'DateCreated>'),
    };
    const path = store.accountPath('/Recordings.json');
    return json(200, page2010('recordings', path, items, found.request, filters, found.more));
  });
  emu.router.add('GET', `${account}/Recordings/{Sid}.json`, (req) =>
    json(200, store.wireRecording(recording(req.params.Sid, store.recordingUri(req.params.Sid)))),
  );
  emu.router.add('DELETE', `${account}/Recordings/{Sid}.json`, (req) => {
    remove(recording(req.params.Sid, store.recordingUri(req.params.Sid)));
    return { status: 204 };
  });

  // --- media (public)
  const media = (req: EmuRequest, format: 'wav' | 'mp3') => {
    const sid = req.params.Sid;
    const path = store.accountPath(`/Recordings/${sid}${format === 'mp3' ? '.mp3' : ''}`);
    if (req.params.AccountSid !== emu.accountSid || !/^RE[0-9a-f]{32}$/.test(sid)) throw notFound(path);
    const r = recording(sid, path);
    if (r.status !== 'completed') throw notFound(path);
    const data = format === 'mp3' ? silentMp3(r.duration ?? 1) : silentWav(r.duration ?? 1, r.channels);
    return {
      status: 200,
      raw: { contentType: format === 'mp3' ? 'audio/mpeg' : 'audio/x-wav', data },
      headers: { 'Content-Length': String(data.length) },
    };
  };
  emu.router.add('GET', `${account}/Recordings/{Sid}.mp3`, (req) => media(req, 'mp3'), { auth: false });
  emu.router.add('GET', `${account}/Recordings/{Sid}.wav`, (req) => media(req, 'wav'), { auth: false });
  // Registered after the `.json` routes, which match first.
  emu.router.add('GET', `${account}/Recordings/{Sid}`, (req) => media(req, 'wav'), { auth: false });

  // --- per call
  emu.router.add('GET', `${account}/Calls/{CallSid}/Recordings.json`, (req) => {
    const call = callOf(req);
    const found = listed(req.query, call.sid);
    const items = found.items.map((r) => store.wireCallRecording(r));
    const filters = {
      DateCreated: first(req.query, 'DateCreated'),
      'DateCreated<': first(req.query, 'DateCreated<'),
      'DateCreated>': first(req.query, 'DateCreated>'),
    };
    const path = store.accountPath(`/Calls/${call.sid}/Recordings.json`);
    return json(200, page2010('recordings', path, items, found.request, filters, found.more));
  });

  emu.router.add('POST', `${account}/Calls/{CallSid}/Recordings.json`, (req) => {
    const call = callOf(req);
    if (call.status !== 'in-progress' || isTerminal(call.status)) {
      throw badParam(`Call ${call.sid} is not in-progress; only a live call can be recorded.`, 21220);
    }
    const callback = first(req.form, 'RecordingStatusCallback') ?? null;
    if (callback !== null && !/^https?:\/\/\S+$/.test(callback))
      throw badParam('RecordingStatusCallback is not a valid URL.', 21609);
    const channels = first(req.form, 'RecordingChannels') ?? 'mono';
    if (channels !== 'mono' && channels !== 'dual') throw badParam('RecordingChannels must be mono or dual', 20001);
    const cbMethod = (first(req.form, 'RecordingStatusCallbackMethod') ?? 'POST').toUpperCase();
    if (cbMethod !== 'GET' && cbMethod !== 'POST') throw badParam('RecordingStatusCallbackMethod must be GET or POST', 20001);
    const events = req.form.RecordingStatusCallbackEvent?.flatMap((e) => e.split(/[\s,]+/)).filter(Boolean) ?? ['completed'];
    const rec = engine.startLiveRecording(call, 'StartCallRecordingAPI', {
      channels: channels === 'dual' ? 2 : 1,
      callback,
      method: cbMethod,
      events: events.length ? events : ['completed'],
    });
    const track = first(req.form, 'RecordingTrack');
    if (track) {
      rec.track = track;
      store.saveRecording(rec);
    }
    return json(201, store.wireCallRecording(rec));
  });

  emu.router.add('GET', `${account}/Calls/{CallSid}/Recordings/{Sid}.json`, (req) =>
    json(200, store.wireCallRecording(callRecording(req))),
  );

  emu.router.add('POST', `${account}/Calls/{CallSid}/Recordings/{Sid}.json`, (req) => {
    const rec = callRecording(req);
    const status = first(req.form, 'Status');
    if (status !== 'paused' && status !== 'in-progress' && status !== 'stopped') {
      throw badParam('Status must be one of paused, in-progress, stopped', 20001);
    }
    if (rec.status === 'completed') throw badParam(`Recording ${rec.sid} is already completed.`, 21220);
    engine.setRecordingStatus(rec, status);
    return json(200, store.wireCallRecording(rec));
  });

  emu.router.add('DELETE', `${account}/Calls/{CallSid}/Recordings/{Sid}.json`, (req) => {
    remove(callRecording(req));
    return { status: 204 };
  });
}
