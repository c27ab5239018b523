/**
 * Applications (API 2010): TwiML Apps, a set of voice and messaging webhooks with a SID. A number whose
 * VoiceApplicationSid (SmsApplicationSid) names one uses the app's URLs instead of its own, and a Voice
 * SDK device's outgoing calls (`grants.voice.outgoing.application_sid`) run the app's Voice URL.
 *
 *   GET    /2010-04-01/Accounts/{AccountSid}/Applications.json          FriendlyName filter; oldest first
 *   POST   /2010-04-01/Accounts/{AccountSid}/Applications.json          create (201)
 *   GET    /2010-04-01/Accounts/{AccountSid}/Applications/{Sid}.json
 *   POST   /2010-04-01/Accounts/{AccountSid}/Applications/{Sid}.json    update
 *   DELETE /2010-04-01/Accounts/{AccountSid}/Applications/{Sid}.json    204
 */
import type { Emulator } from '../core/emulator';
import { json, EmuRequest } from '../core/router';
import { first, newSid, notFound, page2010, readPage, rfc2822 } from '../core/wire';
import { applySettings, Setting } from './webhook-settings';

export interface ApplicationRecord {
  sid: string;
  friendly_name: string | null;
  voice_url: string;
  voice_method: string;
  voice_fallback_url: string;
  voice_fallback_method: string;
  voice_caller_id_lookup: boolean;
  status_callback: string;
  status_callback_method: string;
  sms_url: string;
  sms_method: string;
  sms_fallback_url: string;
  sms_fallback_method: string;
  sms_status_callback: string;
  message_status_callback: string;
  public_application_connect_enabled: boolean;
  created: number;
  updated: number;
}

export interface ApplicationsApi {
  get(sid: string): ApplicationRecord | undefined;
}

const SETTINGS: readonly Setting<ApplicationRecord>[] = [
  ['friendly_name', 'FriendlyName', 'text'],
  ['voice_url', 'VoiceUrl', 'url'],
  ['voice_method', 'VoiceMethod', 'method'],
  ['voice_fallback_url', 'VoiceFallbackUrl', 'url'],
  ['voice_fallback_method', 'VoiceFallbackMethod', 'method'],
  ['voice_caller_id_lookup', 'VoiceCallerIdLookup', 'bool'],
  ['status_callback', 'StatusCallback', 'url'],
  ['status_callback_method', 'StatusCallbackMethod', 'method'],
  ['sms_url', 'SmsUrl', 'url'],
  ['sms_method', 'SmsMethod', 'method'],
  ['sms_fallback_url', 'SmsFallbackUrl', 'url'],
  ['sms_fallback_method', 'SmsFallbackMethod', 'method'],
  ['sms_status_callback', 'SmsStatusCallback', 'url'],
  ['message_status_callback', 'MessageStatusCallback', 'url'],
  ['public_application_connect_enabled', 'PublicApplicationConnectEnabled', 'bool'],
];

export function registerApplications(emu: Emulator): ApplicationsApi {
  const apps = emu.state.table<ApplicationRecord>('applications', {
    key: (a) => a.sid,
    position: (a) => a.created,
    indexes: { FriendlyName: (a) => a.friendly_name ?? undefined },
  });
  const base = '/api/2010-04-01/Accounts/{AccountSid}/Applications';
  const listPath = (): string => `/2010-04-01/Accounts/${emu.accountSid}/Applications.json`;
  const uri = (sid: string): string => `/2010-04-01/Accounts/${emu.accountSid}/Applications/${sid}.json`;

  const wire = (a: ApplicationRecord): Record<string, unknown> => ({
    account_sid: emu.accountSid,
    api_version: '2010-04-01',
    date_created: rfc2822(a.created),
    date_updated: rfc2822(a.updated),
    friendly_name: a.friendly_name,
    message_status_callback: a.message_status_callback,
    sid: a.sid,
    sms_fallback_method: a.sms_fallback_method,
    sms_fallback_url: a.sms_fallback_url,
    sms_method: a.sms_method,
    sms_status_callback: a.sms_status_callback,
    sms_url: a.sms_url,
    status_callback: a.status_callback,
    status_callback_method: a.status_callback_method,
    uri: uri(a.sid),
    voice_caller_id_lookup: a.voice_caller_id_lookup,
    voice_fallback_method: a.voice_fallback_method,
    voice_fallback_url: a.voice_fallback_url,
    voice_method: a.voice_method,
    voice_url: a.voice_url,
    public_application_connect_enabled: a.public_application_connect_enabled,
  });

  const get = (req: EmuRequest): ApplicationRecord => {
    const a = apps.get(req.params.Sid);
    if (!a) throw notFound(uri(req.params.Sid));
    return a;
  };

  emu.router.add('POST', `${base}.json`, (req) => {
    const now = Date.now();
    const app: ApplicationRecord = {
      sid: newSid('AP'),
      friendly_name: null,
      voice_url: '',
      voice_method: 'POST',
      voice_fallback_url: '',
      voice_fallback_method: 'POST',
      voice_caller_id_lookup: false,
      status_callback: '',
      status_callback_method: 'POST',
      sms_url: '',
      sms_method: 'POST',
      sms_fallback_url: '',
      sms_fallback_method: 'POST',
      sms_status_callback: '',
      message_status_callback: '',
      public_application_connect_enabled: true,
      created: now,
      updated: now,
    };
    applySettings(app, req.form, SETTINGS);
    return json(201, wire(apps.save(app)));
  });

  emu.router.add('GET', `${base}.json`, (req) => {
    const name = first(req.query, 'FriendlyName');
    const request = readPage(req.query);
    const found = apps.page({
      ...(name !== undefined ? { eq: { FriendlyName: name } } : {}),
      offset: request.page * request.pageSize,
      limit: request.pageSize,
    });
    return json(200, page2010('applications', listPath(), found.items.map(wire), request, { FriendlyName: name }, found.more));
  });

  emu.router.add('GET', `${base}/{Sid}.json`, (req) => json(200, wire(get(req))));

  emu.router.add('POST', `${base}/{Sid}.json`, (req) => {
    const app = get(req);
    applySettings(app, req.form, SETTINGS);
    app.updated = Date.now();
    return json(200, wire(apps.save(app)));
  });

  emu.router.add('DELETE', `${base}/{Sid}.json`, (req) => {
    apps.delete(get(req).sid);
    return { status: 204 };
  });

  return { get: (sid) => apps.get(sid) };
}
