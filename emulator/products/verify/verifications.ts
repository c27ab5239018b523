/**
 * Verify v2 Verifications and VerificationCheck, SMS channel:
 * - Creating a verification sends the code as an SMS from VERIFY_SENDER to the handset: it is an outbound
 *   message in the Messages list, and `GET /_emulator/verify/codes?to=` answers the latest code sent there.
 *   A second create for the same To while one is pending resends the same code (a new send attempt);
 *   the sixth send is 60203 (429). A number the emulated Lookup calls a landline is 60205.
 * - A check with the right Code (and To or VerificationSid) approves it; a wrong one leaves it pending;
 *   after five checks the next is 60202 (429). A verification that is no longer pending cannot be
 *   checked (20404), and ten minutes after its creation it is gone (20404 for fetch and check).
 * Limits and codes: https://www.twilio.com/docs/verify/api/rate-limits-and-timeouts, errors 60200-60205.
 */
import { randomInt } from 'crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Emulator } from '../../core/emulator';
import { json } from '../../core/router';
import { first, iso8601, newSid, notFound, TwilioApiError } from '../../core/wire';
import { lineTypeFor } from '../lookups';
import type { MessagesApi } from '../messages';
import { invalidParameter, VERIFY_BASE, VerifyServices } from './services';

/** The number Verify's SMS come from (Twilio sends them from its own senders, not the account's numbers). */
export const VERIFY_SENDER = '+18005550100';
export const VERIFICATION_TTL_MS = 10 * 60_000;
const MAX_SENDS = 5;
const MAX_CHECKS = 5;

type VerificationStatus = 'pending' | 'approved' | 'canceled';

interface VerificationRecord {
  sid: string;
  service_sid: string;
  to: string;
  channel: 'sms';
  status: VerificationStatus;
  code: string;
  checks: number;
  sends: { attempt_sid: string; channel: 'sms'; time: string; message_sid: string }[];
  created: number;
  updated: number;
}

const pendingKey = (service: string, to: string): string => `${service}|${to}`;

