/**
 * Document loading: where a call's next TwiML comes from (its Url, inline Twiml, an action or a
 * Redirect), fetching it with Twilio's signed voice request, and the errors Twilio reports for it
 * (kept per call and shown by `GET /_emulator/calls/{CallSid}`):
 * - 11200 HTTP retrieval failure: the TwiML URL answered non-2xx or not at all;
 * - 12100 document parse failure: not XML, or the root is not <Response>;
 * - 12200 schema validation: an unknown verb or a noun where it does not belong;
 * - 12300 invalid Content-Type (TwiML must be XML; text/plain is spoken, audio/* played);
 * - 11100 invalid URL: a relative action/Redirect URL in TwiML that has no URL to resolve it against.
 * On any of these (after trying the call's FallbackUrl, when one was given) Twilio answers the call
 * if it was not yet answered, plays "An application error has occurred" and hangs up, so the call
 * ends `completed` with the error recorded: that is what the emulator does too.
 */
import type { Emulator } from '../../../core/emulator';
import { parseXml, XmlElement, XmlError } from '../../../core/xml';
import { CallRecord, ERROR_MESSAGE_SECONDS, HttpMethod } from '../model';
import type { VoiceStore } from '../store';
import { element, schemaProblem } from '../twiml';
import type { CallCallbacks } from './callbacks';
import type { CallLifecycle } from './lifecycle';
import type { Run, RunScheduler } from './runs';

/** Where the next TwiML document comes from. */
export type DocSource =
  | {
      kind: 'url';
      url: string;
      method: HttpMethod;
      params?: Record<string, string>;
      fallback?: { url: string; method: HttpMethod };
      /** Set when this request retries an earlier one (the FallbackUrl): it carries the same token. */
      idempotencyToken?: string;
    }
  | { kind: 'twiml'; twiml: string };

type UrlSource = Extract<DocSource, { kind: 'url' }>;

export interface Doc {
  /** The URL the document came from (relative URLs resolve against it); null for inline TwiML. */
  url: string | null;
  verbs: XmlElement[];
}

export type EndStatus = 'completed' | 'busy' | 'no-answer';
/** What comes after a verb: another document, or the end of the call. */
export type Flow = { next: DocSource } | { end: EndStatus };
export const END: Flow = { end: 'completed' };

/** The TwiML a call starts with: its inline Twiml, else its Url (with its FallbackUrl). */
export function initialSource(c: CallRecord): DocSource {
  if (c.twiml !== null) return { kind: 'twiml', twiml: c.twiml };
  return {
    kind: 'url',
    url: c.url ?? '',
    method: c.method,
    ...(c.fallback_url ? { fallback: { url: c.fallback_url, method: c.fallback_method } } : {}),
  };
}

export class DocumentLoader {
  constructor(
    private readonly emu: Emulator,
    private readonly store: VoiceStore,
    private readonly runs: RunScheduler,
    private readonly calls: CallLifecycle,
    private readonly callbacks: CallCallbacks,
  ) {}

  /** The document to execute, or null when there is none (the error is recorded and the call ends). */
  async load(run: Run, source: DocSource): Promise<Doc | null> {
    if (source.kind === 'twiml') return this.parseDoc(run, source.twiml, 'text/xml', null);
    const call = this.runs.check(run);
    const params = { ...this.callbacks.voiceParams(call), ...(source.params ?? {}) };
    const res = await this.emu.webhook(source.url, params, source.method, source.idempotencyToken);
    const sent = { ...source, idempotencyToken: res.idempotencyToken };
    this.runs.check(run);
    if (res.status < 200 || res.status >= 300) {
      const why =
        res.status === 0
          ? `no answer from ${source.url} (${res.error ?? 'connection failed'})`
          : `${source.url} answered HTTP ${res.status}`;
      return this.docError(run, 11200, `HTTP retrieval failure: ${why}`, sent);
    }
    return this.parseDoc(run, res.body, res.contentType, sent);
  }

  private async parseDoc(run: Run, body: string, contentType: string, source: UrlSource | null): Promise<Doc | null> {
    const url = source?.url ?? null;
    const type = contentType.split(';')[0].trim().toLowerCase();
    if (type.startsWith('audio/')) return { url, verbs: [element('Play', url ?? '')] };
    if (type === 'text/plain') return { url, verbs: [element('Say', body.trim())] };
    if (type && !/xml|html/.test(type)) return this.docError(run, 12300, `Invalid Content-Type: ${type}`, source);
    let root: XmlElement;
    try {
      root = parseXml(body);
    } catch (err) {
      if (!(err instanceof XmlError)) throw err;
      return this.docError(run, 12100, `Document parse failure: ${err.message}`, source);
    }
    if (root.name !== 'Response')
      return this.docError(run, 12100, `Document parse failure: the root element is <${root.name}>, not <Response>`, source);
    const problem = schemaProblem(root);
    if (problem) return this.docError(run, 12200, `Schema validation warning: ${problem}`, source);
    return { url, verbs: root.children };
  }

  /** Records the error; tries the FallbackUrl once; else "an application error has occurred" and the end. */
  private async docError(run: Run, code: number, message: string, source: UrlSource | null): Promise<Doc | null> {
    const call = this.runs.check(run);
    call.errors.push({ code, message, url: source?.url ?? null, at: new Date().toISOString() });
    if (source?.fallback) {
      call.notes.push(`Error ${code}: trying the FallbackUrl ${source.fallback.url}`);
      this.store.saveCall(call);
      return this.load(run, {
        kind: 'url',
        url: source.fallback.url,
        method: source.fallback.method,
        params: { ...(source.params ?? {}), ErrorCode: String(code), ErrorUrl: source.url },
        ...(source.idempotencyToken ? { idempotencyToken: source.idempotencyToken } : {}),
      });
    }
    // Logging the error message saves the call with its error.
    await this.applicationError(run, call, code, message);
    return null;
  }

  /** "An application error has occurred": answers the call if need be and speaks it; the caller ends the call. */
  async applicationError(run: Run, call: CallRecord, code: number, message: string): Promise<void> {
    if (!call.answered) this.calls.answer(call);
    this.calls.log(call, { verb: 'Error', code, message, seconds: ERROR_MESSAGE_SECONDS });
    await this.runs.step(run, ERROR_MESSAGE_SECONDS);
  }

  /** An absolute URL for a TwiML attribute, or null (error 11100 recorded) when it cannot resolve. */
  async resolveUrl(run: Run, doc: Doc, target: string): Promise<string | null> {
    try {
      const url = new URL(target, doc.url ?? undefined);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
    } catch {
      /* reported below */
    }
    const call = this.runs.check(run);
    const message = `Invalid URL format: ${target}${doc.url ? '' : ' (relative URLs need a TwiML document fetched from a URL)'}`;
    call.errors.push({ code: 11100, message, url: doc.url, at: new Date().toISOString() });
    await this.applicationError(run, call, 11100, message);
    return null;
  }
}
