/**
 * Messaging TwiML beyond a plain <Message>: <Redirect>, a <Message>'s action, statusCallback, to and from,
 * and the errors Twilio reports for a webhook's answer, driven through the control API's inbound SMS.
 */
import { eventually, useEmulator } from '../support/emulator';
import { twiml, useFakeService } from '../support/fake-service';

const t = useEmulator();
const fake = useFakeService(t);

const NUMBER = '+14155550111';
const HANDSET = '+14155559999';

interface InboundAnswer {
  message_sid: string;
  replies: string[];
  errors: { code: number; message: string; url: string }[];
  notes: string[];
  error_code?: number;
}

interface LogEntry {
  kind: string;
  method: string;
  path: string;
  status: number;
  error_code?: number;
}

let seq = 0;
/** Points the number's SmsUrl at a fresh path answering `answer`; returns the path. */
async function smsUrl(answer: Parameters<ReturnType<typeof fake>['on']>[1]): Promise<string> {
  const path = `/sms/${++seq}`;
  const url = fake().on(path, answer);
  const [number] = await t().client.incomingPhoneNumbers.list({ phoneNumber: NUMBER });
  await t().client.incomingPhoneNumbers(number.sid).update({ smsUrl: url, smsMethod: 'POST' });
  return path;
}

async function inbound(body: string, from = HANDSET): Promise<InboundAnswer> {
  const r = await t().control<InboundAnswer>('POST', '/_emulator/inbound-sms', { From: from, To: NUMBER, Body: body });
  expect(r.status).toBe(200);
  return r.body;
}

const fetchMessage = (sid: string) => t().client.messages(sid).fetch();

describe('<Redirect>', () => {
  it('fetches the next document, signed, with a relative URL resolved against the current one and its method', async () => {
    await smsUrl(twiml('<Redirect method="GET">../next/doc?step=2</Redirect><Message>never</Message>'));
    fake().on('/next/doc', twiml('<Message>from the redirected document</Message>'));
    const r = await inbound('hello');
    expect(r.errors).toEqual([]);
    const [hit] = fake().hitsTo('/next/doc');
    expect(hit).toMatchObject({ method: 'GET', signatureValid: true });
    expect(hit.params).toMatchObject({ step: '2', Body: 'hello', From: HANDSET, To: NUMBER, MessageSid: r.message_sid });
    expect(r.replies).toHaveLength(1);
    const reply = await fetchMessage(r.replies[0]);
    expect(reply).toMatchObject({ body: 'from the redirected document', from: NUMBER, to: HANDSET, direction: 'outbound-reply' });
  });

  it('ends a Redirect loop after a bounded number of documents', async () => {
    await smsUrl(twiml('<Redirect>/loop</Redirect>'));
    fake().on('/loop', twiml('<Message>again</Message><Redirect>/loop</Redirect>'));
    const before = fake().hitsTo('/loop').length;
    const r = await inbound('loop');
    expect(fake().hitsTo('/loop').length - before).toBe(9); // the webhook plus nine redirects: ten documents
    expect(r.replies).toHaveLength(9);
    expect(r.notes).toEqual([expect.stringContaining('at most 10 TwiML documents')]);
  });
});

