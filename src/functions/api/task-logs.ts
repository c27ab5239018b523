// GET /api/task-logs (000): the last 50 TaskRouter tasks.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { recentTasks } from '../../lib/taskrouter/tasks';
import { pluginError } from '../../lib/contracts/error-shapes';

export const handler = defineFunction({
  access: access.user(),
  input: {},
  errors: pluginError,
  run: ({ context }) => recentTasks(twilioClient(context), context, 50),
});
