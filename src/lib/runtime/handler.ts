/**
 * The one wrapper every function goes through:
 *   authenticate (public | webhook signature | Flex token / bearer JWT / basic auth)
 *   -> parse declared inputs -> run the service call under a deadline -> shape the answer.
 * Every failure becomes the endpoint's documented error body; no stack trace ever leaves.
 */
import type { ServiceContext } from './env';
import { ApiError, ErrorShape, toApiError } from './errors';
import { Access, authenticateUser, authenticateWebhook } from './auth';
import { InputOf, parseInput, Schema } from './input';
import { logFailure, logWarning } from './log';
import type { Principal } from './principal';
import { Reply } from './reply';
import { assertBodyContentType, assertWebhookEncoding } from './content-type';
import { Headers, readRequest } from './request';
import { noteCallback } from '../health/signals';
import type { JsonSchema } from '../contracts/schema';

/** Twilio Functions' response object (global `Twilio.Response` at run time). */
interface TwilioResponse {
  setStatusCode(code: number): void;
  setBody(body: unknown): void;
  appendHeader(name: string, value: string): void;
}
declare const Twilio: { Response: new () => TwilioResponse };

export type Callback = (err: unknown, response?: TwilioResponse) => void;
export type Handler = ((context: ServiceContext, event: Record<string, unknown>, callback: Callback) => Promise<void>) & {
  /** The function's declaration, read by scripts/openapi.ts to describe it. */
  spec?: FunctionSpec<Schema, Access>;
};

/** An answer with its own content type (TwiML, text); a bare schema is JSON. */
export interface TypedAnswer {
  contentType: Reply['contentType'];
  schema: JsonSchema;
}

export interface RunArgs<S extends Schema, A extends Access> {
  input: InputOf<S>;
  principal: A extends { kind: 'user' } ? Principal : undefined;
  context: ServiceContext;
  /** Headers as the runtime gives them (lowercased). */
  headers: Headers;
  /** Every parameter (query and body), for those whose names vary (MediaUrl0..N). Declared ones are in `input`. */
  event: Record<string, unknown>;
  /** When this function's own deadline passes (ms since epoch): work that can wait stops before it. */
  deadlineAt: number;
}

export interface FunctionSpec<S extends Schema, A extends Access> {
  /** One line for the API docs: what the function does, for whom. */
  summary: string;
  access: A;
  input: S;
  /** Renders errors in this endpoint's documented shape. */
  errors: ErrorShape;
  /**
   * What the function answers, by status: its success answer (200 unless told otherwise) and any status it
   * answers with a body of its own rather than the error shape. The OpenAPI document is made from these, and
   * the tests check every answer against them.
   */
  answers: Record<number, JsonSchema | TypedAnswer>;
  /**
   * Statuses the function's own work may answer in its error shape, beyond those the wrapper gives every
   * function of its kind (400 for inputs, 401/403 for access, 415 for bodies, 500/503).
   */
  errorStatuses?: readonly number[];
  /** How clients call it; default POST for webhooks and functions that require a body, GET otherwise. */
  method?: 'GET' | 'POST';
  run(args: RunArgs<S, A>): Promise<unknown>;
  /** Own time budget, well inside the platform's 10 s (default 7 s). */
  deadlineMs?: number;
  /** Sends, calls or changes something: refuse requests without a JSON or form body (415). */
  requiresBody?: boolean;
  /**
   * Webhooks: the safe answer (TwiML) when the deadline passes or an internal error happens, so Twilio
   * always gets a document it can act on. Without it such cases answer an error in the endpoint's shape.
   */
  fallback?: () => Reply;
}

export const DEFAULT_DEADLINE_MS = 7000;

