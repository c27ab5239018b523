/**
 * IncomingPhoneNumbers (API 2010): the account's own numbers and their webhook settings.
 * Seeded with sample numbers whose webhooks point at this service's inbound functions.
 */
import type { Emulator } from '../core/emulator';
import { usageMeter } from './usage/meter';
import { json, EmuRequest } from '../core/router';
import { badParam, first, newSid, notFound, page2010, Params, readPage, rfc2822 } from '../core/wire';

export interface NumberRecord {
  sid: string;
  phone_number: string;
  friendly_name: string;
  sms_url: string;
  sms_method: string;
  voice_url: string;
  voice_method: string;
  status_callback: string;
  capabilities: { voice: boolean; sms: boolean; mms: boolean; fax: boolean };
  iso_country: string;
  region: string;
  locality: string;
  created: number;
  updated: number;
}

export interface NumbersApi {
  /** The account's number with this E.164 value (a `whatsapp:` prefix is ignored). */
  byPhone(phone: string): NumberRecord | undefined;
  all(): NumberRecord[];
  add(n: Omit<NumberRecord, 'sid' | 'created' | 'updated'>): NumberRecord;
}

/** The numbers every fresh emulator owns, each pointing at one of the service's inbound functions. */
export function sampleNumbers(base: string): Omit<NumberRecord, 'sid' | 'created' | 'updated'>[] {
  const sample = (
    phone_number: string,
    friendly_name: string,
    smsPath: string,
  ): Omit<NumberRecord, 'sid' | 'created' | 'updated'> => ({
    phone_number,
    friendly_name,
    sms_url: `${base}${smsPath}`,
    sms_method: 'POST',
    voice_url: `${base}/webhook/incoming-call`,
    voice_method: 'POST',
    status_callback: '',
    capabilities: { voice: true, sms: true, mms: true, fax: false },
    iso_country: 'US',
    region: 'CA',
    locality: 'San Francisco',
  });
  return [
    sample('+14155550100', 'Flex plugin line', '/api/receive-sms'),
    sample('+14155550111', 'Softphone line', '/webhook/incoming-message'),
  ];
}

function friendly(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}

export function registerNumbers(emu: Emulator): NumbersApi {
  const numbers = emu.state.table<NumberRecord>('numbers', {
    key: (n) => n.sid,
    position: (n) => n.created,
    indexes: { PhoneNumber: (n) => n.phone_number },
    seed: () => {
      const now = Date.now();
      return sampleNumbers(emu.functionsBaseUrl).map((n) => ({ ...n, sid: newSid('PN'), created: now, updated: now }));
    },
  });
  const base = `/api/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers`;
  const uri = (sid: string): string => `/2010-04-01/Accounts/${emu.accountSid}/IncomingPhoneNumbers/${sid}.json`;

  const wire = (n: NumberRecord): Record<string, unknown> => ({
    account_sid: emu.accountSid,
    address_sid: null,
    address_requirements: 'none',
    api_version: '2010-04-01',
    beta: false,
    capabilities: n.capabilities,
    date_created: rfc2822(n.created),
    date_updated: rfc2822(n.updated),
    friendly_name: n.friendly_name,
    identity_sid: null,
    phone_number: n.phone_number,
    origin: 'twilio',
    sid: n.sid,
    sms_application_sid: null,
    sms_fallback_method: 'POST',
    sms_fallback_url: '',
    sms_method: n.sms_method,
    sms_url: n.sms_url,
    status_callback: n.status_callback,
    status_callback_method: 'POST',
    trunk_sid: null,
    uri: uri(n.sid),
    voice_receive_mode: 'voice',
    voice_application_sid: null,
    voice_caller_id_lookup: false,
    voice_fallback_method: 'POST',
    voice_fallback_url: '',
    voice_method: n.voice_method,
    voice_url: n.voice_url,
    emergency_status: 'Inactive',
    emergency_address_sid: null,
    emergency_address_status: 'unregistered',
    bundle_sid: null,
    status: 'in-use',
    subresource_uris: {
      assigned_add_ons: `/2010-04-01/Accounts/${emu.accountSid}/IncomingPhoneNumbers/${n.sid}/AssignedAddOns.json`,
    },
  });

  const get = (req: EmuRequest): NumberRecord => {
    const n = numbers.get(req.params.Sid);
    if (!n) throw notFound(uri(req.params.Sid));
    return n;
  };

  const applySettings = (n: NumberRecord, form: Params): void => {
    const settable: [keyof NumberRecord, string][] = [
      ['friendly_name', 'FriendlyName'],
      ['sms_url', 'SmsUrl'],
      ['sms_method', 'SmsMethod'],
      ['voice_url', 'VoiceUrl'],
      ['voice_method', 'VoiceMethod'],
      ['status_callback', 'StatusCallback'],
    ];
    for (const [field, param] of settable) {
      const v = first(form, param);
      if (v === undefined) continue;
      if ((param === 'SmsMethod' || param === 'VoiceMethod') && v !== 'GET' && v !== 'POST') {
        throw badParam(`${param} must be GET or POST`, 21608);
      }
      if ((param === 'SmsUrl' || param === 'VoiceUrl' || param === 'StatusCallback') && v !== '' && !/^https?:\/\//.test(v)) {
        throw badParam(`${param} is not a valid URL: ${v}`, 21502);
      }
      (n as unknown as Record<string, unknown>)[field] = v;
    }
    n.updated = Date.now();
  };

  emu.router.add('GET', `${base}.json`, (req) => {
    const phone = first(req.query, 'PhoneNumber');
    const name = first(req.query, 'FriendlyName');
    const request = readPage(req.query);
    // PhoneNumber matches any part of the number, as Twilio's filter does: a scan, on a table that stays small.
    const found = numbers.page({
      desc: true,
      where: (n) => (phone ? n.phone_number.includes(phone) : true) && (name ? n.friendly_name === name : true),
      offset: request.page * request.pageSize,
      limit: request.pageSize,
    });
    const path = `/2010-04-01/Accounts/${emu.accountSid}/IncomingPhoneNumbers.json`;
    return json(
      200,
      page2010(
        'incoming_phone_numbers',
        path,
        found.items.map(wire),
        request,
        { PhoneNumber: phone, FriendlyName: name },
        found.more,
      ),
    );
  });
  emu.router.add('GET', `${base}/{Sid}.json`, (req) => json(200, wire(get(req))));
  emu.router.add('POST', `${base}/{Sid}.json`, (req) => {
    const n = get(req);
    applySettings(n, req.form);
    numbers.save(n);
    return json(200, wire(n));
  });
  emu.router.add('DELETE', `${base}/{Sid}.json`, (req) => {
    const n = get(req);
    numbers.delete(n.sid);
    // A released number's monthly fee stops.
    usageMeter(emu.state).released(n, Date.now());
    return { status: 204 };
  });

  const api: NumbersApi = {
    byPhone: (phone) => {
      const bare = phone.replace(/^whatsapp:/, '');
      return numbers.page({ eq: { PhoneNumber: bare }, limit: 1 }).items[0];
    },
    all: () => numbers.values(),
    add: (n) => {
      const now = Date.now();
      const rec: NumberRecord = {
        ...n,
        friendly_name: n.friendly_name || friendly(n.phone_number),
        sid: newSid('PN'),
        created: now,
        updated: now,
      };
      return numbers.save(rec);
    },
  };
  return api;
}
