/**
 * Values the systems' answers take from Twilio as Twilio gives them (twilio-node's CallStatus and
 * MessageStatus, its SID formats), shared by the Flex plugin API, the softphone, the phone API and the router.
 */
import { s } from '../schema';

export const callStatusSchema = s.enum([
  'queued',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'failed',
  'no-answer',
  'canceled',
]);

export const messageStatusSchema = s.enum([
  'queued',
  'sending',
  'sent',
  'failed',
  'delivered',
  'undelivered',
  'receiving',
  'received',
  'accepted',
  'scheduled',
  'read',
  'partially_delivered',
  'canceled',
]);

export const callSidSchema = s.string({ pattern: '^CA[0-9a-f]{32}$' });
export const messageSidSchema = s.string({ pattern: '^(SM|MM)[0-9a-f]{32}$' });

/** Whole seconds, as Twilio's Calls API counts them (a string there, and so here). */
export const durationSchema = s.string({ pattern: '^\\d+$', description: 'seconds' });

export const e164Schema = s.string({ pattern: '^\\+[1-9]\\d{6,14}$', description: 'E.164' });
