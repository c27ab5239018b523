/**
 * Declared inputs. A function lists its fields once; the wrapper parses `event` (query and body merged
 * by the runtime) against them before any work is done, so bad input changes nothing.
 */
import { ApiError } from './errors';
import type { JsonSchema } from '../contracts/schema';
import { E164, toE164 } from '../phone/e164';
import { emergencyRefused, isEmergencyNumber } from '../phone/dialing-policy';

export class Field<T> {
  constructor(
    readonly parse: (raw: unknown, name: string) => T,
    /** What the field is for; shown in validation errors and the docs. */
    readonly purpose = '',
    /** What the field accepts, as JSON Schema, for the OpenAPI document. */
    readonly schema: JsonSchema = {},
    /** Whether a request must carry it. */
    readonly required = true,
  ) {}

  /** Missing or empty is allowed and yields undefined. */
  optional(): Field<T | undefined> {
    return new Field((raw, name) => (isAbsent(raw) ? undefined : this.parse(raw, name)), this.purpose, this.schema, false);
  }

  /** Missing or empty yields `value`. */
  default(value: T): Field<T> {
    const schema = { ...this.schema, default: value };
    return new Field((raw, name) => (isAbsent(raw) ? value : this.parse(raw, name)), this.purpose, schema, false);
  }

  describe(purpose: string): Field<T> {
    return new Field(this.parse, purpose, this.schema, this.required);
  }
}

export type Schema = Record<string, Field<unknown>>;
export type InputOf<S extends Schema> = { [K in keyof S]: S[K] extends Field<infer T> ? T : never };

const isAbsent = (raw: unknown): boolean => raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

export const invalid = (name: string, message: string): ApiError =>
  new ApiError(400, 'VALIDATION_ERROR', message, { field: name });

function text(raw: unknown, name: string): string {
  if (isAbsent(raw)) throw invalid(name, `${name} is required`);
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (typeof raw !== 'string') throw invalid(name, `${name} must be a string`);
  return raw.trim();
}

