/**
 * Who answers an inbound call: the browser of the user who owns the number called (the call is put in
 * their log at once), or, for numbers nobody owns, the service's SOFTPHONE_IDENTITY as before.
 */
import type { ServiceContext } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { recordCallEvent } from '../store/call-records';
import { ownerOfNumber } from '../store/phone-numbers';
import { indexCall } from '../history/attribution';
import { isoSeconds } from '../time';
import { softphoneIdentity } from './softphone';

export interface InboundCall {
  callSid: string;
  from: string;
  to: string;
  callStatus: string;
}

/** The client identity to ring for this inbound call. */
export async function identityToRing(client: TwilioClient, context: ServiceContext, call: InboundCall): Promise<string> {
  const owner = /^\+\d{7,15}$/.test(call.to) ? await ownerOfNumber(client, context, call.to) : undefined;
  if (!owner) return softphoneIdentity(context);
  const change = await recordCallEvent(client, context, {
    callSid: call.callSid,
    status: call.callStatus === 'in-progress' ? 'in-progress' : 'ringing',
    direction: 'inbound',
    from: call.from,
    to: call.to,
    at: isoSeconds(new Date()),
    owner: { userId: owner.userId, phoneNumberId: owner.numberId },
  });
  await indexCall(client, context, change.before, change.after);
  return owner.identity;
}
