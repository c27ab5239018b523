/**
 * Sends whose outcome Twilio did not tell us. A POST that timed out after it was sent may have created
 * the message or call (docs/decisions/0004-rest-retries.md), so it is never answered "try again": the
 * service looks for it in Twilio's own records and answers with it, or answers 504 "outcome unknown".
 * See docs/decisions/0007-unknown-outcomes-and-idempotency.md.
 */
import { ApiError } from '../runtime/errors';
import { isUnknownOutcome } from '../runtime/twilio-client';

/** One send (a message or a call) as the outcome logic needs it. */
export interface Outbound<R> {
  /** Creates it in Twilio: one POST. */
  create(): Promise<R>;
  /** Twilio's records that can be this send, created at or after `since` (ms since epoch). */
  candidates(since: number): Promise<R[]>;
}

/** Twilio's dates have whole seconds, and its clock and ours differ a little. */
const CLOCK_ALLOWANCE_MS = 5000;
/** Pause between look-ups while Twilio may still be creating the record. */
const POLL_MS = 500;
/** Time kept back before the deadline to store the answer and reply. */
export const REPLY_MARGIN_MS = 750;

export const outcomeUnknown = (): ApiError =>
  new ApiError(
    504,
    'OUTCOME_UNKNOWN',
    'Twilio did not answer in time, so the outcome is unknown: it may have been sent. Check the logs before retrying, or retry with the same idempotency key, which never sends twice.',
  );

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The work's result, or undefined when it takes longer than `ms` (the timer never outlives the race). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((r) => {
    timer = setTimeout(() => r(undefined), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export interface Lookup<R> {
  found: R | undefined;
  /** Several records fit: which one is this send cannot be told. */
  ambiguous: boolean;
}

/**
 * Looks for the send among Twilio's records until it appears or the time runs out. Several candidates
 * means another identical send happened in the same window: that cannot be told apart, so it is
 * reported as ambiguous rather than guessed.
 */
export async function lookFor<R>(
  out: Outbound<R>,
  since: number,
  deadlineAt: number,
  opts: { once?: boolean } = {},
): Promise<Lookup<R>> {
  const from = Math.floor((since - CLOCK_ALLOWANCE_MS) / 1000) * 1000;
  for (;;) {
    const left = deadlineAt - REPLY_MARGIN_MS - Date.now();
    if (left <= 0) return { found: undefined, ambiguous: false };
    let seen: R[] | undefined;
    try {
      // A slow look-up must not run into the function's deadline: that would answer "try again".
      seen = await within(out.candidates(from), left);
    } catch {
      seen = undefined; // Twilio is still struggling; the next look-up may do better
    }
    if (seen && seen.length === 1) return { found: seen[0], ambiguous: false };
    if (seen && seen.length > 1) return { found: undefined, ambiguous: true };
    if (opts.once || deadlineAt - REPLY_MARGIN_MS - Date.now() < POLL_MS) return { found: undefined, ambiguous: false };
    await sleep(POLL_MS);
  }
}

/**
 * Creates the message or call. When Twilio's answer is lost after the request left, finds out what
 * happened before the deadline: the created record, or a 504 "outcome unknown". `onUnknown` runs first,
 * so a retry that comes in meanwhile knows to look rather than send.
 */
export async function createOrFind<R>(
  out: Outbound<R>,
  deadlineAt: number,
  onUnknown: (startedAt: number) => Promise<void> = async () => undefined,
): Promise<R> {
  const startedAt = Date.now();
  try {
    return await out.create();
  } catch (err) {
    if (!isUnknownOutcome(err)) throw err;
  }
  await onUnknown(startedAt);
  const lookup = await lookFor(out, startedAt, deadlineAt);
  if (lookup.found !== undefined) return lookup.found;
  throw outcomeUnknown();
}