export const f = {
  string(opts: { max?: number; pattern?: RegExp; patternHint?: string } = {}): Field<string> {
    return new Field(
      (raw, name) => {
        const v = text(raw, name);
        if (opts.max !== undefined && v.length > opts.max) throw invalid(name, `${name} must be at most ${opts.max} characters`);
        if (opts.pattern && !opts.pattern.test(v)) throw invalid(name, `${name} ${opts.patternHint ?? 'has an invalid format'}`);
        return v;
      },
      '',
      {
        type: 'string',
        ...(opts.max !== undefined ? { maxLength: opts.max } : {}),
        ...(opts.pattern ? { pattern: opts.pattern.source } : {}),
      },
    );
  },

  /** Text kept exactly as sent (message bodies: leading spaces matter). */
  body(opts: { max: number }): Field<string> {
    return new Field(
      (raw, name) => {
        if (isAbsent(raw)) throw invalid(name, `${name} is required`);
        if (typeof raw !== 'string') throw invalid(name, `${name} must be a string`);
        if (raw.length > opts.max) throw invalid(name, `${name} must be at most ${opts.max} characters`);
        return raw;
      },
      '',
      { type: 'string', maxLength: opts.max },
    );
  },

  /**
   * Text Twilio relays from a person (a message body, a profile name), which a webhook never refuses
   * for its content: any characters, and past `keep` characters (code points, so an emoji counts once)
   * the rest is cut, never half a character. Empty is a value (a media-only message); missing is not.
   */
  relayed(opts: { keep: number }): Field<string> {
    return new Field(
      (raw, name) => {
        if (raw === undefined || raw === null) throw invalid(name, `${name} is required`);
        const v = typeof raw === 'string' ? raw : text(raw, name);
        return v.length <= opts.keep ? v : Array.from(v).slice(0, opts.keep).join('');
      },
      '',
      { type: 'string', description: `kept up to ${opts.keep} characters` },
    );
  },

  /**
   * A phone number normalised to E.164. `strict` accepts only E.164 as typed (the phone API's rule);
   * otherwise common national and punctuated forms of valid numbers are normalised, and anything else
   * (trailing text, extensions) is refused. `dialled`: a number the service will call or message, where an
   * emergency number is refused as such (403 DIALING_POLICY) rather than as a malformed number.
   */
  phone(opts: { strict?: boolean; dialled?: boolean } = {}): Field<string> {
    return new Field(
      (raw, name) => {
        // A '+' sent unencoded in a query string arrives as a space: restore it.
        const v = typeof raw === 'string' && /^ \d/.test(raw) ? `+${raw.trim()}` : text(raw, name);
        if (opts.dialled && isEmergencyNumber(v)) throw emergencyRefused(name);
        if (opts.strict && !E164.test(v)) throw invalid(name, `${name} must be in E.164 format (e.g. +14155550100)`);
        const e164 = toE164(v);
        if (!e164) throw invalid(name, `${name} is not a valid phone number`);
        return e164;
      },
      '',
      {
        type: 'string',
        description: opts.strict ? 'E.164' : 'E.164 or a national form',
        ...(opts.strict ? { pattern: E164.source } : {}),
        example: '+14155550100',
      },
    );
  },

  /** A Twilio SID of one kind: its two-letter prefix and 32 lowercase hex digits (what Twilio issues). */
  sid(prefix: 'CA' | 'RE' | 'SM' | 'MM' | 'PN', what: string): Field<string> {
    const pattern = new RegExp(`^${prefix}[0-9a-f]{32}$`);
    return new Field(
      (raw, name) => {
        const v = text(raw, name);
        if (!pattern.test(v)) throw invalid(name, `${name} must be ${what} (${prefix} followed by 32 hex digits)`);
        return v;
      },
      '',
      { type: 'string', pattern: pattern.source },
    );
  },

  int(opts: { min?: number; max?: number } = {}): Field<number> {
    return new Field(
      (raw, name) => {
        const s = text(raw, name);
        if (!/^-?\d+$/.test(s)) throw invalid(name, `${name} must be a whole number`);
        const n = Number(s);
        if (opts.min !== undefined && n < opts.min) throw invalid(name, `${name} must be at least ${opts.min}`);
        if (opts.max !== undefined && n > opts.max) throw invalid(name, `${name} must be at most ${opts.max}`);
        return n;
      },
      '',
      {
        type: 'integer',
        ...(opts.min !== undefined ? { minimum: opts.min } : {}),
        ...(opts.max !== undefined ? { maximum: opts.max } : {}),
      },
    );
  },

  bool(): Field<boolean> {
    return new Field(
      (raw, name) => {
        if (raw === true || raw === false) return raw;
        const s = text(raw, name).toLowerCase();
        if (s === 'true' || s === '1') return true;
        if (s === 'false' || s === '0') return false;
        throw invalid(name, `${name} must be true or false`);
      },
      '',
      { type: 'boolean' },
    );
  },

  oneOf<T extends string>(values: readonly T[]): Field<T> {
    return new Field(
      (raw, name) => {
        const v = text(raw, name);
        if (!(values as readonly string[]).includes(v)) throw invalid(name, `${name} must be one of: ${values.join(', ')}`);
        return v as T;
      },
      '',
      { type: 'string', enum: [...values] },
    );
  },

  url(opts: { httpsOnly?: boolean } = {}): Field<string> {
    return new Field(
      (raw, name) => {
        const v = text(raw, name);
        let u: URL;
        try {
          u = new URL(v);
        } catch {
          throw invalid(name, `${name} must be an absolute URL`);
        }
        const ok = opts.httpsOnly ? u.protocol === 'https:' : u.protocol === 'https:' || u.protocol === 'http:';
        if (!ok) throw invalid(name, `${name} must be an ${opts.httpsOnly ? 'https' : 'http(s)'} URL`);
        return u.toString();
      },
      '',
      { type: 'string', format: 'uri', ...(opts.httpsOnly ? { pattern: '^https://' } : {}) },
    );
  },

  /** One or more values: a JSON array, a single value, or a comma-separated string. */
  list<T>(item: Field<T>, opts: { max: number }): Field<T[]> {
    return new Field(
      (raw, name) => {
        const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [raw];
        const present = items.filter((x) => !isAbsent(x));
        if (present.length === 0) throw invalid(name, `${name} is required`);
        if (present.length > opts.max) throw invalid(name, `${name} takes at most ${opts.max} values`);
        return present.map((x, i) => item.parse(x, `${name}[${i}]`));
      },
      '',
      {
        anyOf: [
          { type: 'array', items: item.schema, maxItems: opts.max },
          { type: 'string', description: 'comma-separated' },
        ],
      },
    );
  },
};

/** Parses `event` against the schema; unknown fields are ignored, known ones must be valid. */
export function parseInput<S extends Schema>(schema: S, event: Record<string, unknown>): InputOf<S> {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema)) out[name] = field.parse(event[name], name);
  return out as InputOf<S>;
}
