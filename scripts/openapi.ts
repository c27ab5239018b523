/**
 * The service's OpenAPI 3.1 document, made from the functions' own declarations (access, inputs, answers,
 * error shape) as they were built: every bundle under dist/functions exports its `handler` with its spec,
 * so the document describes exactly what deploys. Never written by hand; `npm run build` writes it to
 * dist/assets/openapi.json, which the service serves at /openapi.json.
 */
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'fs';
import { join, relative } from 'path';
import type { FunctionSpec, Handler, TypedAnswer } from '../src/lib/runtime/handler';
import type { Access } from '../src/lib/runtime/auth';
import type { Field, Schema } from '../src/lib/runtime/input';
import { COMPONENT, JsonSchema } from '../src/lib/contracts/schema';
import { routesFrom } from './routes';

type Spec = FunctionSpec<Schema, Access>;
type Json = Record<string, unknown>;

const ROOT = join(__dirname, '..');

/** The seed system each group of paths belongs to, most specific prefix first (a tag in the docs). */
const TAGS: [prefix: string, tag: string][] = [
  ['/api/v1/sms-router', 'SMS router'],
  ['/api/twilio', 'Platform'],
  ['/api/admin', 'Platform admin'],
  ['/admin', 'Platform admin'],
  ['/webhooks/twilio', 'Platform'],
  ['/phone', 'Phone API'],
  ['/webhook', 'Softphone'],
  ['/api/call', 'Softphone'],
  ['/api/message', 'Softphone'],
  ['/api', 'Flex plugin API'],
  ['/', 'Pages'],
];

const SECURITY_SCHEMES = {
  flexToken: {
    type: 'apiKey',
    in: 'query',
    name: 'Token',
    description:
      "A Flex user's token (the Flex plugin's `manager.user.token`), checked with Twilio. Sent as the `Token` query " +
      'parameter or as a `Token` field of a JSON or form body.',
  },
  bearerAuth: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'An HS256 JWT signed with JWT_SECRET: `sub` = user id, `roles`, `permissions`.',
  },
  basicAuth: { type: 'http', scheme: 'basic', description: 'API_USERNAME and API_PASSWORD, for server-to-server callers.' },
  twilioSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Twilio-Signature',
    description: "Twilio's webhook signature for this exact URL and parameters, made with the account's auth token.",
  },
};

const SCHEME_OF = { flex: 'flexToken', bearer: 'bearerAuth', basic: 'basicAuth' } as const;

const STATUS_TEXT: Record<number, string> = {
  200: 'Success',
  201: 'Created',
  202: 'Accepted',
  400: 'Invalid input',
  401: 'Not signed in, or the credentials are not valid',
  402: 'The monthly spending limit is reached',
  403: 'Signed in without the permission this needs, or a webhook whose signature is not valid',
  404: 'Not found (or not yours)',
  409: 'Conflicts with the current state',
  413: 'Too large',
  415: 'The body is neither JSON nor a form',
  422: 'The idempotency key was used for a different request',
  429: 'Too many requests',
  500: 'The service failed or is not configured for this',
  502: 'Twilio did not complete the request',
  503: 'Temporarily unavailable (Twilio or Sync busy, or out of time); try again',
  504: 'Twilio did not answer in time: the outcome is unknown',
};

/** `/api/twilio/my-numbers/update` -> `apiTwilioMyNumbersUpdate` (stable ids for generated clients). */
function operationId(path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (words.length === 0) return 'root';
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join('');
}