export function registerVerifications(emu: Emulator, deps: { services: VerifyServices; messages: MessagesApi }): void {
  const verifications = emu.state.table<VerificationRecord>('verify_verifications', {
    key: (v) => v.sid,
    position: (v) => v.created,
    indexes: {
      Service: (v) => v.service_sid,
      To: (v) => v.to,
      Pending: (v) => (v.status === 'pending' ? pendingKey(v.service_sid, v.to) : undefined),
    },
    expires: (v) => v.created + VERIFICATION_TTL_MS,
  });
  deps.services.onDelete((sid) => {
    for (const v of verifications.page({ eq: { Service: sid }, limit: Infinity }).items) verifications.delete(v.sid);
  });

  const base = '/verify/v2/Services/{ServiceSid}';
  const url = (v: VerificationRecord): string => `${VERIFY_BASE}/Services/${v.service_sid}/Verifications/${v.sid}`;

  const carrierOf = (to: string): Record<string, unknown> => {
    const parsed = parsePhoneNumberFromString(to);
    const line = parsed ? lineTypeFor(parsed.number, parsed.getType()) : null;
    const type = line?.type === 'mobile' || line?.type === 'landline' ? line.type : line ? 'voip' : null;
    return {
      carrier: {
        error_code: null,
        name: line?.carrier_name ?? null,
        mobile_country_code: line?.mobile_country_code ?? null,
        mobile_network_code: line?.mobile_network_code ?? null,
        type,
      },
    };
  };

  const wire = (v: VerificationRecord): Record<string, unknown> => ({
    sid: v.sid,
    service_sid: v.service_sid,
    account_sid: emu.accountSid,
    to: v.to,
    channel: v.channel,
    status: v.status,
    valid: v.status === 'approved',
    lookup: carrierOf(v.to),
    amount: null,
    payee: null,
    send_code_attempts: v.sends.map(({ attempt_sid, channel, time }) => ({ attempt_sid, channel, time })),
    date_created: iso8601(v.created),
    date_updated: iso8601(v.updated),
    sna: null,
    url: url(v),
  });

  const wireCheck = (v: VerificationRecord): Record<string, unknown> => ({
    sid: v.sid,
    service_sid: v.service_sid,
    account_sid: emu.accountSid,
    to: v.to,
    channel: v.channel,
    status: v.status,
    valid: v.status === 'approved',
    amount: null,
    payee: null,
    date_created: iso8601(v.created),
    date_updated: iso8601(v.updated),
    sna_attempts_error_codes: [],
  });

  const sendCode = (v: VerificationRecord, friendlyName: string): void => {
    const m = deps.messages.create({
      from: VERIFY_SENDER,
      to: v.to,
      body: `Your ${friendlyName} verification code is: ${v.code}`,
      media: [],
      direction: 'outbound-api',
      statusCallback: '',
    });
    v.sends.push({ attempt_sid: newSid('VL'), channel: 'sms', time: iso8601(Date.now()), message_sid: m.sid });
  };

  const pendingFor = (service: string, to: string): VerificationRecord | undefined =>
    verifications.page({ eq: { Pending: pendingKey(service, to) }, desc: true, limit: 1 }).items[0];

  const inService = (service: string, sid: string): VerificationRecord => {
    const v = verifications.get(sid);
    if (!v || v.service_sid !== service) throw notFound(`/v2/Services/${service}/Verifications/${sid}`);
    return v;
  };

  emu.router.add('POST', `${base}/Verifications`, (req) => {
    const service = deps.services.get(req.params.ServiceSid);
    const to = first(req.form, 'To');
    const channel = first(req.form, 'Channel');
    if (!to) throw invalidParameter('To is required');
    if (!channel) throw invalidParameter('Channel is required');
    if (channel !== 'sms') throw invalidParameter(`Channel ${channel} is not emulated (only sms is)`);
    const parsed = parsePhoneNumberFromString(to);
    if (!/^\+\d+$/.test(to) || !parsed?.isValid()) throw invalidParameter(`To ${to} is not a valid phone number in E.164`);
    if (lineTypeFor(parsed.number, parsed.getType()).type === 'landline') {
      throw new TwilioApiError(400, 60205, 'SMS is not supported by landline phone number');
    }
    const now = Date.now();
    const existing = pendingFor(service.sid, to);
    if (existing) {
      if (existing.sends.length >= MAX_SENDS) throw new TwilioApiError(429, 60203, 'Max send attempts reached');
      sendCode(existing, service.friendly_name);
      existing.updated = now;
      verifications.save(existing);
      return json(201, wire(existing));
    }
    const v: VerificationRecord = {
      sid: newSid('VE'),
      service_sid: service.sid,
      to,
      channel: 'sms',
      status: 'pending',
      code: String(randomInt(0, 10 ** service.code_length)).padStart(service.code_length, '0'),
      checks: 0,
      sends: [],
      created: now,
      updated: now,
    };
    sendCode(v, service.friendly_name);
    verifications.save(v);
    return json(201, wire(v));
  });

  emu.router.add('GET', `${base}/Verifications/{Sid}`, (req) => {
    const service = deps.services.get(req.params.ServiceSid);
    return json(200, wire(inService(service.sid, req.params.Sid)));
  });

  emu.router.add('POST', `${base}/Verifications/{Sid}`, (req) => {
    const service = deps.services.get(req.params.ServiceSid);
    const status = first(req.form, 'Status');
    if (status !== 'canceled' && status !== 'approved') throw invalidParameter('Status must be canceled or approved');
    const v = inService(service.sid, req.params.Sid);
    if (v.status !== 'pending') throw notFound(`/v2/Services/${service.sid}/Verifications/${v.sid}`);
    v.status = status;
    v.updated = Date.now();
    verifications.save(v);
    return json(200, wire(v));
  });

  emu.router.add('POST', `${base}/VerificationCheck`, (req) => {
    const service = deps.services.get(req.params.ServiceSid);
    const code = first(req.form, 'Code');
    const to = first(req.form, 'To');
    const sid = first(req.form, 'VerificationSid');
    if (!code) throw invalidParameter('Code is required');
    if (!to && !sid) throw invalidParameter('To or VerificationSid is required');
    const v = sid ? verifications.get(sid) : pendingFor(service.sid, to ?? '');
    if (!v || v.service_sid !== service.sid || v.status !== 'pending' || (to && sid && v.to !== to)) {
      throw notFound(`/v2/Services/${service.sid}/VerificationCheck`);
    }
    if (v.checks >= MAX_CHECKS) throw new TwilioApiError(429, 60202, `Max check attempts reached`);
    v.checks++;
    if (code === v.code) v.status = 'approved';
    v.updated = Date.now();
    verifications.save(v);
    return json(200, wireCheck(v));
  });

  // Control API: the code most recently sent to a handset, as the handset's owner would read it.
  emu.router.add(
    'GET',
    '/_emulator/verify/codes',
    (req) => {
      const to = first(req.query, 'to') ?? first(req.query, 'To');
      if (!to) throw new TwilioApiError(400, 20001, 'Pass the handset number as ?to=');
      const service = first(req.query, 'service_sid');
      const [v] = verifications.page({
        eq: { To: to },
        desc: true,
        ...(service ? { where: (r: VerificationRecord) => r.service_sid === service } : {}),
        limit: 1,
      }).items;
      if (!v) throw new TwilioApiError(404, 20404, `No verification code was sent to ${to}`);
      return json(200, {
        to: v.to,
        code: v.code,
        service_sid: v.service_sid,
        verification_sid: v.sid,
        status: v.status,
        message_sid: v.sends[v.sends.length - 1]?.message_sid ?? null,
        sent_at: v.sends[v.sends.length - 1]?.time ?? null,
      });
    },
    { auth: false },
  );
}
