/**
 * Idempotency keys for sends and calls: the same key (per caller) never sends twice and always gets the
 * same answer, also when the first attempt's outcome was unknown. See
 * docs/decisions/0007-unknown-outcomes-and-idempotency.md.
 */
import { logWarning } from '../runtime/log';
import { createHash, randomUUID } from 'crypto';
import { ApiError } from '../runtime/errors';
import type { ServiceContext, ServiceEnv } from '../runtime/env';
import { f, invalid } from '../runtime/input';
import type { Principal } from '../runtime/principal';
import type { TwilioClient } from '../runtime/twilio-client';
import type { Json } from '../store/sync';
import {
  claimKey,
  IdempotencyRecord,
  IdempotencyRef,
  idempotencyRef,
  readKey,
  releaseKey,
  updateKey,
} from '../store/idempotency-records';
import { createOrFind, lookFor, Outbound, outcomeUnknown, REPLY_MARGIN_MS, sleep } from './outcome';

const KEY = /^[\x21-\x7e]{1,255}$/;
const KEY_HINT = 'must be 1 to 255 visible ASCII characters';

/** The `idempotency_key` field of every function that sends or calls. */
export const idempotencyKeyField = f
  .string({ max: 255, pattern: KEY, patternHint: KEY_HINT })
  .optional()
  .describe('the same key never sends twice and returns the same answer (or the Idempotency-Key header)');

/** The caller's key: the `Idempotency-Key` header or the `idempotency_key` field (the same if both). */
export function idempotencyKey(headers: Record<string, string | undefined>, field: string | undefined): string | undefined {
  const header = headers['idempotency-key']?.trim() || undefined;
  if (header !== undefined && !KEY.test(header)) throw invalid('Idempotency-Key', `Idempotency-Key ${KEY_HINT}`);
  if (header !== undefined && field !== undefined && header !== field) {
    throw invalid('idempotency_key', 'idempotency_key and the Idempotency-Key header differ');
  }
  return header ?? field;
}

/** While an invocation can still be running: the platform stops every invocation at 10 s. */
const ATTEMPT_LIFETIME_MS = 11_000;
/**
 * After this, a send that is still not in Twilio's records never happened: Twilio creates a message or call
 * while answering the POST, and no POST is answered this late.
 */
export const SETTLE_MS = 120_000;
const WAIT_MS = 500;

const keyReused = (): ApiError =>
  new ApiError(422, 'IDEMPOTENCY_KEY_REUSED', 'This idempotency key was already used for a different request');
const inProgress = (): ApiError =>
  new ApiError(
    409,
    'IDEMPOTENCY_IN_PROGRESS',
    'A request with this idempotency key is still being processed; retry with the same key',
  );

interface SendOnce {
  client: TwilioClient;
  env: ServiceEnv;
  principal: Principal;
  key: string | undefined;
  /** What is being asked (endpoint and inputs): a key reused for anything else is refused. */
  request: unknown;
  /** When the function's own deadline passes (ms since epoch). */
  deadlineAt: number;
}

/** What a sending function's `run` gets, as far as sending once needs it. */
export interface SendingRun {
  input: { idempotency_key?: string | undefined };
  context: ServiceContext;
  principal: Principal;
  headers: Record<string, string | undefined>;
  deadlineAt: number;
}

export function fingerprintOf(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/**
 * Stores the answer and returns the one the key now holds: a retry that looked the send up may have stored
 * it first, and every request with the key gets that same answer. A failure to store only costs a later
 * retry a look-up in Twilio, so it does not fail the send.
 */
async function settle<R extends Json>(ref: IdempotencyRef, attemptId: string, answer: R): Promise<R> {
  try {
    const stored = await updateKey(ref, attemptId, (c) => ({ ...c, state: 'done', answer }));
    return stored?.state === 'done' && stored.answer ? (stored.answer as R) : answer;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    logWarning('idempotency', `record not stored (${reason}); a retry will look the send up in Twilio`);
    return answer;
  }
}

async function attempt<R extends Json>(args: SendOnce, out: Outbound<R>, ref: IdempotencyRef, attemptId: string): Promise<R> {
  let sent: R;
  try {
    sent = await createOrFind(out, args.deadlineAt, async () => {
      await updateKey(ref, attemptId, (c) => ({ ...c, state: 'unknown' })).catch(() => undefined);
    });
  } catch (err) {
    const unknown = err instanceof ApiError && err.code === 'OUTCOME_UNKNOWN';
    // Any other failure means Twilio did not create it: the key is free for another try.
    if (!unknown) await releaseKey(ref, attemptId).catch(() => undefined);
    throw err;
  }
  return settle(ref, attemptId, sent);
}

/**
 * Sends at most once per key. Without a key, one attempt whose unknown outcome is looked up.
 * With a key, a later request finds the earlier attempt's answer, waits for an attempt still running, or
 * looks up in Twilio what an attempt with an unknown outcome did.
 */
export function sendOnce<R extends Json>(run: SendingRun, client: TwilioClient, out: Outbound<R>): Promise<R> {
  const { idempotency_key: field, ...inputs } = run.input;
  return sendOnceWith(
    {
      client,
      env: run.context,
      principal: run.principal,
      key: idempotencyKey(run.headers, field),
      request: { path: run.context.PATH, inputs },
      deadlineAt: run.deadlineAt,
    },
    out,
  );
}

async function sendOnceWith<R extends Json>(args: SendOnce, out: Outbound<R>): Promise<R> {
  if (args.key === undefined) return createOrFind(out, args.deadlineAt);
  const ref = idempotencyRef(args.client, args.env, `${args.principal.via}:${args.principal.userId}`, args.key);
  const fingerprint = fingerprintOf(args.request);
  const fresh = (): IdempotencyRecord => ({
    state: 'pending',
    fingerprint,
    attemptId: randomUUID(),
    startedAt: Date.now(),
    answer: null,
  });
  while (Date.now() < args.deadlineAt - REPLY_MARGIN_MS) {
    const mine = fresh();
    if (await claimKey(ref, mine)) return attempt(args, out, ref, mine.attemptId);
    const current = await readKey(ref);
    if (!current) continue; // released meanwhile
    if (current.fingerprint !== fingerprint) throw keyReused();
    if (current.state === 'done') return current.answer as R;
    const age = Date.now() - current.startedAt;
    if (current.state === 'pending' && age < ATTEMPT_LIFETIME_MS) {
      await sleep(WAIT_MS); // the first attempt is still running: its answer will be ours
      continue;
    }
    // Its outcome is unknown, or its invocation ended without saying: look in Twilio.
    const settled = age > SETTLE_MS;
    const lookup = await lookFor(out, current.startedAt, args.deadlineAt, { once: settled });
    if (lookup.found !== undefined) return settle(ref, current.attemptId, lookup.found);
    if (!settled || lookup.ambiguous) throw outcomeUnknown();
    // Long enough ago that Twilio would show it: nothing was sent, so this request sends.
    const taken = await updateKey(ref, current.attemptId, () => ({ ...mine, startedAt: Date.now() }));
    if (taken?.attemptId === mine.attemptId) return attempt(args, out, ref, mine.attemptId);
  }
  throw inProgress();
}
