/**
 * Messaging TwiML, executed as Twilio executes the answer to an inbound message's webhook:
 * - <Message> sends a reply: from the number that received the message to the handset, unless its `from`
 *   and `to` attributes say otherwise; text from its <Body> noun (or itself) and <Media> nouns. Its
 *   `statusCallback` receives the reply's status callbacks. With an `action`, once the reply has left the
 *   queue Twilio requests that URL (`method`, default POST) with the reply's MessageSid and MessageStatus
 *   and executes the TwiML it answers; verbs after such a <Message> are never reached.
 * - <Redirect> fetches the next document (`method`, default POST) with the inbound message's parameters;
 *   verbs after it are never reached.
 * Relative URLs resolve against the URL of the document they are in. Every document request is signed
 * like the webhook. Errors as Twilio's debugger reports them, in the outcome and in the request log:
 * 11200 (no answer, or not 2xx), 12300 (an answer that is not XML), 12100 (not well-formed, or the root
 * is not <Response>), 12200 (a verb Messaging TwiML does not have), 11100 (a URL that does not resolve),
 * and a reply Twilio refuses to send with the REST API's code (21610 to an opted-out handset, 21211 ...).
 * One inbound message leads to at most MAX_DOCUMENTS documents, so a <Redirect> loop ends.
 */
import type { Emulator } from '../../core/emulator';
import type { WebhookResult } from '../../core/webhooks';
import { TwilioApiError } from '../../core/wire';
import { parseXml, XmlElement, XmlError } from '../../core/xml';
import type { MessagesApi } from '../messages';

export const MAX_DOCUMENTS = 10;

export interface TwimlError {
  code: number;
  message: string;
  /** The document the error is about (or the URL that failed). */
  url: string;
}

/** What executing the TwiML did: replies sent (their SIDs), errors, and anything else worth knowing. */
export interface TwimlOutcome {
  replies: string[];
  errors: TwimlError[];
  notes: string[];
}

/** The inbound message the documents answer. */
export interface Conversation {
  /** The account's number that received the message. */
  number: string;
  handset: string;
  /** The inbound webhook's parameters: Twilio sends them again with every Redirect and action. */
  params: Record<string, string>;
}

type Method = 'GET' | 'POST';

interface Fetched {
  url: string;
  method: Method;
  result: WebhookResult;
}

const methodOf = (verb: XmlElement): Method => (verb.attrs.method?.toUpperCase() === 'GET' ? 'GET' : 'POST');

export class MessagingTwiml {
  constructor(
    private readonly emu: Emulator,
    private readonly messages: MessagesApi,
  ) {}

  /** Executes the webhook's answer and the documents it leads to; actions run later, once their reply is sent. */
  async run(conv: Conversation, answer: Fetched, outcome: TwimlOutcome, documents = 1): Promise<void> {
    let doc: Fetched | null = answer;
    let count = documents;
    while (doc) {
      const current: Fetched = doc;
      doc = null;
      const verbs = this.parse(current, outcome);
      for (const verb of verbs) {
        if (verb.name === 'Message') {
          if (this.message(conv, current, verb, outcome, count)) return;
        } else if (verb.name === 'Redirect') {
          const url = this.resolve(verb.text, current, outcome);
          if (!url || !this.withinBudget(count, url, outcome)) return;
          doc = await this.fetch(conv.params, url, methodOf(verb));
          count++;
          break;
        } else {
          this.fail(outcome, current, 12200, `Schema validation warning: <${verb.name}> is not a Messaging TwiML verb`);
        }
      }
    }
  }

