// GET /console: the web console for agents and admins. Public: the page is a shell with no data; every
// request it makes afterwards carries the person's own Flex or bearer token.
import { defineFunction } from '../lib/runtime/handler';
import { access } from '../lib/runtime/auth';
import { Reply } from '../lib/runtime/reply';
import { pluginError } from '../lib/contracts/error-shapes';
import { CONSOLE_PAGE } from '../lib/web/console-page';
import { s } from '../lib/contracts/schema';

export const handler = defineFunction({
  summary:
    'The web console for agents and admins (numbers, softphone, calls, usage and bills; platform usage, health, SMS router)',
  access: access.public(),
  input: {},
  errors: pluginError,
  answers: { 200: { contentType: 'text/html', schema: s.string({ description: 'the console page' }) } },
  run: async () => Reply.html(CONSOLE_PAGE),
});