function tagOf(path: string): string {
  return TAGS.find(
    ([prefix]) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`) || prefix === '/',
  )![1];
}

function methodOf(spec: Spec): 'get' | 'post' {
  if (spec.method) return spec.method === 'GET' ? 'get' : 'post';
  return spec.access.kind === 'webhook' || spec.requiresBody ? 'post' : 'get';
}

function inputSchema(input: Schema): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, field] of Object.entries(input) as [string, Field<unknown>][]) {
    properties[name] = field.purpose ? { ...field.schema, description: describeField(field) } : field.schema;
    if (field.required) required.push(name);
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}

function describeField(field: Field<unknown>): string {
  const own = typeof field.schema.description === 'string' ? `${field.schema.description}: ` : '';
  return `${own}${field.purpose}`;
}

function security(access: Access): Json[] {
  if (access.kind === 'public') return [];
  if (access.kind === 'webhook') return [{ twilioSignature: [] }];
  return access.via.map((v) => ({ [SCHEME_OF[v]]: [] }));
}

function isTyped(answer: JsonSchema | TypedAnswer): answer is TypedAnswer {
  return typeof (answer as TypedAnswer).contentType === 'string' && typeof (answer as TypedAnswer).schema === 'object';
}

/** Statuses the wrapper itself may answer with the error shape, for a function of this kind. */
function wrapperStatuses(spec: Spec): number[] {
  const statuses = new Set<number>();
  // Not only declared inputs: the reserved `request` key and parameters a signature cannot cover are refused too.
  statuses.add(400);
  if (spec.access.kind === 'user') [401, 403].forEach((s) => statuses.add(s));
  if (spec.access.kind === 'webhook') [403, 415].forEach((s) => statuses.add(s));
  if (spec.requiresBody) statuses.add(415);
  // A webhook with a fallback answers TwiML instead of a 5xx: Twilio always gets a document it can act on.
  if (!spec.fallback) [500, 503].forEach((s) => statuses.add(s));
  for (const s of spec.errorStatuses ?? []) statuses.add(s);
  return [...statuses];
}

function responses(path: string, spec: Spec): Json {
  if (Object.keys(spec.answers).length === 0) throw new Error(`${path} declares no answers`);
  const out: Json = {};
  for (const [status, answer] of Object.entries(spec.answers)) {
    const { contentType, schema } = isTyped(answer) ? answer : { contentType: 'application/json', schema: answer };
    out[status] = { description: STATUS_TEXT[Number(status)] ?? 'Answer', content: { [contentType]: { schema } } };
  }
  const errorSchema = spec.errors.schema;
  for (const status of wrapperStatuses(spec)) {
    if (out[status]) continue;
    if (!errorSchema) throw new Error(`${path}: its error shape has no schema (use errorShape())`);
    out[status] = { description: STATUS_TEXT[status] ?? 'Error', content: { 'application/json': { schema: errorSchema } } };
  }
  return out;
}

function operation(path: string, visibility: string, spec: Spec): Json {
  const method = methodOf(spec);
  const op: Json = {
    operationId: operationId(path),
    summary: spec.summary,
    tags: [tagOf(path)],
    security: security(spec.access),
    responses: responses(path, spec),
  };
  if (spec.access.kind === 'user' && spec.access.permission) {
    op['x-permission'] = spec.access.permission;
    op.description = `Needs the permission \`${spec.access.permission}\` (admins have it).`;
  }
  if (visibility === 'protected') op['x-visibility'] = 'protected';
  const inputs = inputSchema(spec.input);
  const hasInputs = Object.keys(inputs.properties as Json).length > 0;
  if (method === 'get') {
    const required = new Set((inputs.required as string[] | undefined) ?? []);
    op.parameters = Object.entries(inputs.properties as Record<string, JsonSchema>).map(([name, schema]) => {
      const { description, ...rest } = schema;
      return { name, in: 'query', required: required.has(name), ...(description ? { description } : {}), schema: rest };
    });
  } else if (hasInputs || spec.requiresBody) {
    const types =
      spec.access.kind === 'webhook'
        ? ['application/x-www-form-urlencoded']
        : ['application/json', 'application/x-www-form-urlencoded'];
    op.requestBody = { required: true, content: Object.fromEntries(types.map((t) => [t, { schema: inputs }])) };
  }
  return { [method]: op };
}

