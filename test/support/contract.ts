/**
 * Contract check: every answer of the emulator that a test sees is validated against the response
 * schema of its operation in Twilio's own OpenAPI documents (shipped by @twilio-alpha/mcp, read here
 * at test time and never copied). Stricter than the documents: every documented property must be
 * present (Twilio always writes each field, null when empty), so a missing field is a failure.
 */
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Exchange } from '../../emulator';

type Json = Record<string, unknown>;

interface Spec {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Json }> }> }>>;
  components: Json;
}

const SPEC_DIR = join(__dirname, '../../node_modules/@twilio-alpha/mcp/twilio-oai/spec/json');

/** Operations Twilio does not publish in its OpenAPI documents; the tests check their shapes directly. */
const UNDOCUMENTED: RegExp[] = [
  /^iam\.twilio\.com POST \/v1\/Accounts\/[^/]+\/Tokens\/validate$/,
  // Recording audio downloads: binary media, not JSON operations.
  /^api\.twilio\.com GET \/2010-04-01\/Accounts\/[^/]+\/Recordings\/RE[0-9a-f]{32}(\.mp3|\.wav)?$/,
  // Message media content: a redirect to the file, not a JSON operation.
  /^api\.twilio\.com GET \/2010-04-01\/Accounts\/[^/]+\/Messages\/[^/]+\/Media\/ME[0-9a-f]{32}$/,
  // Serverless uploads: the upload host is not in the documents; the version it answers is fetched and checked.
  /^serverless-upload\.twilio\.com POST \/v1\/Services\/[^/]+\/(Functions|Assets)\/[^/]+\/Versions$/,
];

const ERROR_SCHEMA = {
  type: 'object',
  required: ['code', 'message', 'more_info', 'status'],
  properties: {
    code: { type: 'integer' },
    message: { type: 'string' },
    more_info: { type: 'string' },
    status: { type: 'integer' },
  },
};

const specs = new Map<string, { spec: Spec; templates: { tpl: string; re: RegExp; literal: number }[] }>();
const validators = new Map<string, ValidateFunction>();

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('uri', true); // Twilio marks relative URIs (first_page_uri) as `uri`
ajv.addFormat('date-time-rfc-2822', /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
ajv.addFormat('http-method', /^(GET|POST|PUT|DELETE|HEAD|PATCH)$/);

function specFileFor(host: string, path: string): string | undefined {
  const product = host.replace(/\.twilio\.com$/, '');
  const version = path.split('/')[1] ?? '';
  if (product === 'api' && version === '2010-04-01') return 'twilio_api_v2010.json';
  if (!/^v\d+$/.test(version)) return undefined;
  return `twilio_${product}_${version}.json`;
}

function loadSpec(file: string): NonNullable<ReturnType<typeof specs.get>> {
  let entry = specs.get(file);
  if (!entry) {
    const spec = JSON.parse(readFileSync(join(SPEC_DIR, file), 'utf8')) as Spec;
    registerUnknownFormats(spec);
    const templates = Object.keys(spec.paths).map((tpl) => ({
      tpl,
      re: new RegExp(`^${tpl.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      literal: tpl.replace(/\{[^}]+\}/g, '').length,
    }));
    templates.sort((a, b) => b.literal - a.literal);
    entry = { spec, templates };
    specs.set(file, entry);
  }
  return entry;
}

function registerUnknownFormats(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(registerUnknownFormats);
  if (!node || typeof node !== 'object') return;
  const o = node as Json;
  if (typeof o.format === 'string' && !ajv.formats[o.format]) ajv.addFormat(o.format, true);
  Object.values(o).forEach(registerUnknownFormats);
}

/** Deep copy where every object schema requires all of its documented properties. */
function requireAll(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(requireAll);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) out[k] = k === 'examples' || k === 'example' ? undefined : requireAll(v);
  if (out.properties && typeof out.properties === 'object' && !Array.isArray(out.properties)) {
    out.required = Object.keys(out.properties as Json);
  }
  // `{ nullable: true }` with no type (recording encryption_details) already accepts anything; Ajv refuses it.
  if (out.nullable !== undefined && out.type === undefined) delete out.nullable;
  return out;
}

function validatorFor(file: string, tpl: string, method: string, status: number): ValidateFunction | 'no-operation' | 'no-body' {
  const key = `${file} ${method} ${tpl} ${status}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const { spec } = loadSpec(file);
  const op = spec.paths[tpl]?.[method.toLowerCase()];
  if (!op) return 'no-operation';
  const response = op.responses?.[String(status)];
  if (!response) {
    if (status >= 400) {
      const v = ajv.compile(ERROR_SCHEMA);
      validators.set(key, v);
      return v;
    }
    return 'no-operation';
  }
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return 'no-body';
  const v = ajv.compile({ ...(requireAll(schema) as Json), components: requireAll(spec.components) });
  validators.set(key, v);
  return v;
}

/** The contract violations in these exchanges (empty when all conform). */
export function contractViolations(exchanges: Exchange[]): string[] {
  const problems: string[] = [];
  for (const ex of exchanges) {
    const line = `${ex.host} ${ex.method} ${ex.path}`;
    if (UNDOCUMENTED.some((re) => re.test(line))) continue;
    const file = specFileFor(ex.host, ex.path);
    if (!file) {
      problems.push(`${line}: no OpenAPI document for this host/version`);
      continue;
    }
    const tpl = loadSpec(file).templates.find((t) => t.re.test(ex.path))?.tpl;
    if (!tpl) {
      problems.push(`${line}: no path in ${file}`);
      continue;
    }
    const v = validatorFor(file, tpl, ex.method, ex.status);
    if (v === 'no-operation') {
      problems.push(`${line} -> ${ex.status}: status not documented for ${ex.method} ${tpl}`);
      continue;
    }
    if (v === 'no-body') {
      if (ex.body !== undefined) problems.push(`${line} -> ${ex.status}: body where ${file} documents none`);
      continue;
    }
    if (!v(ex.body)) {
      const detail = (v.errors ?? [])
        .slice(0, 5)
        .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
        .join('; ');
      problems.push(`${line} -> ${ex.status}: ${detail}`);
    }
  }
  return [...new Set(problems)];
}
