/**
 * Sync request parameters and the errors Twilio documents for them (https://www.twilio.com/docs/api/errors/<code>).
 *
 *   54006 400  Request entity too large: serialized `Data` over 16 KiB
 *   54008 400  Invalid JSON: `Data` does not parse (or is not a JSON object)
 *   54009 429  Rate limit exceeded: more than 20 reads+writes a second against one object
 *   54010 400  No parameters specified: an update without any of its optional parameters
 *   54011 400  Invalid TTL: not an integer between 0 and 31 536 000
 *   54050 404  Service Instance not found
 *   54100 404  Document not found           54101 400  Invalid Document data (`Data` is null)
 *   54103 412  Document revision mismatch (If-Match)
 *   54150 404  List not found               54151 404  List Item not found
 *   54155 412  List Item revision mismatch  54156 400  Invalid List Item data (`Data` missing or null)
 *   54200 404  Map not found                54201 404  Map Item not found
 *   54205 412  Map Item revision mismatch   54206 400  Invalid Map Item data (`Data` missing or null)
 *   54208 409  Map Item already exists      54209 400  Invalid Map Item key
 *   54301 409  Unique name already exists   54302 400  Invalid unique name
 *   54451 400  Invalid 'Order'   54452 400  Invalid 'Bounds'   54454 400  Invalid 'PageSize'
 *   54458 400  Invalid List Item index
 */
import { first, Params, TwilioApiError } from '../../core/wire';
import type { JsonObject } from './model';

export const DATA_LIMIT_BYTES = 16 * 1024;
const MAX_TTL = 31_536_000;
const MAX_NAME = 320;
const SID_LIKE = /^[A-Z]{2}[0-9a-fA-F]{32}$/;

export const syncError = (status: number, code: number, message: string): TwilioApiError =>
  new TwilioApiError(status, code, message);

/** `Data` as a JSON object of at most 16 KiB once serialized; `nullCode` is the kind's "Data cannot be null" code. */
export function parseData(raw: string, nullCode: number): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw syncError(400, 54008, "The specified 'Data' parameter is not valid JSON.");
  }
  if (parsed === null) throw syncError(400, nullCode, "The 'Data' parameter cannot be null.");
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw syncError(400, 54008, "The specified 'Data' parameter must be a JSON object.");
  }
  const size = Buffer.byteLength(JSON.stringify(parsed), 'utf8');
  if (size > DATA_LIMIT_BYTES) {
    throw syncError(
      400,
      54006,
      `The size of the specified 'Data' parameter (${size} bytes) exceeds the limit of ${DATA_LIMIT_BYTES} bytes.`,
    );
  }
  return parsed as JsonObject;
}

/** Seconds of time-to-live, or undefined when none of `names` is given; the first name given wins. */
export function parseTtl(form: Params, ...names: string[]): number | undefined {
  for (const name of names) {
    const v = first(form, name);
    if (v === undefined || v === '') continue;
    if (!/^\d+$/.test(v) || Number(v) > MAX_TTL) {
      throw syncError(400, 54011, `Invalid ${name}: the TTL in seconds must be an integer between 0 and ${MAX_TTL}.`);
    }
    return Number(v);
  }
  return undefined;
}

/** Epoch ms a TTL ends at; a TTL of 0 means the object never expires. */
export const expiryFrom = (now: number, ttl: number): number | null => (ttl === 0 ? null : now + ttl * 1000);

export function parseUniqueName(form: Params): string | null {
  const v = first(form, 'UniqueName');
  if (v === undefined) return null;
  if (v.length < 1 || v.length > MAX_NAME || SID_LIKE.test(v)) {
    throw syncError(400, 54302, `The unique name must be a string with length 1-${MAX_NAME} and must not look like a SID.`);
  }
  return v;
}

export function parseMapKey(v: string | undefined): string {
  if (v === undefined || v.length < 1 || v.length > MAX_NAME) {
    throw syncError(400, 54209, `The Map Item key must be a string with length 1-${MAX_NAME}.`);
  }
  return v;
}

export function parseListIndex(v: string): number {
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
    throw syncError(400, 54458, 'The List Item index must be a non-negative integer.');
  }
  return Number(v);
}

/**
 * The If-Match precondition: passes without the header, with `*`, or when one of its (optionally quoted)
 * values is the current revision; otherwise a 412 with the kind's revision-mismatch code.
 */
export function checkIfMatch(header: string | string[] | undefined, revision: number, code: number, what: string): void {
  if (header === undefined) return;
  const values = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((v) =>
      v
        .trim()
        .replace(/^W\//, '')
        .replace(/^"(.*)"$/, '$1'),
    )
    .filter((v) => v !== '');
  if (values.length === 0 || values.includes('*') || values.includes(String(revision))) return;
  throw syncError(
    412,
    code,
    `The actual revision of the ${what} (${revision}) does not match the expected revision (${values.join(', ')}).`,
  );
}

export interface SyncPage {
  page: number;
  pageSize: number;
}

/**
 * Sync list endpoints document PageSize 1-100 (default 50). Like the SDK's `list({ limit })`, callers may ask
 * for more: up to 1000 is served as pages of 100; above 1000, or not a positive integer, is a 400.
 */
export function readSyncPage(query: Params): SyncPage {
  const rawSize = first(query, 'PageSize');
  const size = rawSize === undefined ? 50 : Number(rawSize);
  if (!Number.isInteger(size) || size < 1 || size > 1000) {
    throw syncError(400, 54454, "The 'PageSize' query parameter must be an integer between 1 and 100.");
  }
  const rawPage = first(query, 'Page');
  const page = rawPage === undefined ? 0 : Number(rawPage);
  if (!Number.isInteger(page) || page < 0)
    throw syncError(400, 20001, "The 'Page' query parameter must be a non-negative integer.");
  return { page, pageSize: Math.min(size, 100) };
}

export interface ItemQuery {
  order: 'asc' | 'desc';
  from: string | undefined;
  bounds: 'inclusive' | 'exclusive';
}

export function readItemQuery(query: Params): ItemQuery {
  const order = first(query, 'Order') ?? 'asc';
  if (order !== 'asc' && order !== 'desc')
    throw syncError(400, 54451, "The 'Order' query parameter must be one of {'asc', 'desc'}.");
  const bounds = first(query, 'Bounds') ?? 'inclusive';
  if (bounds !== 'inclusive' && bounds !== 'exclusive') {
    throw syncError(400, 54452, "The 'Bounds' query parameter must be one of {'inclusive', 'exclusive'}.");
  }
  return { order, from: first(query, 'From'), bounds };
}
