/**
 * Calls through the TwiML App (/api/twilio/voice). A browser call (`From=client:<identity>`) goes out only
 * from an active number its user owns (the one asked for as `callerId`, else their first active one),
 * only to a destination the dialing policy allows, only while its user is under their monthly spending
 * limit; anything else is refused aloud and logged. The call
 * is attributed to its user before it is dialled, so it is in their log from the first second.
 * An inbound call to a number bought with the TwiML App rings the number's owner, as
 * /webhook/incoming-call does.
 */
import { ApiError } from '../runtime/errors';
import type { ServiceContext } from '../runtime/env';
import { logEvent } from '../runtime/log';
import type { TwilioClient } from '../runtime/twilio-client';
import { toE164 } from '../phone/e164';
import { assertDialable } from '../phone/dialing-policy';
import { recordCallEvent } from '../store/call-records';
import type { PhoneNumberRecord } from '../store/phone-numbers';
import { indexCall } from '../history/attribution';
import { numbersToCallFrom } from '../numbers/user-numbers';
import { userIdOfIdentity } from '../users/directory';
import { isoSeconds } from '../time';
import { billCall } from '../billing/events';
import { spendingState, SPENDING_LIMIT_MESSAGE } from '../billing/limits';
import { dialFromBrowser, endBrowserCall, refuseBrowserCall } from './browser-call-twiml';

export interface BrowserCall {
  callSid: string;
  from: string;
  to: string;
  callStatus: string;
  callerId?: string | undefined;
  record: boolean;
}

const refusals = {
  UNAUTHORIZED: 'You can only make calls from phone numbers you own',
  INACTIVE_NUMBER: 'Cannot make calls from inactive phone numbers',
} as const;

class Refusal extends Error {
  constructor(
    readonly code: keyof typeof refusals | 'DIALING_POLICY' | 'INVALID_NUMBER' | 'SPENDING_LIMIT_REACHED',
    message: string,
  ) {
    super(message);
  }
}

function callerNumber(numbers: PhoneNumberRecord[], callerId: string | undefined): PhoneNumberRecord {
  if (callerId !== undefined) {
    const asked = numbers.find((n) => n.number === callerId);
    if (!asked) throw new Refusal('UNAUTHORIZED', refusals.UNAUTHORIZED);
    if (asked.status !== 'active') throw new Refusal('INACTIVE_NUMBER', refusals.INACTIVE_NUMBER);
    return asked;
  }
  const first = numbers.find((n) => n.status === 'active');
  if (first) return first;
  if (numbers.length) throw new Refusal('INACTIVE_NUMBER', refusals.INACTIVE_NUMBER);
  throw new Refusal('UNAUTHORIZED', refusals.UNAUTHORIZED);
}

function destination(context: ServiceContext, to: string): string {
  const e164 = toE164(to);
  if (!e164) throw new Refusal('INVALID_NUMBER', 'The number you dialled is not a valid phone number');
  try {
    assertDialable(context, e164);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'DIALING_POLICY') throw new Refusal('DIALING_POLICY', err.message);
    throw err;
  }
  return e164;
}

/** The TwiML for a browser call: the Dial, or a spoken refusal. */
export async function placeBrowserCall(client: TwilioClient, context: ServiceContext, call: BrowserCall): Promise<string> {
  const userId = userIdOfIdentity(call.from);
  try {
    if (userId === undefined) throw new Refusal('UNAUTHORIZED', refusals.UNAUTHORIZED);
    const callerIdAsked = call.callerId !== undefined ? (toE164(call.callerId) ?? call.callerId) : undefined;
    const from = callerNumber(await numbersToCallFrom(client, context, userId), callerIdAsked);
    const to = destination(context, call.to);
    if ((await spendingState(client, context, userId)).alert === 'limit_reached') {
      throw new Refusal('SPENDING_LIMIT_REACHED', SPENDING_LIMIT_MESSAGE);
    }
    const change = await recordCallEvent(client, context, {
      callSid: call.callSid,
      status: call.callStatus === 'in-progress' ? 'in-progress' : 'ringing',
      direction: 'outbound',
      from: from.number,
      to,
      at: isoSeconds(new Date()),
      owner: { userId, phoneNumberId: from.id },
    });
    await indexCall(client, context, change.before, change.after);
    return dialFromBrowser(context, { to, callerId: from.number, record: call.record });
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    logEvent('browser_call_refused', { code: err.code, callSid: call.callSid, userId: userId ?? null, to: call.to });
    return refuseBrowserCall(err.message);
  }
}

/** How the Dial of a browser call ended, in the call's status words. */
function dialOutcome(dialCallStatus: string): string {
  return dialCallStatus === 'answered' ? 'completed' : dialCallStatus;
}

/** The Dial of a browser call is over: its outcome and talk time go in the user's log. */
export async function finishBrowserCall(
  client: TwilioClient,
  context: ServiceContext,
  callSid: string,
  dial: { status: string; duration: number | undefined },
): Promise<string> {
  const change = await recordCallEvent(client, context, {
    callSid,
    status: dialOutcome(dial.status),
    at: isoSeconds(new Date()),
    ...(dial.duration !== undefined ? { duration: dial.duration } : {}),
  });
  await indexCall(client, context, change.before, change.after);
  await billCall(client, context, change.after);
  return endBrowserCall();
}
