/**
 * TaskRouter's query and form parameters: every malformed value is a 400 with code 20001 and TaskRouter's
 * wording, thrown before anything changes. Also the `Ordering` parameter of list requests and the sort it asks for.
 */
import { badParam, first, Params } from '../../core/wire';
import type { QueueOrder } from './model';

export const invalid = (message: string): Error => badParam(message, 20001);

export function required(form: Params, key: string): string {
  const v = first(form, key);
  if (v === undefined || v === '') throw invalid(`Missing required parameter ${key} in the post body`);
  return v;
}

/** An optional new FriendlyName, as updates of Workspaces, TaskQueues, Workflows and Workers bound it. */
export function friendlyName(params: Params): string | undefined {
  const name = first(params, 'FriendlyName');
  if (name !== undefined && (name === '' || name.length > 64)) throw invalid('FriendlyName must be 1 to 64 characters');
  return name;
}

export function integer(params: Params, key: string, min: number, max: number): number | undefined {
  const v = first(params, key);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    throw invalid(`Invalid value for ${key}: ${v} (an integer from ${min} to ${max} is expected)`);
  }
  return n;
}

export function boolean(params: Params, key: string): boolean | undefined {
  const v = first(params, key);
  if (v === undefined) return undefined;
  const lower = v.toLowerCase();
  if (lower === 'true' || lower === '1' || lower === 'yes') return true;
  if (lower === 'false' || lower === '0' || lower === 'no') return false;
  throw invalid(`Invalid value for ${key}: ${v} (true or false is expected)`);
}

export function queueOrder(params: Params, key: string): QueueOrder | undefined {
  const v = first(params, key);
  if (v === undefined) return undefined;
  if (v !== 'FIFO' && v !== 'LIFO') throw invalid(`Invalid value for ${key}: ${v} (FIFO or LIFO is expected)`);
  return v;
}

/** A JSON object as a string, as Twilio stores Attributes and Configuration. */
export function jsonObject(value: string, key: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw invalid(`${key} must be a valid JSON object: ${value}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw invalid(`${key} must be a valid JSON object: ${value}`);
  return parsed as Record<string, unknown>;
}

export function url(value: string | undefined, key: string): string | undefined {
  if (value === undefined || value === '') return value;
  if (!/^https?:\/\/\S+$/.test(value)) throw invalid(`${key} is not a valid URL: ${value}`);
  return value;
}

export function sidParam(params: Params, key: string, prefix: string): string | undefined {
  const v = first(params, key);
  if (v === undefined) return undefined;
  if (!new RegExp(`^${prefix}[0-9a-fA-F]{32}$`).test(v)) throw invalid(`Invalid ${key}: ${v}`);
  return v;
}

type Direction = 1 | -1;
export type SortKey = 'DateCreated' | 'Priority' | 'VirtualStartTime' | 'DateStatusChanged';

/** `Attribute:asc|desc[,Attribute:asc|desc]`, the attributes allowed for the resource. */
export function ordering(value: string | undefined, allowed: readonly SortKey[]): [SortKey, Direction][] {
  if (value === undefined || value === '') return [];
  const keys = value.split(',').map((part): [SortKey, Direction] => {
    const [attr, dir = 'asc'] = part.trim().split(':');
    const key = allowed.find((k) => k === attr);
    if (!key || (dir !== 'asc' && dir !== 'desc')) {
      throw invalid(`Invalid Ordering: ${value} (use Attribute:asc or Attribute:desc with ${allowed.join(', ')})`);
    }
    return [key, dir === 'asc' ? 1 : -1];
  });
  const names = keys.map(([k]) => k);
  if (new Set(names).size !== names.length) throw invalid(`Invalid Ordering: ${value} (an attribute is repeated)`);
  if (names.includes('DateCreated') && names.includes('VirtualStartTime')) {
    throw invalid('Invalid Ordering: DateCreated and VirtualStartTime cannot be combined');
  }
  return keys;
}

/**
 * Stable multi-key sort; each key's value is a tuple compared left to right. Without keys the current
 * order stays, and ties keep it too (callers pre-sort by their default, ascending creation).
 */
export function sortBy<T>(items: T[], order: [SortKey, Direction][], value: (item: T, key: SortKey) => number[]): void {
  if (!order.length) return;
  items.sort((a, b) => {
    for (const [key, dir] of order) {
      const va = value(a, key);
      const vb = value(b, key);
      for (let i = 0; i < va.length; i++) {
        const d = va[i] - (vb[i] ?? 0);
        if (d !== 0) return d * dir;
      }
    }
    return 0;
  });
}
