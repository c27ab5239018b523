/**
 * Answer schemas of the SMS router (seed 001). Each mirrors the record or report that builds the answer
 * (src/lib/sms-router/reports.ts, config.ts, mappings.ts, delivery.ts and the stores they read), and
 * takes its fixed value sets from the code itself so the two cannot drift apart.
 */
import { s } from '../schema';
import { CONFIG_KEYS } from '../../sms-router/config';
import { VERIFICATION_METHODS } from '../../sms-router/mappings';
import { e164Schema } from './twilio';

const userId = s.integer({ minimum: 1, description: "the user's id in the user directory" });
const health = s.enum(['healthy', 'unhealthy']);
const configKey = s.enum(CONFIG_KEYS, { description: 'a known setting' });

export const routerHealthSchema = s.named(
  'RouterHealth',
  s.object({
    status: s.enum(['healthy', 'degraded']),
    service: s.literal('SMS Router Webhook'),
    timestamp: s.dateTime(),
    components: s.object({ routing_engine: health, database: health, twilio: health }),
  }),
);

const routeCounts = {
  total_messages: s.integer({ minimum: 0 }),
  successful_routes: s.integer({ minimum: 0 }),
  failed_routes: s.integer({ minimum: 0 }),
  average_processing_time_ms: s.integer({ minimum: 0 }),
};

export const routerStatsSchema = s.object({
  ...routeCounts,
  last_24_hours: s.object({
    messages: s.integer({ minimum: 0 }),
    success_rate: s.number({ minimum: 0, description: 'percent, one decimal' }),
  }),
  top_users: s.array(s.object({ user_id: userId, message_count: s.integer({ minimum: 1 }), phone_number: e164Schema }), {
    description: 'at most 10, most messages first',
  }),
  deliveries: s.object({
    attempts: s.integer({ minimum: 0 }),
    delivered: s.integer({ minimum: 0 }),
    failed: s.integer({ minimum: 0 }),
  }),
});

export const routerStatusSchema = s.object({
  service: s.literal('SMS Router Service'),
  status: routerHealthSchema,
  statistics: s.object(routeCounts),
  endpoints: s.object({ webhook: s.string(), health: s.string(), stats: s.string() }),
});

export const routerConfigSchema = s.object({
  configs: s.array(
    s.object({
      key: configKey,
      value: s.string(),
      description: s.string(),
      is_active: s.boolean(),
      updated_at: s.nullable(s.dateTime({ description: 'null while the default is in force' })),
    }),
  ),
});

export const configUpdatedSchema = s.object({ message: s.string(), key: configKey });

export const phoneMappingSchema = s.named(
  'PhoneMapping',
  s.object({
    id: s.integer({ minimum: 1 }),
    user_id: userId,
    phone_number: e164Schema,
    is_primary: s.boolean(),
    is_verified: s.boolean(),
    verification_method: s.enum(VERIFICATION_METHODS),
    created_at: s.dateTime(),
    verified_at: s.nullable(s.dateTime()),
  }),
);

export const phoneMappingsSchema = s.object({ mappings: s.array(phoneMappingSchema) });

export const mappingCreatedSchema = s.object({
  message: s.string(),
  user_id: userId,
  phone_number: e164Schema,
  mapping_id: s.integer({ minimum: 1 }),
});

export const mappingDeletedSchema = s.object({ message: s.string(), mapping_id: s.integer({ minimum: 1 }) });

export const verificationStartedSchema = s.object({
  message: s.string(),
  mapping_id: s.integer({ minimum: 1 }),
  phone_number: e164Schema,
  verification_status: s.enum(['pending', 'approved', 'canceled', 'max_attempts_reached', 'deleted', 'failed', 'expired'], {
    description: "Twilio Verify's status of the verification",
  }),
});

export const verificationCheckedSchema = s.object({ message: s.string(), mapping: phoneMappingSchema });

export const usagePageSchema = s.object({
  total: s.integer({ minimum: 0 }),
  limit: s.integer({ minimum: 1 }),
  offset: s.integer({ minimum: 0 }),
  logs: s.array(
    s.object({
      id: s.integer({ minimum: 0 }),
      user_id: s.nullable(userId),
      phone_number: e164Schema,
      direction: s.enum(['inbound', 'outbound']),
      length: s.integer({ minimum: 0, description: 'characters' }),
      success: s.boolean(),
      processing_time_ms: s.nullable(s.integer({ minimum: 0 })),
      created_at: s.dateTime(),
      message_sid: s.string(),
      // A string, not an enum: inbound outcomes are routing's words and outbound ones are Twilio's delivery statuses.
      outcome: s.string({
        description:
          "inbound: answered, help, opted_out, too_long, PHONE_NUMBER_NOT_FOUND ...; outbound: the reply's delivery status",
      }),
      attempt: s.nullable(s.integer({ minimum: 1, description: 'outbound: 1 for the first send, 2 for the first retry ...' })),
      error_code: s.nullable(s.integer({ description: "outbound: Twilio's error code for a failed delivery" })),
    }),
    { description: 'newest first' },
  ),
});

export const auditLogSchema = s.object({
  entries: s.array(
    s.object({
      id: s.string(),
      actor: s.object({
        user_id: userId,
        via: s.enum(['flex', 'bearer', 'basic']),
        principal: s.string({ description: 'who signed in: the Flex identity or the token subject' }),
      }),
      action: s.string({ description: 'config.update, phone_mapping.create, phone_mapping.delete, ...' }),
      target: s.string({ description: 'config:<key> or phone_mapping:<id>' }),
      before: s.nullable(s.json({ description: 'the state before (null for a creation)' })),
      after: s.nullable(s.json({ description: 'the state after (null for a deletion)' })),
      at: s.dateTime(),
    }),
    { description: 'newest first' },
  ),
});

export const deliveryAnswerSchema = s.object({ status: s.enum(['success', 'warning']), message: s.string() });

export const routedTwimlAnswer = {
  contentType: 'text/xml',
  schema: s.twiml('a Message to the sender, and a Redirect to the processing function when the message is routed'),
} as const;

export const processedTwimlAnswer = {
  contentType: 'text/xml',
  schema: s.twiml("a Message with the agent's answer, or an apology when there is none"),
} as const;