function corsHeaders(context: ServiceContext, headers: Headers): Record<string, string> {
  const allowed = (context.ALLOWED_ORIGINS ?? '*')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const origin = headers.origin;
  const allowOrigin = allowed.includes('*') ? '*' : origin && allowed.includes(origin) ? origin : (allowed[0] ?? '');
  return {
    'Access-Control-Allow-Origin': allowOrigin,
    'Access-Control-Allow-Methods': 'OPTIONS, POST, GET',
    'Access-Control-Allow-Headers': 'Content-Type, Authorization, Idempotency-Key',
    ...(allowOrigin !== '*' ? { Vary: 'Origin' } : {}),
  };
}

class DeadlineExceeded extends Error {}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded()), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export function defineFunction<S extends Schema, A extends Access>(spec: FunctionSpec<S, A>): Handler {
  const handler: Handler = async (context, event, callback) => {
    // Until the runtime's headers are read, answers carry no Origin-specific CORS header.
    let headers: Headers = {};
    // A callback Twilio signed is a health signal (its kind's last time; a failure when not processed).
    // Forgeries are not counted: they are no callbacks, and counting them would let anyone write to Sync.
    let signedCallback = false;
    let failed = false;
    const respond = async (reply: Reply): Promise<void> => {
      if (signedCallback) await noteCallback(context, context.PATH, failed);
      const res = new Twilio.Response();
      res.setStatusCode(reply.status);
      res.appendHeader('Content-Type', reply.contentType);
      if (spec.access.kind !== 'webhook') {
        for (const [k, v] of Object.entries(corsHeaders(context, headers))) res.appendHeader(k, v);
      }
      // JSON is serialised here so a bare string answer is valid JSON too ("Hello, Twilio Plugin!").
      res.setBody(reply.contentType === 'application/json' ? JSON.stringify(reply.body) : reply.body);
      callback(null, res);
    };
    const fail = async (err: unknown): Promise<void> => {
      failed = true;
      const apiError = toApiError(err);
      if (apiError.status >= 500 && !(err instanceof ApiError)) {
        logFailure(context.PATH, err);
      }
      if (apiError.status >= 500 && spec.fallback) await respond(spec.fallback());
      else await respond(Reply.json(spec.errors(apiError), apiError.status));
    };
    try {
      try {
        const deadlineAt = Date.now() + (spec.deadlineMs ?? DEFAULT_DEADLINE_MS);
        const work = (async (): Promise<unknown> => {
          const request = readRequest(event);
          headers = request.headers;
          if (spec.requiresBody) assertBodyContentType(headers);
          let principal: Principal | undefined;
          if (spec.access.kind === 'webhook') {
            assertWebhookEncoding(headers);
            authenticateWebhook(context, request);
            signedCallback = true;
          } else if (spec.access.kind === 'user') principal = await authenticateUser(context, spec.access, request, deadlineAt);
          const input = parseInput(spec.input, request.params);
          return spec.run({
            input,
            principal: principal as RunArgs<S, A>['principal'],
            context,
            headers,
            event: request.params,
            deadlineAt,
          });
        })();
        const result = await withDeadline(work, spec.deadlineMs ?? DEFAULT_DEADLINE_MS);
        await respond(result instanceof Reply ? result : Reply.json(result));
      } catch (err) {
        if (err instanceof DeadlineExceeded) {
          logWarning(context.PATH, `deadline of ${spec.deadlineMs ?? DEFAULT_DEADLINE_MS} ms passed`);
          failed = true;
          if (spec.fallback) await respond(spec.fallback());
          else await fail(new ApiError(503, 'DEADLINE_EXCEEDED', 'The request took too long; try again'));
          return;
        }
        await fail(err);
      }
    } catch (err) {
      // Shaping the answer itself failed (an error shape or a fallback that throws): still answer, plainly.
      logFailure(context.PATH, err);
      callback(null, plainFailure());
    }
  };
  handler.spec = spec as unknown as FunctionSpec<Schema, Access>;
  return handler;
}

function plainFailure(): TwilioResponse {
  const res = new Twilio.Response();
  res.setStatusCode(500);
  res.appendHeader('Content-Type', 'application/json');
  res.setBody(JSON.stringify({ error: 'An internal error occurred' }));
  return res;
}
