/**
 * Placing and reading calls through Twilio's Calls API.
 */
import { ApiError } from '../runtime/errors';
import type { ServiceContext } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { ROUTES, serviceUrl } from '../runtime/urls';
import { assertDialable } from '../phone/dialing-policy';
import type { Outbound } from '../outbound/outcome';
import type { Json } from '../store/sync';
import { isoOrNull } from '../time';

/** Twilio's answers meaning the From is not a caller ID of this account. */
const NOT_OUR_CALLER_ID = new Set([21210, 21212, 13214, 21606]);

export interface PlaceCall {
  from: string;
  to: string;
  /** TwiML URL Twilio fetches when the call is answered... */
  url?: string;
  /** ...or the TwiML itself. */
  twiml?: string;
  /** Which setting `from` came from, named in a configuration error. */
  fromSetting: string;
}

export interface CallView extends Json {
  call_sid: string;
  status: string;
  to: string;
  from: string;
  direction: string;
  duration: string | null;
  start_time: string | null;
  end_time: string | null;
}

type CallInstance = Awaited<ReturnType<ReturnType<TwilioClient['calls']>['fetch']>>;

export function callView(c: CallInstance): CallView {
  return {
    call_sid: c.sid,
    status: c.status,
    to: c.to,
    from: c.from,
    direction: c.direction,
    duration: c.duration ?? null,
    start_time: isoOrNull(c.startTime),
    end_time: isoOrNull(c.endTime),
  };
}

/** Creates a call the dialing policy allows, with this service's status callback; one Twilio round trip. */
export async function placeCall(client: TwilioClient, context: ServiceContext, req: PlaceCall): Promise<CallView> {
  assertDialable(context, req.to);
  try {
    const call = await client.calls.create({
      from: req.from,
      to: req.to,
      ...(req.url ? { url: req.url } : { twiml: req.twiml ?? '<Response/>' }),
      statusCallback: serviceUrl(context, ROUTES.callStatus),
      statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
      statusCallbackMethod: 'POST',
    });
    return callView(call);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'number' && NOT_OUR_CALLER_ID.has(code)) {
      throw new ApiError(
        500,
        'CONFIGURATION_ERROR',
        `${req.fromSetting} (${req.from}) is not a number this Twilio account owns or has verified`,
        { twilio_code: code },
      );
    }
    throw err;
  }
}

/** How many of the newest calls between the two numbers a look-up reads: one page, one round trip. */
const LOOKUP_PAGE = 20;

/**
 * The call as an outbound send: placed once, or found among Twilio's calls from the same number to the
 * same number placed through the API since the send began (Twilio keeps no caller tag on a call).
 */
export function outboundCall(client: TwilioClient, context: ServiceContext, req: PlaceCall): Outbound<CallView> {
  return {
    create: () => placeCall(client, context, req),
    candidates: async (since) => {
      const page = await client.calls.page({ to: req.to, from: req.from, pageSize: LOOKUP_PAGE });
      return page.instances.filter((c) => c.direction === 'outbound-api' && c.dateCreated.getTime() >= since).map(callView);
    },
  };
}

const CALL_SID = /^CA[0-9a-f]{32}$/;

/** The call, or a 404 ApiError when Twilio does not know it. */
export async function fetchCall(client: TwilioClient, callSid: string): Promise<CallView> {
  if (!CALL_SID.test(callSid)) throw new ApiError(404, 'CALL_NOT_FOUND', `Call ${callSid} not found`);
  try {
    return callView(await client.calls(callSid).fetch());
  } catch (err) {
    if ((err as { status?: unknown }).status === 404) throw new ApiError(404, 'CALL_NOT_FOUND', `Call ${callSid} not found`);
    throw err;
  }
}

/** The newest calls on the account, one round trip up to 1000. */
export async function listCalls(client: TwilioClient, limit: number): Promise<CallView[]> {
  const calls = await client.calls.list({ limit, pageSize: Math.min(limit, 1000) });
  return calls.map(callView);
}

/** The configured number for outbound calls, or a configuration error naming the setting. */
export function configuredNumber(
  context: ServiceContext,
  ...settings: (keyof ServiceContext)[]
): { number: string; setting: string } {
  for (const s of settings) {
    const v = context[s];
    if (typeof v === 'string' && v.trim() !== '') return { number: v.trim(), setting: s };
  }
  throw new ApiError(500, 'CONFIGURATION_ERROR', `${settings.join(' or ')} is not set`);
}