describe('<Message> attributes', () => {
  it('sends to and from the given numbers, and its status callbacks go to statusCallback', async () => {
    await smsUrl(twiml('<Message to="+14155557777" from="+14155550100" statusCallback="/reply-status">forwarded</Message>'));
    fake().on('/reply-status', '');
    const r = await inbound('forward this');
    const reply = await fetchMessage(r.replies[0]);
    expect(reply).toMatchObject({ from: '+14155550100', to: '+14155557777', body: 'forwarded' });
    const hits = await fake().waitFor('/reply-status', 2);
    expect(hits.map((h) => [h.params.MessageSid, h.params.MessageStatus])).toEqual([
      [reply.sid, 'sent'],
      [reply.sid, 'delivered'],
    ]);
  });

  it('requests the action once the reply is sent, executes its TwiML, and never reaches the verbs after it', async () => {
    await smsUrl(twiml('<Message action="/after-send" method="POST">first</Message><Message>unreachable</Message>'));
    fake().on('/after-send', twiml('<Message>second, from the action</Message>'));
    const r = await inbound('start');
    expect(r.replies).toHaveLength(1);
    const [hit] = await fake().waitFor('/after-send');
    expect(hit.params).toMatchObject({ MessageSid: r.replies[0], MessageStatus: 'sent', SmsStatus: 'sent', Body: 'start' });
    const second = await eventually(async () => {
      const listed = await t().client.messages.list({ to: HANDSET, from: NUMBER, limit: 5 });
      return listed.find((m) => m.body === 'second, from the action');
    });
    expect(second.direction).toBe('outbound-reply');
    const bodies = (await t().client.messages.list({ to: HANDSET, limit: 20 })).map((m) => m.body);
    expect(bodies).not.toContain('unreachable');
  });
});

describe('errors Twilio reports about the answer', () => {
  const requestLog = async (): Promise<LogEntry[]> =>
    (await t().control<{ requests: LogEntry[] }>('GET', '/_emulator/requests')).body.requests;

  it.each([
    [11200, 'an HTTP 500', { status: 500, body: 'oops' }],
    [12300, 'a JSON answer', { contentType: 'application/json', body: '{"reply":"hi"}' }],
    [12100, 'malformed XML', { body: '<Response><Message>unclosed</Response>' }],
    [12100, 'a root other than <Response>', { body: '<Reply><Message>x</Message></Reply>' }],
    [12200, 'a voice verb', { body: twiml('<Say>hello</Say>') }],
  ])('error %d (%s) is in the answer and in the request log, and nothing is sent', async (code, _, answer) => {
    const path = await smsUrl(answer);
    const r = await inbound('hi');
    expect(r.replies).toEqual([]);
    expect(r.errors).toEqual([expect.objectContaining({ code, url: `${fake().url}${path}` })]);
    expect(r.error_code).toBe(code);
    const logged = (await requestLog()).filter((e) => e.kind === 'error' && e.path === path);
    expect(logged).toEqual([expect.objectContaining({ error_code: code, method: 'POST' })]);
  });

  it("an action's answer is executed later: its errors are in the request log", async () => {
    await smsUrl(twiml('<Message action="/broken-action">sent</Message>'));
    fake().on('/broken-action', { status: 502, body: 'bad gateway' });
    const r = await inbound('act');
    expect(r.errors).toEqual([]);
    const logged = await eventually(async () => {
      const entries = (await requestLog()).filter((e) => e.kind === 'error' && e.path === '/broken-action');
      return entries.length ? entries : undefined;
    });
    expect(logged).toEqual([expect.objectContaining({ error_code: 11200, status: 502 })]);
  });

  it('a service that does not answer is 11200', async () => {
    const [number] = await t().client.incomingPhoneNumbers.list({ phoneNumber: NUMBER });
    await t().client.incomingPhoneNumbers(number.sid).update({ smsUrl: 'http://127.0.0.1:9/unreachable' });
    const r = await inbound('anyone there?');
    expect(r.errors).toEqual([expect.objectContaining({ code: 11200, url: 'http://127.0.0.1:9/unreachable' })]);
  });

  it('an empty answer is no reply and no error', async () => {
    await smsUrl({ status: 204, body: '' });
    const r = await inbound('quiet');
    expect(r).toMatchObject({ replies: [], errors: [] });
  });

  it('a reply Twilio refuses is reported with its REST code, and the verbs after it still run', async () => {
    await smsUrl(twiml('<Message to="not-a-number">bad</Message><Message>good</Message>'));
    const r = await inbound('two replies');
    expect(r.errors).toEqual([expect.objectContaining({ code: 21211 })]);
    expect(r.replies).toHaveLength(1);
  });
});
