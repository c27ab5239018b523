/**
 * The processing function's part of routing: the user's agent answers within the configured budget and
 * its reply goes out as a REST message whose delivery status callbacks the router tracks (./delivery.ts).
 * A repeated processing request (Twilio fetching the <Redirect> again) finds the reply claimed and sends
 * nothing more.
 */
import type { ServiceEnv } from '../runtime/env';
import { ApiError } from '../runtime/errors';
import { logEvent, logWarning } from '../runtime/log';
import type { TwilioClient } from '../runtime/twilio-client';
import { twimlResponse, verb } from '../twiml/document';
import { sendMessage } from '../messaging/messages';
import { addOptOut, findOptOut } from '../store/router-limits';
import { addAttempt, claimReply } from '../store/router-outbound';
import { routerConfig } from './config';
import { builtinAnswer } from './builtin-agent';
import { llmAnswer, llmConfigured } from './llm-agent';
import { inboundRecorder, keepRecord, recordAttempt } from './records';
import { identifyRecipient, InboundSms, NOT_FOUND_REPLY, optOutMemoryKey } from './routing';
import { forget } from './container-memory';

export const PROCESSING_FAILED_REPLY = 'Sorry, we could not answer your message right now. Please try again later.';
/** Twilio's "Attempt to send to unsubscribed recipient". */
const UNSUBSCRIBED = 21610;
/** Time kept back from the function's deadline to send the reply and record it. */
const SEND_MARGIN_MS = 2000;

function twilioCodeOf(err: unknown): number | null {
  if (err instanceof ApiError && typeof err.details.twilio_code === 'number') return err.details.twilio_code;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : null;
}

async function withinBudget<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(ms > 0 ? `the agent took longer than ${ms} ms` : 'no time was left for the agent')),
      Math.max(ms, 0),
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export interface ProcessArgs {
  sms: InboundSms;
  statusCallback: string;
  deadlineAt: number;
}

export async function processInbound(client: TwilioClient, env: ServiceEnv, args: ProcessArgs): Promise<string> {
  const { sms } = args;
  const started = new Date();
  const recipient = await identifyRecipient(client, env, sms);
  const record = inboundRecorder(client, env, sms, started, true);
  if (!recipient) {
    await record(null, false, 'PHONE_NUMBER_NOT_FOUND');
    return twimlResponse(verb('Message', {}, NOT_FOUND_REPLY));
  }
  const { userId } = recipient;
  if (!(await claimReply(client, env, { inbound_sid: sms.messageSid, claimed_at: started.toISOString() }))) {
    return twimlResponse();
  }
  const config = await routerConfig(client, env);
  const budget = Math.min(config.processing_timeout_ms, args.deadlineAt - Date.now() - SEND_MARGIN_MS);
  const request = { userId, from: sms.from, text: sms.body, helpText: config.help_text };
  let text: string;
  let agent: 'llm' | 'builtin' = 'builtin';
  try {
    if (config.agent === 'llm' && llmConfigured(env)) ({ text, agent } = await llmAnswer(client, env, request, budget));
    else text = await withinBudget(builtinAnswer(client, env, request), budget);
  } catch (err) {
    logWarning(
      'sms-router',
      `MESSAGE_PROCESSING_FAILED for ${sms.messageSid}: ${err instanceof Error ? err.message : String(err)}`,
    );
    await record(userId, false, 'MESSAGE_PROCESSING_FAILED');
    return twimlResponse(verb('Message', {}, PROCESSING_FAILED_REPLY));
  }
  if (await findOptOut(client, env, userId, sms.from)) {
    await record(userId, false, 'suppressed');
    return twimlResponse();
  }
  const sentAt = new Date();
  let sid: string;
  let status: string;
  try {
    ({ sid, status } = await sendMessage(client, env, {
      from: sms.to,
      to: sms.from,
      body: text,
      statusCallback: args.statusCallback,
    }));
  } catch (err) {
    logWarning(
      'sms-router',
      `SMS_ROUTING_FAILED: the reply to ${sms.messageSid} was not sent: ${err instanceof Error ? err.message : String(err)}`,
    );
    await record(userId, false, 'SMS_ROUTING_FAILED');
    // Twilio knows the handset opted out (from this number): the router's list then covers all the user's numbers.
    if (twilioCodeOf(err) === UNSUBSCRIBED) {
      forget(optOutMemoryKey(env, userId, sms.from));
      await keepRecord(
        'opt-out',
        addOptOut(client, env, { user_id: userId, phone_number: sms.from, opted_out_at: sentAt.toISOString() }),
      );
    }
    const refused = `refused.${sms.messageSid}`;
    await keepRecord(
      'refused reply',
      recordAttempt(client, env, {
        sid: refused,
        userId,
        to: sms.from,
        length: Array.from(text).length,
        delivered: false,
        status: 'failed',
        attempt: 1,
        errorCode: twilioCodeOf(err),
        processingMs: null,
        at: sentAt,
      }),
    );
    return twimlResponse();
  }
  // Sent: from here on nothing may fail the request, or its fallback would apologise for a reply that went out.
  await keepRecord(
    'delivery attempt',
    addAttempt(client, env, {
      sid,
      inbound_sid: sms.messageSid,
      user_id: userId,
      from: sms.to,
      to: sms.from,
      body: text,
      attempt: 1,
      status,
      error_code: null,
      sent_at: sentAt.toISOString(),
      updated_at: sentAt.toISOString(),
      retried: false,
    }),
  );
  await record(userId, true, agent === 'llm' ? 'answered_by_llm' : 'answered');
  logEvent('sms_router_reply', { inbound_sid: sms.messageSid, sid, user_id: userId, agent });
  return twimlResponse();
}
