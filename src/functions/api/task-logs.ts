// GET /api/task-logs (000): the last 50 TaskRouter tasks.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { recentTasks } from '../../lib/taskrouter/tasks';
import { pluginError } from '../../lib/contracts/error-shapes';
import { taskLogSchema } from '../../lib/contracts/answers/plugin';

export const handler = defineFunction({
  summary: 'The 50 newest TaskRouter tasks of the Flex workspace',
  access: access.user(),
  input: {},
  errors: pluginError,
  answers: { 200: taskLogSchema },
  errorStatuses: [404, 502],
  run: ({ context }) => recentTasks(twilioClient(context), context, 50),
});
