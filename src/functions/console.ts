// GET /console: the web console for agents and admins. Public: the page is a shell with no data; every
// request it makes afterwards carries the person's own Flex or bearer token.
import { defineFunction } from '../lib/runtime/handler';
import { access } from '../lib/runtime/auth';
import { Reply } from '../lib/runtime/reply';
import { pluginError } from '../lib/contracts/error-shapes';
import { CONSOLE_PAGE } from '../lib/web/console-page';

export const handler = defineFunction({
  access: access.public(),
  input: {},
  errors: pluginError,
  run: async () => Reply.html(CONSOLE_PAGE),
});
