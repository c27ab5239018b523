// GET /docs (001 promises Swagger UI here): the interactive API docs. Public: the page holds no data; every
// call made from it carries the token the reader gives in its Authorize dialog.
import { defineFunction } from '../lib/runtime/handler';
import { access } from '../lib/runtime/auth';
import { Reply } from '../lib/runtime/reply';
import { pluginError } from '../lib/contracts/error-shapes';
import { s } from '../lib/contracts/schema';
import { DOCS_PAGE } from '../lib/web/docs-page';

export const handler = defineFunction({
  summary: 'The interactive API docs (Swagger UI) on /openapi.json, with "Try it out" against this service',
  access: access.public(),
  input: {},
  errors: pluginError,
  answers: { 200: { contentType: 'text/html', schema: s.string({ description: 'the Swagger UI page' }) } },
  run: async () => Reply.html(DOCS_PAGE),
});
