/**
 * Messages (API 2010): SMS, MMS and WhatsApp. Outbound messages move queued -> sent -> delivered
 * (or failed / undelivered for the test destinations below) and post signed status callbacks.
 * `POST /_emulator/inbound-sms` delivers a message to one of the account's numbers: the number's
 * SmsUrl gets Twilio's signed webhook and any <Message> in its TwiML answer is sent back.
 *
 * Test destinations (last four digits of To): 0300 -> failed (30008), 0301 -> undelivered (30003).
 */
import type { Emulator } from '../core/emulator';
import { json, EmuRequest } from '../core/router';
import { parseXml, XmlElement, XmlError } from '../core/xml';
import { all, badParam, first, newSid, notFound, page2010, readPage, rfc2822, TwilioApiError } from '../core/wire';
import type { NumbersApi } from './numbers';
import type { MediaApi } from './media';
import { Charge, messageCharge, priceString } from './pricing';
import { usageMeter } from './usage/meter';

export type MessageStatus = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'received' | 'canceled';

export interface MessageRecord {
  sid: string;
  from: string;
  to: string;
  body: string;
  media: string[];
  direction: 'inbound' | 'outbound-api' | 'outbound-reply';
  status: MessageStatus;
  status_callback: string;
  error_code: number | null;
  error_message: string | null;
  price: string | null;
  created: number;
  updated: number;
  sent: number | null;
}

