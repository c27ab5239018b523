// POST /api/v1/sms-router/admin/config/update (001 POST /admin/config; system:manage_sms_config): sets one
// known key to a valid value.
import { defineFunction } from '../../../../../../lib/runtime/handler';
import { access } from '../../../../../../lib/runtime/auth';
import { f } from '../../../../../../lib/runtime/input';
import { twilioClient } from '../../../../../../lib/runtime/twilio-client';
import { actorOf, audit } from '../../../../../../lib/sms-router/audit';
import { updateConfig } from '../../../../../../lib/sms-router/config';
import { routerError } from '../../../../../../lib/contracts/error-shapes';
import { configUpdatedSchema } from '../../../../../../lib/contracts/answers/router';

export const handler = defineFunction({
  summary: 'Sets one known setting to a valid value (audited)',
  access: access.user({ via: ['bearer', 'flex'], permission: 'system:manage_sms_config' }),
  requiresBody: true,
  input: {
    config_key: f.string({ max: 64 }).describe('configuration key (GET /admin/config lists them)'),
    config_value: f.string({ max: 1000 }).describe('configuration value'),
    description: f.string({ max: 500 }).optional().describe('configuration description'),
  },
  errors: routerError,
  answers: { 200: configUpdatedSchema },
  errorStatuses: [502],
  run: async ({ input, context, principal }) => {
    const client = twilioClient(context);
    const actor = await actorOf(client, context, principal);
    const change = await updateConfig(client, context, {
      key: input.config_key,
      value: input.config_value,
      description: input.description,
    });
    await audit(client, context, actor, 'config.update', `config:${change.after.key}`, change);
    return { message: 'Configuration updated successfully', key: change.after.key };
  },
});
