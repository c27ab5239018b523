/**
 * Verify v2 Services (https://verify.twilio.com/v2/Services): create, fetch, list, update, delete. A
 * service holds the settings of its verifications (name in the SMS, code length); deleting it deletes
 * its verifications. Invalid parameters are Verify's 60200.
 */
import type { Emulator } from '../../core/emulator';
import { json } from '../../core/router';
import { bool, first, iso8601, newSid, notFound, pageV1, Params, readPage, TwilioApiError } from '../../core/wire';

export const VERIFY_BASE = 'https://verify.twilio.com/v2';
const ROUTE_BASE = '/verify/v2/Services';

export interface VerifyServiceRecord {
  sid: string;
  friendly_name: string;
  code_length: number;
  lookup_enabled: boolean;
  skip_sms_to_landlines: boolean;
  dtmf_input_required: boolean;
  tts_name: string | null;
  psd2_enabled: boolean;
  do_not_share_warning_enabled: boolean;
  custom_code_enabled: boolean;
  created: number;
  updated: number;
}

export const invalidParameter = (message: string): TwilioApiError =>
  new TwilioApiError(400, 60200, `Invalid parameter: ${message}`);

/** Twilio: "up to 30 characters long"; CodeLength "between 4 and 10, inclusive". */
const MAX_FRIENDLY_NAME = 30;

function applySettings(s: VerifyServiceRecord, form: Params): void {
  const name = first(form, 'FriendlyName');
  if (name !== undefined) {
    if (!name.trim() || name.length > MAX_FRIENDLY_NAME) {
      throw invalidParameter(`FriendlyName must be 1 to ${MAX_FRIENDLY_NAME} characters`);
    }
    s.friendly_name = name;
  }
  const length = first(form, 'CodeLength');
  if (length !== undefined) {
    const n = Number(length);
    if (!Number.isInteger(n) || n < 4 || n > 10) throw invalidParameter('CodeLength must be an integer from 4 to 10');
    s.code_length = n;
  }
  type Flag =
    | 'lookup_enabled'
    | 'skip_sms_to_landlines'
    | 'dtmf_input_required'
    | 'psd2_enabled'
    | 'do_not_share_warning_enabled'
    | 'custom_code_enabled';
  const flags: [Flag, string][] = [
    ['lookup_enabled', 'LookupEnabled'],
    ['skip_sms_to_landlines', 'SkipSmsToLandlines'],
    ['dtmf_input_required', 'DtmfInputRequired'],
    ['psd2_enabled', 'Psd2Enabled'],
    ['do_not_share_warning_enabled', 'DoNotShareWarningEnabled'],
    ['custom_code_enabled', 'CustomCodeEnabled'],
  ];
  for (const [field, param] of flags) {
    const v = bool(form, param);
    if (v !== undefined) s[field] = v;
  }
  const tts = first(form, 'TtsName');
  if (tts !== undefined) s.tts_name = tts || null;
}

export interface VerifyServices {
  /** The service, or Twilio's 20404. */
  get(sid: string): VerifyServiceRecord;
  /** Runs before a service is deleted (its verifications go with it). */
  onDelete(hook: (sid: string) => void): void;
}

export function registerVerifyServices(emu: Emulator): VerifyServices {
  const table = emu.state.table<VerifyServiceRecord>('verify_services', { key: (s) => s.sid, position: (s) => s.created });
  const deleteHooks: ((sid: string) => void)[] = [];
  const url = (sid: string): string => `${VERIFY_BASE}/Services/${sid}`;

  const wire = (s: VerifyServiceRecord): Record<string, unknown> => ({
    sid: s.sid,
    account_sid: emu.accountSid,
    friendly_name: s.friendly_name,
    code_length: s.code_length,
    lookup_enabled: s.lookup_enabled,
    psd2_enabled: s.psd2_enabled,
    skip_sms_to_landlines: s.skip_sms_to_landlines,
    dtmf_input_required: s.dtmf_input_required,
    tts_name: s.tts_name,
    do_not_share_warning_enabled: s.do_not_share_warning_enabled,
    custom_code_enabled: s.custom_code_enabled,
    push: { include_date: false, apn_credential_sid: null, fcm_credential_sid: null },
    totp: { issuer: s.friendly_name, time_step: 30, code_length: 6, skew: 1 },
    default_template_sid: null,
    whatsapp: { msg_service_sid: null, from: null },
    verify_event_subscription_enabled: false,
    date_created: iso8601(s.created),
    date_updated: iso8601(s.updated),
    url: url(s.sid),
    links: {
      verification_checks: `${url(s.sid)}/VerificationCheck`,
      verifications: `${url(s.sid)}/Verifications`,
      access_tokens: `${url(s.sid)}/AccessTokens`,
      entities: `${url(s.sid)}/Entities`,
      messaging_configurations: `${url(s.sid)}/MessagingConfigurations`,
      rate_limits: `${url(s.sid)}/RateLimits`,
      webhooks: `${url(s.sid)}/Webhooks`,
    },
  });

  const get = (sid: string): VerifyServiceRecord => {
    const s = table.get(sid);
    if (!s) throw notFound(`/v2/Services/${sid}`);
    return s;
  };

  emu.router.add('POST', ROUTE_BASE, (req) => {
    if (!first(req.form, 'FriendlyName')) throw invalidParameter('FriendlyName is required');
    const now = Date.now();
    const s: VerifyServiceRecord = {
      sid: newSid('VA'),
      friendly_name: '',
      code_length: 6,
      lookup_enabled: false,
      skip_sms_to_landlines: false,
      dtmf_input_required: true,
      tts_name: null,
      psd2_enabled: false,
      do_not_share_warning_enabled: false,
      custom_code_enabled: false,
      created: now,
      updated: now,
    };
    applySettings(s, req.form);
    table.save(s);
    return json(201, wire(s));
  });

  emu.router.add('GET', ROUTE_BASE, (req) => {
    const request = readPage(req.query);
    const found = table.page({ offset: request.page * request.pageSize, limit: request.pageSize });
    return json(200, pageV1('services', `${VERIFY_BASE}/Services`, found.items.map(wire), request, {}, found.more));
  });

  emu.router.add('GET', `${ROUTE_BASE}/{Sid}`, (req) => json(200, wire(get(req.params.Sid))));

  emu.router.add('POST', `${ROUTE_BASE}/{Sid}`, (req) => {
    const s = get(req.params.Sid);
    applySettings(s, req.form);
    s.updated = Date.now();
    table.save(s);
    return json(200, wire(s));
  });

  emu.router.add('DELETE', `${ROUTE_BASE}/{Sid}`, (req) => {
    const s = get(req.params.Sid);
    for (const hook of deleteHooks) hook(s.sid);
    table.delete(s.sid);
    return { status: 204 };
  });

  return { get, onDelete: (hook) => deleteHooks.push(hook) };
}
