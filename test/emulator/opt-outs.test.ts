/**
 * Opt-out keywords as Twilio handles them for long codes: the handset is opted out of the number it
 * texted (21610 afterwards), Twilio answers with its own auto-reply, and the webhook still arrives
 * with OptOutType.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startTestEmulator, useEmulator } from '../support/emulator';
import { twiml, useFakeService } from '../support/fake-service';
import { AUTO_REPLIES } from '../../emulator/products/messaging/opt-outs';

const t = useEmulator();
const fake = useFakeService(t);

const NUMBER = '+14155550111';
const OTHER_NUMBER = '+14155550100';

interface InboundAnswer {
  message_sid: string;
  opt_out_type: string | null;
  auto_reply: string | null;
  replies: string[];
  errors: { code: number; message: string }[];
}

let seq = 0;
const handset = (): string => `+1415555${String(2000 + ++seq)}`;

beforeAll(async () => {
  const [number] = await t().client.incomingPhoneNumbers.list({ phoneNumber: NUMBER });
  await t()
    .client.incomingPhoneNumbers(number.sid)
    .update({ smsUrl: fake().on('/sms', twiml('<Message>Thanks!</Message>')) });
});

async function inbound(from: string, body: string): Promise<InboundAnswer> {
  const r = await t().control<InboundAnswer>('POST', '/_emulator/inbound-sms', { From: from, To: NUMBER, Body: body });
  expect(r.status).toBe(200);
  return r.body;
}

const send = (from: string, to: string) => t().client.messages.create({ from, to, body: 'news' });

describe('opt-out keywords', () => {
  it.each(['STOP', ' stop ', 'Unsubscribe', 'cancel', 'END', 'quit', 'STOPALL', 'revoke', 'OPTOUT'])(
    '%p opts the handset out of that number only, with Twilio auto-reply and OptOutType=STOP',
    async (keyword) => {
      const from = handset();
      const r = await inbound(from, keyword);
      expect(r.opt_out_type).toBe('STOP');
      const hit = fake()
        .hitsTo('/sms')
        .find((h) => h.params.MessageSid === r.message_sid);
      expect(hit?.params).toMatchObject({ OptOutType: 'STOP', Body: keyword });
      const autoReply = await t()
        .client.messages(r.auto_reply ?? '')
        .fetch();
      expect(autoReply).toMatchObject({ from: NUMBER, to: from, body: AUTO_REPLIES.STOP, direction: 'outbound-reply' });
      // The service's own TwiML reply is refused like any later message.
      expect(r.replies).toEqual([]);
      expect(r.errors).toEqual([expect.objectContaining({ code: 21610, message: 'Attempt to send to unsubscribed recipient' })]);
      await expect(send(NUMBER, from)).rejects.toMatchObject({ status: 400, code: 21610 });
      await expect(send(OTHER_NUMBER, from)).resolves.toMatchObject({ status: 'queued' });
    },
  );

  it.each(['START', 'yes', 'Unstop'])('%p opts back in, with OptOutType=START and Twilio auto-reply', async (keyword) => {
    const from = handset();
    await inbound(from, 'STOP');
    await expect(send(NUMBER, from)).rejects.toMatchObject({ code: 21610 });
    const r = await inbound(from, keyword);
    expect(r.opt_out_type).toBe('START');
    expect(
      (
        await t()
          .client.messages(r.auto_reply ?? '')
          .fetch()
      ).body,
    ).toBe(AUTO_REPLIES.START);
    expect(r.errors).toEqual([]);
    expect(r.replies).toHaveLength(1);
    await expect(send(NUMBER, from)).resolves.toMatchObject({ status: 'queued' });
  });

  it.each(['HELP', 'info'])('%p answers with the help text and changes nothing', async (keyword) => {
    const from = handset();
    const r = await inbound(from, keyword);
    expect(r.opt_out_type).toBe('HELP');
    expect(
      (
        await t()
          .client.messages(r.auto_reply ?? '')
          .fetch()
      ).body,
    ).toBe(AUTO_REPLIES.HELP);
    const hit = fake()
      .hitsTo('/sms')
      .find((h) => h.params.MessageSid === r.message_sid);
    expect(hit?.params.OptOutType).toBe('HELP');
    await expect(send(NUMBER, from)).resolves.toMatchObject({ status: 'queued' });
  });

  it('a keyword inside a longer message is an ordinary message', async () => {
    const from = handset();
    const r = await inbound(from, 'please stop');
    expect(r).toMatchObject({ opt_out_type: null, auto_reply: null, errors: [] });
    const hit = fake()
      .hitsTo('/sms')
      .find((h) => h.params.MessageSid === r.message_sid);
    expect(hit?.params.OptOutType).toBeUndefined();
    await expect(send(NUMBER, from)).resolves.toMatchObject({ status: 'queued' });
  });
});

describe('opt-outs across restarts', () => {
  it('a handset that opted out stays opted out after a clean stop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-optout-'));
    const first = await startTestEmulator({ stateDir: dir, functionsBaseUrl: 'http://127.0.0.1:9' });
    const from = handset();
    const r = await first.control<InboundAnswer>('POST', '/_emulator/inbound-sms', {
      From: from,
      To: OTHER_NUMBER,
      Body: 'STOP',
    });
    expect(r.body.opt_out_type).toBe('STOP');
    await first.close();
    const second = await startTestEmulator({ stateDir: dir });
    try {
      await expect(second.client.messages.create({ from: OTHER_NUMBER, to: from, body: 'x' })).rejects.toMatchObject({
        code: 21610,
      });
    } finally {
      await second.close();
    }
  });
});