/** Moves every schema marked with `s.named` into components/schemas and refers to it there. */
function hoistComponents(node: unknown, components: Record<string, JsonSchema>): unknown {
  if (Array.isArray(node)) return node.map((n) => hoistComponents(n, components));
  if (!node || typeof node !== 'object') return node;
  const o = node as JsonSchema;
  const name = o[COMPONENT];
  const walked: JsonSchema = {};
  for (const [k, v] of Object.entries(o)) if (k !== COMPONENT) walked[k] = hoistComponents(v, components);
  if (typeof name !== 'string') return walked;
  const existing = components[name];
  if (existing && JSON.stringify(existing) !== JSON.stringify(walked)) throw new Error(`two different schemas are named ${name}`);
  components[name] = walked;
  return { $ref: `#/components/schemas/${name}` };
}

/** A reachable function and its declaration. */
export interface DeclaredFunction {
  path: string;
  visibility: 'public' | 'protected' | 'private';
  spec: Spec;
}

function loadSpec(file: string): Spec {
  delete require.cache[require.resolve(file)];
  const mod = require(file) as { handler?: Handler };
  if (!mod.handler?.spec) throw new Error(`${file} does not export a handler made with defineFunction`);
  return mod.handler.spec;
}

/**
 * Each built bundle's own declaration. Exact but slow (about 20 ms a bundle: every bundle carries its own copy
 * of the shared code), so the build uses `declarationsFromSources` and the tests check the two agree.
 */
export function declarationsInBundles(distDir = join(ROOT, 'dist')): DeclaredFunction[] {
  return routesFrom(distDir).functions.map((fn) => ({ path: fn.path, visibility: fn.access, spec: loadSpec(fn.filePath) }));
}

/**
 * The declarations of the functions just built into `distDir`, read from one bundle of all their sources (shared
 * code loaded once: about 50 ms where loading every bundle takes over a second, on each rebuild of `npm start`).
 */
export async function declarationsFromSources(distDir: string, root = ROOT): Promise<DeclaredFunction[]> {
  const routes = routesFrom(distDir).functions;
  const fnDir = join(distDir, 'functions');
  const sourceOf = (file: string): string => join(root, 'src', 'functions', relative(fnDir, file).replace(/\.js$/, '.ts'));
  const outfile = `${distDir}-declarations.js`;
  try {
    await build({
      stdin: {
        contents: `module.exports = [${routes.map((r) => `require(${JSON.stringify(sourceOf(r.filePath))}).handler.spec`).join(',\n')}];`,
        resolveDir: root,
        loader: 'js',
      },
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['twilio', 'twilio/*', 'libphonenumber-geo-carrier'],
      logLevel: 'warning',
    });
    const specs = require(outfile) as Spec[];
    return routes.map((r, i) => ({ path: r.path, visibility: r.access, spec: specs[i] }));
  } finally {
    delete require.cache[outfile];
    rmSync(outfile, { force: true });
  }
}

export function openApiDocument(functions: DeclaredFunction[]): Json {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    description: string;
  };
  const paths: Json = {};
  for (const fn of [...functions].sort((a, b) => a.path.localeCompare(b.path))) {
    // Private functions are unreachable from outside: not part of the API.
    if (fn.visibility === 'private') continue;
    paths[fn.path] = operation(fn.path, fn.visibility, fn.spec);
  }
  const schemas: Record<string, JsonSchema> = {};
  const hoisted = hoistComponents(paths, schemas) as Json;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Flex contact centre backend',
      version: pkg.version,
      description: `${pkg.description}\n\nEvery function answers GET, POST and OPTIONS; the method shown is the one its callers use. Errors come in the shape of the system each function belongs to.`,
    },
    servers: [
      { url: '/', description: 'This service' },
      {
        url: 'https://{domain}',
        description: 'A deployed environment',
        variables: { domain: { default: 'flex-contact-centre-backend-1234-dev.twil.io' } },
      },
    ],
    tags: [...new Set(TAGS.map(([, tag]) => tag))].map((name) => ({ name })),
    paths: hoisted,
    components: { schemas, securitySchemes: SECURITY_SCHEMES },
  };
}
