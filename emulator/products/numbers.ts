/**
 * IncomingPhoneNumbers (API 2010): the account's own numbers and their webhook settings. Seeded with
 * sample numbers whose webhooks point at this service's inbound functions.
 *
 *   POST   .../IncomingPhoneNumbers.json        buys a number (201): PhoneNumber, or AreaCode (the first
 *          number on offer there), plus the settings below. Errors as Twilio's (and its test credentials'
 *          magic values): 21421 invalid number (+15005550001), 21422 not available (+15005550000, a number
 *          not for sale or already owned), 21451 invalid area code, 21452 none in that area code (533).
 *   GET    .../IncomingPhoneNumbers.json        PhoneNumber (any part), FriendlyName filters; newest first
 *   GET / POST / DELETE .../IncomingPhoneNumbers/{Sid}.json   fetch, update (settings), release (204)
 * Settings: FriendlyName, VoiceUrl, VoiceMethod, VoiceFallbackUrl, VoiceFallbackMethod, SmsUrl, SmsMethod,
 * SmsFallbackUrl, SmsFallbackMethod, StatusCallback, StatusCallbackMethod, VoiceApplicationSid and
 * SmsApplicationSid (a TwiML App whose URLs then answer the number's calls / messages; '' unsets).
 * The numbers for sale are in ./numbers/ (AvailablePhoneNumbers).
 */
import type { Emulator } from '../core/emulator';
import { usageMeter } from './usage/meter';
import { json, EmuRequest } from '../core/router';
import { badParam, first, newSid, notFound, page2010, Params, readPage, rfc2822, TwilioApiError } from '../core/wire';
import type { ApplicationsApi } from './applications';
import { registerAvailableNumbers } from './numbers/available';
import { findOffer, inventory, Offer, TEST_AREA_CODE, validAreaCode } from './numbers/inventory';
import { applySettings, Setting } from './webhook-settings';

export interface NumberRecord {
  sid: string;
  phone_number: string;
  friendly_name: string;
  sms_url: string;
  sms_method: string;
  voice_url: string;
  voice_method: string;
  status_callback: string;
  /** Absent on numbers saved by an older emulator. */
  status_callback_method?: string;
  voice_fallback_url?: string;
  voice_fallback_method?: string;
  sms_fallback_url?: string;
  sms_fallback_method?: string;
  voice_application_sid?: string | null;
  sms_application_sid?: string | null;
  capabilities: { voice: boolean; sms: boolean; mms: boolean; fax: boolean };
  iso_country: string;
  region: string;
  locality: string;
  created: number;
  updated: number;
}

/** Where a number's calls or messages go: its own webhook, or its TwiML App's. */
export interface Route {
  url: string;
  method: 'GET' | 'POST';
  fallbackUrl: string;
  fallbackMethod: 'GET' | 'POST';
  /** The TwiML App answering, if any (sent as ApplicationSid). */
  applicationSid: string | null;
  statusCallback: string;
  statusCallbackMethod: 'GET' | 'POST';
}

export interface NumbersApi {
  /** The account's number with this E.164 value (a `whatsapp:` prefix is ignored). */
  byPhone(phone: string): NumberRecord | undefined;
  all(): NumberRecord[];
  add(n: Omit<NumberRecord, 'sid' | 'created' | 'updated'>): NumberRecord;
  /** Where an inbound call to the number goes. */
  voiceRoute(n: NumberRecord): Route;
  /** Where an inbound message to the number goes. */
  smsRoute(n: NumberRecord): Route;
}

const SETTINGS: readonly Setting<NumberRecord>[] = [
  ['friendly_name', 'FriendlyName', 'text'],
  ['sms_url', 'SmsUrl', 'url'],
  ['sms_method', 'SmsMethod', 'method'],
  ['sms_fallback_url', 'SmsFallbackUrl', 'url'],
  ['sms_fallback_method', 'SmsFallbackMethod', 'method'],
  ['voice_url', 'VoiceUrl', 'url'],
  ['voice_method', 'VoiceMethod', 'method'],
  ['voice_fallback_url', 'VoiceFallbackUrl', 'url'],
  ['voice_fallback_method', 'VoiceFallbackMethod', 'method'],
  ['status_callback', 'StatusCallback', 'url'],
  ['status_callback_method', 'StatusCallbackMethod', 'method'],
];

/** Twilio's test-credential magic values for buying numbers (docs: "Test Credentials"). */
const UNAVAILABLE_NUMBER = '+15005550000';
const INVALID_NUMBER = '+15005550001';
const E164 = /^\+[1-9]\d{6,14}$/;
const asMethod = (m: string | undefined): 'GET' | 'POST' => (m === 'GET' ? 'GET' : 'POST');

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

export function friendly(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}