export interface MessagesApi {
  create(m: {
    from: string;
    to: string;
    body: string;
    media: string[];
    direction: MessageRecord['direction'];
    statusCallback: string;
  }): MessageRecord;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const FAILURES: Record<string, { status: MessageStatus; code: number; message: string }> = {
  '0300': { status: 'failed', code: 30008, message: 'Unknown error' },
  '0301': { status: 'undelivered', code: 30003, message: 'Unreachable destination handset' },
};

/** GSM-7 text fits 160 characters in one segment (153 when split); anything else is UCS-2 (70/67). */
export function segments(body: string): number {
  if (!body) return 1;
  const gsm = /^[\n\r !"#$%&'()*+,\-./0-9:;<=>?@A-Z_a-z£¥§¿ÄÅÆÉÑÖØÜßàäåæçèéìñòöøùüΓΔΘΛΞΠΣΦΨΩ€^{}\\[~\]|]*$/.test(body);
  const chars = [...body].length;
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  return chars <= single ? 1 : Math.ceil(chars / multi);
}

const bare = (address: string): string => address.replace(/^whatsapp:/, '');

/** What a message costs once final (sent, or received), from the price table. */
export function messageChargeOf(
  m: Pick<MessageRecord, 'from' | 'to' | 'body' | 'media' | 'direction' | 'sent' | 'created'>,
): Charge {
  const channel = m.to.startsWith('whatsapp:') ? 'whatsapp' : m.media.length ? 'mms' : 'sms';
  const direction = m.direction === 'inbound' ? 'inbound' : 'outbound';
  return messageCharge({ channel, direction, segments: segments(m.body) }, m.sent ?? m.created);
}
const DAY = 86_400_000;
/** Messages kept (oldest pruned first): a year of heavy local use. */
const RETAIN = 250_000;
const IN_FLIGHT_SCAN = 1000;

/** A few conversations with handsets over the last days, so the first listing shows data. */
export function sampleMessages(now: number, numbers: { phone_number: string }[]): MessageRecord[] {
  const own = numbers.map((n) => n.phone_number);
  if (!own.length) return [];
  const conversation: [number, 'inbound' | 'outbound-api', string, string, string][] = [
    [3 * DAY, 'inbound', '+14155551234', own[0], 'Hi, is my order ready for pickup?'],
    [3 * DAY - 120_000, 'outbound-api', own[0], '+14155551234', 'Yes! It is ready at the front desk until 6pm.'],
    [DAY + 3_600_000, 'inbound', '+14155559876', own[own.length - 1], 'Can someone call me back about my bill?'],
    [DAY + 3_000_000, 'outbound-api', own[own.length - 1], '+14155559876', 'An agent will call you within the hour.'],
    [600_000, 'inbound', '+447700900123', own[0], 'Thanks for the quick help today'],
  ];
  return conversation.map(([ago, direction, from, to, body]) => {
    const at = now - ago;
    const m: MessageRecord = {
      sid: newSid('SM'),
      from,
      to,
      body,
      media: [],
      direction,
      status: direction === 'inbound' ? 'received' : 'delivered',
      status_callback: '',
      error_code: null,
      error_message: null,
      price: null,
      created: at,
      updated: at + (direction === 'inbound' ? 0 : 2000),
      sent: at,
    };
    m.price = priceString(messageChargeOf(m).micros);
    return m;
  });
}

export function registerMessages(emu: Emulator, deps: { numbers: NumbersApi; media: MediaApi }): MessagesApi {
  const meter = usageMeter(emu.state);
  const messages = emu.state.table<MessageRecord>('messages', {
    key: (m) => m.sid,
    position: (m) => m.created,
    indexes: { To: (m) => m.to, From: (m) => m.from },
    retain: RETAIN,
    seed: () => {
      const sample = sampleMessages(Date.now(), deps.numbers.all());
      for (const m of sample) meter.charge(messageChargeOf(m));
      return sample;
    },
  });
  const base = '/api/2010-04-01/Accounts/{AccountSid}/Messages';
  const uri = (sid: string): string => `/2010-04-01/Accounts/${emu.accountSid}/Messages/${sid}.json`;

  const wire = (m: MessageRecord): Record<string, unknown> => ({
    account_sid: emu.accountSid,
    api_version: '2010-04-01',
    body: m.body,
    date_created: rfc2822(m.created),
    date_sent: m.sent === null ? null : rfc2822(m.sent),
    date_updated: rfc2822(m.updated),
    direction: m.direction,
    error_code: m.error_code,
    error_message: m.error_message,
    from: m.from,
    messaging_service_sid: null,
    num_media: String(m.media.length),
    num_segments: String(segments(m.body)),
    price: m.price,
    price_unit: 'USD',
    sid: m.sid,
    status: m.status,
    subresource_uris: {
      media: `/2010-04-01/Accounts/${emu.accountSid}/Messages/${m.sid}/Media.json`,
      feedback: `/2010-04-01/Accounts/${emu.accountSid}/Messages/${m.sid}/Feedback.json`,
    },
    to: m.to,
    uri: uri(m.sid),
  });

  const postStatus = async (m: MessageRecord): Promise<void> => {
    if (!m.status_callback) return;
    const params: Record<string, string> = {
      AccountSid: emu.accountSid,
      ApiVersion: '2010-04-01',
      From: m.from,
      To: m.to,
      MessageSid: m.sid,
      SmsSid: m.sid,
      MessageStatus: m.status,
      SmsStatus: m.status,
    };
    if (m.error_code !== null) params.ErrorCode = String(m.error_code);
    await emu.webhook(m.status_callback, params);
  };

  const advance = (sid: string): void => {
    emu.schedule(emu.stepMs, async () => {
      const m = messages.get(sid);
      if (!m || (m.status !== 'queued' && m.status !== 'sent')) return;
      const now = Date.now();
      if (m.status === 'queued') {
        m.status = 'sent';
        m.sent = now;
        const charge = messageChargeOf(m);
        m.price = priceString(charge.micros);
        meter.charge(charge);
        advance(sid);
      } else {
        const failure = FAILURES[bare(m.to).slice(-4)];
        if (failure) {
          m.status = failure.status;
          m.error_code = failure.code;
          m.error_message = failure.message;
        } else {
          m.status = 'delivered';
        }
      }
      m.updated = now;
      messages.save(m);
      await postStatus(m);
    });
  };

  const create: MessagesApi['create'] = (input) => {
    const now = Date.now();
    const m: MessageRecord = {
      sid: newSid(input.media.length ? 'MM' : 'SM'),
      from: input.from,
      to: input.to,
      body: input.body,
      media: input.media,
      direction: input.direction,
      status: input.direction === 'inbound' ? 'received' : 'queued',
      status_callback: input.statusCallback,
      error_code: null,
      error_message: null,
      price: null,
      created: now,
      updated: now,
      sent: input.direction === 'inbound' ? now : null,
    };
    if (m.direction === 'inbound') {
      // A received message is final as it arrives.
      const charge = messageChargeOf(m);
      m.price = priceString(charge.micros);
      meter.charge(charge);
    }
    messages.save(m);
    deps.media.attach(m.sid, input.media, now);
    if (m.status === 'queued') advance(m.sid);
    return m;
  };

  // Messages in flight when the emulator last stopped carry on where they were.
  // A message stays queued or sent for a few steps only, so the newest records hold every one in flight.
  for (const m of messages.page({ desc: true, limit: IN_FLIGHT_SCAN }).items) {
    if (m.status === 'queued' || m.status === 'sent') advance(m.sid);
  }

  const get = (req: EmuRequest): MessageRecord => {
    const m = messages.get(req.params.Sid);
    if (!m) throw notFound(uri(req.params.Sid));
    return m;
  };

  emu.router.add('POST', `${base}.json`, (req) => {
    const to = first(req.form, 'To');
    const from = first(req.form, 'From');
    const body = first(req.form, 'Body') ?? '';
    const media = all(req.form, 'MediaUrl');
    if (!to) throw badParam("A 'To' phone number is required.", 21604);
    if (!from && !first(req.form, 'MessagingServiceSid')) throw badParam("A 'From' phone number is required.", 21603);
    if (!from) throw badParam('Messaging Services are not emulated; pass From.', 21603);
    if (!body && media.length === 0) throw badParam('Message body is required.', 21602);
    if (body.length > 1600) throw badParam('The concatenated message body exceeds the 1600 character limit.', 21617);
    if (media.length > 10) throw badParam('Too many media URLs (at most 10).', 21623);
    for (const u of media) if (!/^https?:\/\/\S+$/.test(u)) throw badParam(`The media URL ${u} is invalid.`, 21620);
    const channel = to.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
    if ((from.startsWith('whatsapp:') ? 'whatsapp' : 'sms') !== channel) {
      throw badParam('To and From must use the same channel.', 21910);
    }
    if (!E164.test(bare(to))) throw badParam(`The 'To' number ${to} is not a valid phone number.`, 21211);
    if (!deps.numbers.byPhone(from)) {
      throw channel === 'whatsapp'
        ? new TwilioApiError(400, 63007, 'Twilio could not find a Channel with the specified From address')
        : badParam(
            `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
            21606,
          );
    }
    const statusCallback = first(req.form, 'StatusCallback') ?? '';
    if (statusCallback && !/^https?:\/\//.test(statusCallback)) throw badParam('StatusCallback is not a valid URL.', 21609);
    return json(201, wire(create({ from, to, body, media, direction: 'outbound-api', statusCallback })));
  });

  emu.router.add('GET', `${base}.json`, (req) => {
    const to = first(req.query, 'To');
    const from = first(req.query, 'From');
    const on = first(req.query, 'DateSent');
    const before = first(req.query, 'DateSent<');
    const after = first(req.query, 'DateSent>');
    const day = (v: string): number => {
      const t = Date.parse(`${v.slice(0, 10)}T00:00:00Z`);
      if (Number.isNaN(t)) throw badParam(`Invalid date: ${v}`, 20001);
      return t;
    };
    // DateSent is never before DateCreated, so an upper bound on DateSent bounds the scan by creation time.
    const sentBefore = Math.min(on ? day(on) + DAY : Infinity, before ? day(before) + DAY : Infinity);
    const sentFrom = Math.max(on ? day(on) : -Infinity, after ? day(after) : -Infinity);
    const dated = on !== undefined || before !== undefined || after !== undefined;
    const request = readPage(req.query);
    const eq: Record<string, string> = {};
    if (to) eq.To = to;
    if (from) eq.From = from;
    const found = messages.page({
      eq,
      desc: true,
      ...(Number.isFinite(sentBefore) ? { max: sentBefore, maxExclusive: true } : {}),
      ...(dated ? { where: (m: MessageRecord) => m.sent !== null && m.sent >= sentFrom && m.sent < sentBefore } : {}),
      offset: request.page * request.pageSize,
      limit: request.pageSize,
    });
    const path = `/2010-04-01/Accounts/${emu.accountSid}/Messages.json`;
    const filters = { To: to, From: from, DateSent: on, 'DateSent<': before, 'DateSent>': after };
    return json(200, page2010('messages', path, found.items.map(wire), request, filters, found.more));
  });

  emu.router.add('GET', `${base}/{Sid}.json`, (req) => json(200, wire(get(req))));

  emu.router.add('POST', `${base}/{Sid}.json`, (req) => {
    const m = get(req);
    const body = first(req.form, 'Body');
    const status = first(req.form, 'Status');
    if (body !== undefined) {
      if (body !== '') throw badParam('Body can only be redacted (set to an empty string).', 20001);
      if (m.status === 'queued' || m.status === 'sent') throw badParam('Cannot redact a message that is still in flight.', 20009);
      m.body = '';
    }
    if (status !== undefined) {
      if (status !== 'canceled') throw badParam('Status can only be set to canceled.', 20001);
      if (m.status !== 'queued') throw badParam('Only queued messages can be canceled.', 30409);
      m.status = 'canceled';
    }
    m.updated = Date.now();
    messages.save(m);
    return json(200, wire(m));
  });

  emu.router.add('DELETE', `${base}/{Sid}.json`, (req) => {
    const m = get(req);
    if (m.status === 'queued' || m.status === 'sent') throw badParam('Cannot delete a message that is still in flight.', 20009);
    messages.delete(m.sid);
    deps.media.detach(m.sid);
    return { status: 204 };
  });

  // Control API: an inbound message from a handset to one of the account's numbers.
  emu.router.add(
    'POST',
    '/_emulator/inbound-sms',
    async (req) => {
      const input = (req.json ?? {}) as Record<string, unknown>;
      const from = typeof input.From === 'string' ? input.From : '';
      const to = typeof input.To === 'string' ? input.To : '';
      const body = typeof input.Body === 'string' ? input.Body : '';
      const mediaIn = input.MediaUrl;
      const media =
        typeof mediaIn === 'string'
          ? [mediaIn]
          : Array.isArray(mediaIn)
            ? mediaIn.filter((u): u is string => typeof u === 'string')
            : [];
      if (!E164.test(bare(from))) throw badParam('From must be an E.164 number (optionally whatsapp:-prefixed)', 21211);
      const number = deps.numbers.byPhone(to);
      if (!number) throw new TwilioApiError(404, 20404, `${to} is not one of this account's numbers`);
      const route = deps.numbers.smsRoute(number);
      if (!route.url) throw badParam(`${to} has no SmsUrl configured (nor a TwiML App with one)`, 21606);
      const m = create({ from, to, body, media, direction: 'inbound', statusCallback: '' });
      const params: Record<string, string> = {
        ToCountry: number.iso_country,
        ToState: number.region,
        SmsMessageSid: m.sid,
        NumMedia: String(media.length),
        ToCity: number.locality.toUpperCase(),
        FromZip: '',
        SmsSid: m.sid,
        FromState: '',
        SmsStatus: 'received',
        FromCity: '',
        Body: body,
        FromCountry: '',
        To: to,
        ToZip: '',
        NumSegments: String(segments(body)),
        MessageSid: m.sid,
        AccountSid: emu.accountSid,
        From: from,
        ApiVersion: '2010-04-01',
      };
      Object.assign(params, deps.media.webhookParams(m.sid));
      if (to.startsWith('whatsapp:')) params.ProfileName = 'Emulated WhatsApp user';
      if (route.applicationSid) params.ApplicationSid = route.applicationSid;
      const result = await emu.webhook(route.url, params, route.method);
      const replies: string[] = [];
      let twimlError: string | undefined;
      if (result.status === 200 && /xml/.test(result.contentType)) {
        try {
          for (const reply of messageVerbs(parseXml(result.body))) {
            replies.push(
              create({
                from: to,
                to: from,
                body: reply.body,
                media: reply.media,
                direction: 'outbound-reply',
                statusCallback: '',
              }).sid,
            );
          }
        } catch (err) {
          twimlError = err instanceof XmlError ? err.message : String(err);
        }
      }
      return json(200, {
        message_sid: m.sid,
        webhook: { url: route.url, status: result.status, content_type: result.contentType, error: result.error ?? null },
        twiml: result.body,
        replies,
        ...(twimlError ? { error_code: 12100, error: twimlError } : {}),
      });
    },
    { auth: false },
  );

  return { create };
}

/** The replies a Messaging TwiML document asks for. */
function messageVerbs(root: XmlElement): { body: string; media: string[] }[] {
  if (root.name !== 'Response') throw new XmlError('the root element must be <Response>');
  return root.children
    .filter((c) => c.name === 'Message')
    .map((c) => {
      const bodyEl = c.children.find((x) => x.name === 'Body');
      return { body: bodyEl ? bodyEl.text : c.text, media: c.children.filter((x) => x.name === 'Media').map((x) => x.text) };
    });
}
