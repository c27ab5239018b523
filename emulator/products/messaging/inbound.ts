/**
 * Control API: `POST /_emulator/inbound-sms` delivers a message from a handset to one of the account's
 * numbers, as Twilio does: opt-out keywords first (opt-outs.ts: Twilio's auto-reply, and the handset's
 * opt-out recorded), then the number's SmsUrl gets Twilio's signed webhook and its TwiML answer is
 * executed (twiml.ts). The answer shows the webhook's result, the replies sent and any TwiML errors.
 */
import type { Emulator } from '../../core/emulator';
import { json } from '../../core/router';
import { badParam, TwilioApiError } from '../../core/wire';
import type { MediaApi } from '../media';
import { bare, E164, MessagesApi, segments } from '../messages';
import type { NumbersApi } from '../numbers';
import { AUTO_REPLIES, OptOuts, optOutType } from './opt-outs';
import { MessagingTwiml, TwimlOutcome } from './twiml';

export function registerInboundSms(
  emu: Emulator,
  deps: { numbers: NumbersApi; media: MediaApi; messages: MessagesApi; optOuts: OptOuts },
): void {
  const twiml = new MessagingTwiml(emu, deps.messages);

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
      const m = deps.messages.create({ from, to, body, media, direction: 'inbound', statusCallback: '' });
      const keyword = optOutType(from, body);
      let autoReply: string | null = null;
      if (keyword) {
        deps.optOuts.apply(keyword, to, from);
        autoReply = deps.messages.create({
          from: to,
          to: from,
          body: AUTO_REPLIES[keyword],
          media: [],
          direction: 'outbound-reply',
          statusCallback: '',
        }).sid;
      }
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
      if (keyword) params.OptOutType = keyword;
      const result = await emu.webhook(route.url, params, route.method);
      const outcome: TwimlOutcome = { replies: [], errors: [], notes: [] };
      await twiml.run({ number: to, handset: from, params }, { url: route.url, method: route.method, result }, outcome);
      const [firstError] = outcome.errors;
      return json(200, {
        message_sid: m.sid,
        opt_out_type: keyword,
        auto_reply: autoReply,
        webhook: { url: route.url, status: result.status, content_type: result.contentType, error: result.error ?? null },
        twiml: result.body,
        replies: outcome.replies,
        errors: outcome.errors,
        notes: outcome.notes,
        // The first error, as earlier versions of this answer reported it.
        ...(firstError ? { error_code: firstError.code, error: firstError.message } : {}),
      });
    },
    { auth: false },
  );
}