  /** Sends one <Message>; true when the document ends there (it has an action). */
  private message(conv: Conversation, doc: Fetched, verb: XmlElement, outcome: TwimlOutcome, count: number): boolean {
    const bodyEl = verb.children.find((c) => c.name === 'Body');
    const action = verb.attrs.action === undefined ? undefined : this.resolve(verb.attrs.action, doc, outcome);
    const statusCallback = verb.attrs.statusCallback === undefined ? '' : this.resolve(verb.attrs.statusCallback, doc, outcome);
    // A URL that does not resolve (11100, recorded) ends the document, as Twilio's does.
    if (action === null || statusCallback === null) return true;
    try {
      const reply = this.messages.send({
        from: verb.attrs.from ?? conv.number,
        to: verb.attrs.to ?? conv.handset,
        body: bodyEl ? bodyEl.text : verb.text,
        media: verb.children.filter((c) => c.name === 'Media').map((c) => c.text),
        direction: 'outbound-reply',
        statusCallback,
      });
      outcome.replies.push(reply.sid);
      if (action) this.afterSent(conv, reply.sid, action, methodOf(verb), count);
    } catch (err) {
      if (!(err instanceof TwilioApiError)) throw err;
      this.fail(outcome, doc, err.code, err.message);
    }
    return action !== undefined;
  }

  /** Requests the action once the reply has left the queue, and executes what it answers. */
  private afterSent(conv: Conversation, sid: string, action: string, method: Method, count: number): void {
    this.emu.schedule(this.emu.stepMs, async () => {
      const m = this.messages.get(sid);
      if (!m) return;
      if (m.status === 'queued') return this.afterSent(conv, sid, action, method, count);
      // Errors of what happens later are in the request log only: no one waits for this outcome.
      const later: TwimlOutcome = { replies: [], errors: [], notes: [] };
      if (!this.withinBudget(count, action, later)) return;
      const params: Record<string, string> = {
        ...conv.params,
        MessageSid: sid,
        SmsSid: sid,
        MessageStatus: m.status,
        SmsStatus: m.status,
      };
      if (m.error_code !== null) params.ErrorCode = String(m.error_code);
      const answer = await this.fetch(params, action, method);
      await this.run(conv, answer, later, count + 1);
    });
  }

  private withinBudget(count: number, url: string, outcome: TwimlOutcome): boolean {
    if (count < MAX_DOCUMENTS) return true;
    outcome.notes.push(`Stopped before ${url}: one message leads to at most ${MAX_DOCUMENTS} TwiML documents`);
    return false;
  }

  private async fetch(params: Record<string, string>, url: string, method: Method): Promise<Fetched> {
    return { url, method, result: await this.emu.webhook(url, params, method) };
  }

  /** The verbs of a fetched document, or none (the error recorded) when it cannot be executed. */
  private parse(doc: Fetched, outcome: TwimlOutcome): XmlElement[] {
    const { result } = doc;
    if (result.status < 200 || result.status >= 300) {
      const why = result.status === 0 ? `no answer (${result.error ?? 'connection failed'})` : `HTTP ${result.status}`;
      this.fail(outcome, doc, 11200, `HTTP retrieval failure: ${doc.url} answered ${why}`);
      return [];
    }
    // An empty answer (204, or 200 with no body) is how a service says "no reply".
    if (!result.body.trim()) return [];
    const type = result.contentType.split(';')[0].trim().toLowerCase();
    if (type && !/xml|html/.test(type)) {
      this.fail(outcome, doc, 12300, `Invalid Content-Type: ${type}`);
      return [];
    }
    let root: XmlElement;
    try {
      root = parseXml(result.body);
    } catch (err) {
      if (!(err instanceof XmlError)) throw err;
      this.fail(outcome, doc, 12100, `Document parse failure: ${err.message}`);
      return [];
    }
    if (root.name !== 'Response') {
      this.fail(outcome, doc, 12100, `Document parse failure: the root element is <${root.name}>, not <Response>`);
      return [];
    }
    return root.children;
  }

  /** An absolute http(s) URL for a TwiML attribute or <Redirect>, or null (11100 recorded). */
  private resolve(target: string, doc: Fetched, outcome: TwimlOutcome): string | null {
    try {
      const url = new URL(target, doc.url);
      if (target && (url.protocol === 'http:' || url.protocol === 'https:')) return url.toString();
    } catch {
      /* reported below */
    }
    this.fail(outcome, doc, 11100, `Invalid URL format: '${target}'`);
    return null;
  }

  private fail(outcome: TwimlOutcome, doc: Fetched, code: number, message: string): void {
    outcome.errors.push({ code, message, url: doc.url });
    this.emu.reportError({ method: doc.method, url: doc.url, status: doc.result.status, code, message });
  }
}
