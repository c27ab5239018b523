/**
 * The OpenAPI document the build makes from the functions' specs: complete, valid OpenAPI 3.1, served at
 * /openapi.json, and in step with README's endpoint table.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { declarationsInBundles, openApiDocument } from '../../scripts/openapi';
import { routesFrom } from '../../scripts/routes';
import { DOCUMENT_PATH } from '../support/function-contract';
import { useService } from '../support/service';

type Json = Record<string, unknown>;
type Paths = Record<string, Record<string, Json>>;

const ROOT = join(__dirname, '..', '..');
const doc = (): { paths: Paths; components: { schemas: Record<string, Json> } } =>
  JSON.parse(readFileSync(DOCUMENT_PATH, 'utf8')) as ReturnType<typeof doc>;

/** README's endpoint table: `| \`/path\` | METHOD | ...` rows under "## Endpoints". */
function readmeEndpoints(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Endpoints'));
  const rows = [...section.matchAll(/^\| `(\/[^`]*)` \| (GET|POST)(?: \/ (GET|POST))? \|/gm)];
  return rows.flatMap((m) => [m[2], m[3]].filter(Boolean).map((method) => `${method} ${m[1]}`)).sort();
}

describe('the OpenAPI document', () => {
  it('describes the bundles that deploy: made again from each built bundle, it is the document served', () => {
    expect(openApiDocument(declarationsInBundles())).toEqual(doc());
  });

  it('describes every function that is reachable, and nothing else', () => {
    const reachable = routesFrom()
      .functions.filter((f) => f.access !== 'private')
      .map((f) => f.path)
      .sort();
    expect(Object.keys(doc().paths).sort()).toEqual(reachable);
  });

  it('has a summary and a success answer for every function', () => {
    for (const [path, item] of Object.entries(doc().paths)) {
      for (const op of Object.values(item)) {
        expect({ path, summary: typeof op.summary === 'string' && op.summary !== path }).toEqual({ path, summary: true });
        const statuses = Object.keys(op.responses as Json).map(Number);
        expect({ path, success: statuses.some((s) => s < 300) }).toEqual({ path, success: true });
      }
    }
  });

  it('is valid OpenAPI 3.1 whose schemas all compile', () => {
    const d = doc() as unknown as Json;
    expect(d.openapi).toBe('3.1.0');
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addSchema(d, 'openapi');
    for (const [path, item] of Object.entries(doc().paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(typeof op.operationId).toBe('string');
        for (const [status, response] of Object.entries(op.responses as Record<string, { content?: Json }>)) {
          for (const type of Object.keys(response.content ?? {})) {
            const ref = ['paths', path, method, 'responses', status, 'content', type, 'schema']
              .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
              .join('/');
            expect(() => ajv.compile({ $ref: `openapi#/${ref}` })).not.toThrow();
          }
        }
      }
    }
    const ids = Object.values(doc().paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("agrees with README's endpoint table, path by path and method by method", () => {
    const documented = Object.entries(doc().paths)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(readmeEndpoints()).toEqual(documented);
  });

  describe('served by the service', () => {
    const svc = useService();
    it('answers the document at /openapi.json', async () => {
      const res = await svc().get<Json>('/openapi.json');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/json/);
      expect(res.body).toEqual(doc());
    });
  });
});
