/**
 * JSON Schema (the dialect of OpenAPI 3.1) for what functions answer. Each function declares its answers
 * with these builders beside its inputs; scripts/openapi.ts turns the specs into the service's OpenAPI
 * document, and the tests check every answer a function gives against it. Objects are closed
 * (`additionalProperties: false`) and every property is required unless named optional, so a field a
 * function adds, drops or renames without its schema fails the suite instead of surprising a client.
 */
export type JsonSchema = { [keyword: string]: unknown };

/** Marks a schema the document keeps once under components/schemas and references by name. */
export const COMPONENT = 'x-component';

type Common = { description?: string };

function withCommon(schema: JsonSchema, opts: Common = {}): JsonSchema {
  return opts.description ? { ...schema, description: opts.description } : schema;
}

export const s = {
  string(opts: Common & { format?: string; pattern?: string; maxLength?: number; example?: string } = {}): JsonSchema {
    const { description, ...rest } = opts;
    return withCommon({ type: 'string', ...rest }, { description });
  },
  /** One of a fixed set of strings. */
  enum(values: readonly string[], opts: Common = {}): JsonSchema {
    return withCommon({ type: 'string', enum: [...values] }, opts);
  },
  /** Exactly this value. */
  literal(value: string | number | boolean, opts: Common = {}): JsonSchema {
    return withCommon({ const: value }, opts);
  },
  integer(opts: Common & { minimum?: number; maximum?: number } = {}): JsonSchema {
    const { description, ...rest } = opts;
    return withCommon({ type: 'integer', ...rest }, { description });
  },
  number(opts: Common & { minimum?: number } = {}): JsonSchema {
    const { description, ...rest } = opts;
    return withCommon({ type: 'number', ...rest }, { description });
  },
  boolean(opts: Common = {}): JsonSchema {
    return withCommon({ type: 'boolean' }, opts);
  },
  /** An ISO 8601 timestamp. */
  dateTime(opts: Common = {}): JsonSchema {
    return withCommon({ type: 'string', format: 'date-time' }, opts);
  },
  /** The value, or null. */
  nullable(schema: JsonSchema): JsonSchema {
    return { anyOf: [schema, { type: 'null' }] };
  },
  array(items: JsonSchema, opts: Common = {}): JsonSchema {
    return withCommon({ type: 'array', items }, opts);
  },
  /** A closed object: every property required except those listed in `optional`. */
  object(properties: Record<string, JsonSchema>, opts: Common & { optional?: readonly string[] } = {}): JsonSchema {
    const optional = new Set(opts.optional ?? []);
    for (const name of optional) if (!(name in properties)) throw new Error(`optional property ${name} is not a property`);
    const required = Object.keys(properties).filter((k) => !optional.has(k));
    return withCommon(
      { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false },
      { description: opts.description },
    );
  },
  /** An object keyed by data (dates, categories, paths), each value of one schema. */
  record(values: JsonSchema, opts: Common = {}): JsonSchema {
    return withCommon({ type: 'object', additionalProperties: values }, opts);
  },
  /** Any JSON value: data passed on as it was given (a task's attributes, an audited state). */
  json(opts: Common = {}): JsonSchema {
    return withCommon({}, opts);
  },
  anyOf(...schemas: JsonSchema[]): JsonSchema {
    return { anyOf: schemas };
  },
  /** A schema several answers share: the document keeps it once, as components/schemas/<name>. */
  named(name: string, schema: JsonSchema): JsonSchema {
    return { ...schema, [COMPONENT]: name };
  },
  /** A TwiML document. */
  twiml(description = 'TwiML'): JsonSchema {
    return { type: 'string', description, contentMediaType: 'text/xml' };
  },
};