export function registerNumbers(emu: Emulator, deps: { applications: ApplicationsApi }): NumbersApi {
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
    sms_application_sid: n.sms_application_sid ?? null,
    sms_fallback_method: n.sms_fallback_method ?? 'POST',
    sms_fallback_url: n.sms_fallback_url ?? '',
    sms_method: n.sms_method,
    sms_url: n.sms_url,
    status_callback: n.status_callback,
    status_callback_method: n.status_callback_method ?? 'POST',
    trunk_sid: null,
    uri: uri(n.sid),
    voice_receive_mode: 'voice',
    voice_application_sid: n.voice_application_sid ?? null,
    voice_caller_id_lookup: false,
    voice_fallback_method: n.voice_fallback_method ?? 'POST',
    voice_fallback_url: n.voice_fallback_url ?? '',
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

  /** The settings in `form`, TwiML App SIDs checked against the account's apps. */
  const configure = (n: NumberRecord, form: Params): void => {
    const apps: [keyof NumberRecord & string, string][] = [
      ['voice_application_sid', 'VoiceApplicationSid'],
      ['sms_application_sid', 'SmsApplicationSid'],
    ];
    const chosen: [keyof NumberRecord & string, string | null][] = [];
    for (const [field, param] of apps) {
      const sid = first(form, param);
      if (sid === undefined) continue;
      if (sid !== '' && !deps.applications.get(sid))
        throw badParam(`${param} ${sid} is not an application of this account`, 20001);
      chosen.push([field, sid || null]);
    }
    applySettings(n, form, SETTINGS);
    for (const [field, sid] of chosen) (n as unknown as Record<string, unknown>)[field] = sid;
    n.updated = Date.now();
  };

  /** The number to buy: PhoneNumber if it is for sale, else the first on offer in AreaCode. */
  const choose = (form: Params): Offer => {
    const phone = first(form, 'PhoneNumber');
    const area = first(form, 'AreaCode');
    if (phone !== undefined) {
      if (phone === INVALID_NUMBER || !E164.test(phone)) throw badParam('PhoneNumber is invalid', 21421);
      const offer = phone === UNAVAILABLE_NUMBER || api.byPhone(phone) ? undefined : findOffer(phone);
      if (!offer) throw badParam('PhoneNumber is not available', 21422);
      return offer;
    }
    if (area === undefined) throw badParam('A PhoneNumber or an AreaCode is required', 21421);
    if (!validAreaCode(area) && area !== TEST_AREA_CODE) throw new TwilioApiError(400, 21451, 'Invalid area code');
    for (const country of ['US', 'CA'])
      for (const offer of inventory(country, 'local', area)) if (!api.byPhone(offer.phone_number)) return offer;
    throw new TwilioApiError(400, 21452, `No phone numbers found in area code ${area}`);
  };

  emu.router.add('POST', `${base}.json`, (req) => {
    const offer = choose(req.form);
    const now = Date.now();
    const n: NumberRecord = {
      sid: newSid('PN'),
      phone_number: offer.phone_number,
      friendly_name: friendly(offer.phone_number),
      sms_url: '',
      sms_method: 'POST',
      voice_url: '',
      voice_method: 'POST',
      status_callback: '',
      voice_application_sid: null,
      sms_application_sid: null,
      capabilities: offer.capabilities,
      iso_country: offer.iso_country,
      region: offer.region ?? '',
      locality: offer.locality ?? '',
      created: now,
      updated: now,
    };
    configure(n, req.form);
    return json(201, wire(numbers.save(n)));
  });

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
    configure(n, req.form);
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

  const voiceRoute = (n: NumberRecord): Route => {
    const app = n.voice_application_sid ? deps.applications.get(n.voice_application_sid) : undefined;
    if (app)
      return {
        url: app.voice_url,
        method: asMethod(app.voice_method),
        fallbackUrl: app.voice_fallback_url,
        fallbackMethod: asMethod(app.voice_fallback_method),
        applicationSid: app.sid,
        statusCallback: app.status_callback,
        statusCallbackMethod: asMethod(app.status_callback_method),
      };
    return {
      url: n.voice_url,
      method: asMethod(n.voice_method),
      fallbackUrl: n.voice_fallback_url ?? '',
      fallbackMethod: asMethod(n.voice_fallback_method),
      applicationSid: null,
      statusCallback: n.status_callback,
      statusCallbackMethod: asMethod(n.status_callback_method),
    };
  };

  const smsRoute = (n: NumberRecord): Route => {
    const app = n.sms_application_sid ? deps.applications.get(n.sms_application_sid) : undefined;
    if (app)
      return {
        url: app.sms_url,
        method: asMethod(app.sms_method),
        fallbackUrl: app.sms_fallback_url,
        fallbackMethod: asMethod(app.sms_fallback_method),
        applicationSid: app.sid,
        statusCallback: app.sms_status_callback,
        statusCallbackMethod: 'POST',
      };
    return {
      url: n.sms_url,
      method: asMethod(n.sms_method),
      fallbackUrl: n.sms_fallback_url ?? '',
      fallbackMethod: asMethod(n.sms_fallback_method),
      applicationSid: null,
      statusCallback: n.status_callback,
      statusCallbackMethod: asMethod(n.status_callback_method),
    };
  };

  registerAvailableNumbers(emu, (phone) => api.byPhone(phone) !== undefined);

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
    voiceRoute,
    smsRoute,
  };
  return api;
}
