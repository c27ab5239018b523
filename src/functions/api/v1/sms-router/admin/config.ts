// GET /api/v1/sms-router/admin/config (001; system:view_sms_config): every setting, stored or default.
import { defineFunction } from '../../../../../lib/runtime/handler';
import { access } from '../../../../../lib/runtime/auth';
import { twilioClient } from '../../../../../lib/runtime/twilio-client';
import { configEntries } from '../../../../../lib/sms-router/config';
import { readStoredConfig } from '../../../../../lib/store/router-config';
import { routerError } from '../../../../../lib/contracts/error-shapes';
import { routerConfigSchema } from '../../../../../lib/contracts/answers/router';

export const handler = defineFunction({
  summary: 'Every setting of the router: stored, or its default',
  access: access.user({ via: ['bearer', 'flex'], permission: 'system:view_sms_config' }),
  input: {},
  errors: routerError,
  answers: { 200: routerConfigSchema },
  errorStatuses: [502],
  run: async ({ context }) => ({ configs: configEntries(await readStoredConfig(twilioClient(context), context)) }),
});
