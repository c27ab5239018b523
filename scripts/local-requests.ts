/**
 * What the local server adds in front of the Serverless Toolkit's dev server (@twilio/runtime-handler/dev):
 * - request bodies are parsed with Twilio Functions' 1 MB limit (the dev server's own parsers allow 6 MB and
 *   then skip a body that is already parsed);
 * - its own failures (malformed JSON, a body too large, an unsupported encoding, an undecodable path) answer
 *   `{error}` with a 4xx status, where the dev server would answer an HTML page with a stack trace;
 * - one log line per request: method, path (never the query, which may hold a Flex token), status, time and,
 *   for a signed Twilio webhook, the event it reports.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'http';
import bodyParser from 'body-parser';

/** Twilio Functions refuse request bodies over 1 MB. */
const BODY_LIMIT = '1mb';

type Next = (err?: unknown) => void;
type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

// body-parser works on plain node requests; its types only name express's.
const parseJson = bodyParser.json({ limit: BODY_LIMIT }) as unknown as Middleware;
// Same options as the dev server's own parser, so functions see the same event.
const parseForm = bodyParser.urlencoded({ extended: false, limit: BODY_LIMIT }) as unknown as Middleware;

const ANSWERS: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON',
  'entity.too.large': 'The request body is over 1 MB, the most Twilio Functions accept',
  'encoding.unsupported': "The request's Content-Encoding is not supported",
  'charset.unsupported': "The request's charset is not supported",
  'parameters.too.many': 'The request body has too many form parameters',
  'request.aborted': 'The request body ended early',
  'request.size.invalid': 'The request body does not match its Content-Length',
};

/** The status and message for a failure of the local server itself; nothing of the error's internals. */
export function localServerError(err: unknown): { status: number; error: string } {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { status?: unknown; type?: unknown };
  const status = typeof e.status === 'number' && e.status >= 400 && e.status < 600 ? e.status : 500;
  if (typeof e.type === 'string' && e.type in ANSWERS) return { status, error: ANSWERS[e.type] };
  // express answers 400 with a URIError for a path that is not valid percent-encoding.
  if (err instanceof URIError) return { status: 400, error: 'The request path is not valid percent-encoding' };
  if (status < 500) return { status, error: 'The request could not be read' };
  return { status: 500, error: 'The local server failed to handle the request' };
}

export function answerLocalServerError(err: unknown, res: ServerResponse): void {
  const { status, error } = localServerError(err);
  if (status >= 500) console.error(`local server: ${err instanceof Error ? err.message : String(err)}`);
  if (res.headersSent) {
    res.end();
    return;
  }
  // Marked as the local server's own answer: no function ran (Twilio's gateway refuses such requests itself).
  res.writeHead(status, { 'Content-Type': 'application/json', 'X-Local-Server': 'refused' });
  res.end(JSON.stringify({ error }));
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The Twilio event a signed webhook reports, in Twilio's own parameter names. */
export function twilioEvent(params: Record<string, unknown>): string | undefined {
  const messageStatus = text(params.MessageStatus);
  if (messageStatus) return `MessageStatus=${messageStatus}`;
  const recordingStatus = text(params.RecordingStatus);
  if (recordingStatus) return `RecordingStatus=${recordingStatus}`;
  const from = text(params.From) ?? 'unknown';
  if (text(params.SmsStatus) === 'received' || (text(params.MessageSid) && params.Body !== undefined)) {
    const channel = from.startsWith('whatsapp:') ? 'WhatsApp' : Number(params.NumMedia) > 0 ? 'MMS' : 'SMS';
    return `inbound ${channel} from ${from}`;
  }
  const callStatus = text(params.DialCallStatus) ? `DialCallStatus=${String(params.DialCallStatus)}` : undefined;
  if (callStatus) return callStatus;
  return text(params.CallStatus) ? `CallStatus=${String(params.CallStatus)}` : undefined;
}

function requestLine(req: IncomingMessage, res: ServerResponse, startedNs: bigint): string {
  const ms = Number(process.hrtime.bigint() - startedNs) / 1e6;
  const path = (req.url ?? '/').split('?')[0];
  const body = (req as IncomingMessage & { body?: unknown }).body;
  const event =
    req.headers['x-twilio-signature'] && typeof body === 'object' && body !== null
      ? twilioEvent(body as Record<string, unknown>)
      : undefined;
  return `${req.method ?? '?'} ${path} ${res.statusCode} ${ms.toFixed(0)} ms${event ? ` ${event}` : ''}`;
}

/** The listener to serve `app` (the dev server's express app) with. */
export function withLocalEdges(app: RequestListener, log?: (line: string) => void): RequestListener {
  return (req, res) => {
    const started = process.hrtime.bigint();
    if (log) res.once('finish', () => log(requestLine(req, res, started)));
    parseJson(req, res, (jsonErr) => {
      if (jsonErr) return answerLocalServerError(jsonErr, res);
      parseForm(req, res, (formErr) => {
        if (formErr) return answerLocalServerError(formErr, res);
        app(req, res);
      });
    });
  };
}
