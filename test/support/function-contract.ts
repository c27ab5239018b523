/**
 * The service's own contract: every answer a function gives in the tests is checked against the answer
 * its OpenAPI document (dist/assets/openapi.json, made from the functions' specs by the build) declares
 * for that path and status. An undocumented status, another content type or a body that does not match
 * its schema is a violation, and the test file that saw it fails.
 */
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { appendFileSync, mkdirSync, readFileSync } from 'fs';
import { join } from 'path';

type Json = Record<string, unknown>;

export interface FunctionAnswer {
  method: string;
  /** Path without the query string. */
  path: string;
  status: number;
  contentType: string;
  /** The body as parsed (JSON) or as text. */
  body: unknown;
  /** Set on answers the local server gives itself (a body it could not read), which no function gave. */
  servedByLocalServer: boolean;
}

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

export const DOCUMENT_PATH = join(__dirname, '../../dist/assets/openapi.json');
const TALLY = join(__dirname, '../../test-results/function-answers.jsonl');

let loaded: { doc: { paths: Record<string, Record<string, Operation>> }; ajv: Ajv2020 } | undefined;
const validators = new Map<string, ValidateFunction>();

function load(): NonNullable<typeof loaded> {
  if (!loaded) {
    const doc = JSON.parse(readFileSync(DOCUMENT_PATH, 'utf8')) as NonNullable<typeof loaded>['doc'];
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc as unknown as Json, 'openapi');
    loaded = { doc, ajv };
  }
  return loaded;
}

const pointer = (...parts: string[]): string => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** The media type without parameters: `text/xml; charset=utf-8` -> `text/xml`. */
const mediaType = (contentType: string): string => contentType.split(';')[0].trim().toLowerCase();

/** The documented answers of a path, whatever method was used: every function answers GET and POST alike. */
function documented(path: string): { method: string; status: string; contentType: string }[] | undefined {
  const item = load().doc.paths[path];
  if (!item) return undefined;
  const out: { method: string; status: string; contentType: string }[] = [];
  for (const [method, op] of Object.entries(item)) {
    for (const [status, response] of Object.entries(op.responses)) {
      for (const contentType of Object.keys(response.content ?? {})) out.push({ method, status, contentType });
    }
  }
  return out;
}

function validator(path: string, method: string, status: string, contentType: string): ValidateFunction {
  const key = `${path} ${method} ${status} ${contentType}`;
  let v = validators.get(key);
  if (!v) {
    const ref = `openapi#/${pointer('paths', path, method, 'responses', status, 'content', contentType, 'schema')}`;
    v = load().ajv.compile({ $ref: ref });
    validators.set(key, v);
  }
  return v;
}

/** The violations among these answers (empty when every one matches the document). */
export function functionAnswerViolations(answers: FunctionAnswer[]): string[] {
  const problems: string[] = [];
  for (const a of answers) {
    // Preflights are answered by the runtime, and the local server's own refusals are no function's answers.
    if (a.method === 'OPTIONS' || a.servedByLocalServer) continue;
    const options = documented(a.path);
    // Not a function of this service (an asset, a path that does not exist): nothing to check against.
    if (!options) continue;
    const line = `${a.method} ${a.path} -> ${a.status}`;
    const sameStatus = options.filter((o) => o.status === String(a.status));
    if (sameStatus.length === 0) {
      problems.push(`${line}: status not documented`);
      continue;
    }
    const match = sameStatus.find((o) => o.contentType === mediaType(a.contentType));
    if (!match) {
      problems.push(
        `${line}: answered ${mediaType(a.contentType)}, documented ${sameStatus.map((o) => o.contentType).join(', ')}`,
      );
      continue;
    }
    const v = validator(a.path, match.method, match.status, match.contentType);
    if (!v(a.body)) {
      const detail = (v.errors ?? [])
        .slice(0, 5)
        .map(
          (e) =>
            `${e.instancePath || '/'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
        )
        .join('; ');
      problems.push(`${line}: ${detail}`);
    }
  }
  return [...new Set(problems)];
}

/** Keeps a count of the answers checked by each test file (test-results/function-answers.jsonl). */
export function tallyFunctionAnswers(file: string, checked: number, violations: number): void {
  mkdirSync(join(TALLY, '..'), { recursive: true });
  appendFileSync(TALLY, `${JSON.stringify({ file, checked, violations })}\n`);
}
