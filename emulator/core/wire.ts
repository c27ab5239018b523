/**
 * Twilio wire formats shared by every emulated product: SIDs, dates, error bodies, paging.
 */
import { randomBytes } from 'crypto';

export function newSid(prefix: string): string {
  return prefix + randomBytes(16).toString('hex');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** RFC 2822 in GMT, as the 2010 API writes it: "Fri, 24 May 2019 17:44:46 +0000". */
export function rfc2822(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(
    d.getUTCHours(),
  )}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** ISO 8601 without milliseconds, as the v1 and v2 APIs write it: "2019-05-24T17:44:46Z". */
export function iso8601(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The error body every Twilio REST API answers with. */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

export class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
  body(): TwilioErrorBody {
    return {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
    };
  }
}

export const notFound = (resource: string): TwilioApiError =>
  new TwilioApiError(404, 20404, `The requested resource ${resource} was not found`);

export const badParam = (message: string, code = 21602): TwilioApiError => new TwilioApiError(400, code, message);

/** Page parameters as both API generations accept them (PageSize, Page; PageToken is opaque to callers). */
export interface PageRequest {
  page: number;
  pageSize: number;
}

export function readPage(query: Params, maxPageSize = 1000, defaultSize = 50): PageRequest {
  const size = Number(first(query, 'PageSize') ?? defaultSize);
  const page = Number(first(query, 'Page') ?? 0);
  if (!Number.isInteger(size) || size < 1) throw badParam('PageSize must be a positive integer', 20001);
  if (!Number.isInteger(page) || page < 0) throw badParam('Page must be a non-negative integer', 20001);
  return { page, pageSize: Math.min(size, maxPageSize) };
}

function queryString(filters: Record<string, string | undefined>, extra: Record<string, string>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) q.append(k, v);
  for (const [k, v] of Object.entries(extra)) q.append(k, v);
  return q.toString();
}

/**
 * One page and the links around it, shared by both API generations' page shapes. `more` says whether
 * records follow; without it `items` is the whole listing and the page is cut from it.
 */
function pageWindow<T>(
  base: string,
  items: T[],
  req: PageRequest,
  filters: Record<string, string | undefined>,
  more: boolean | undefined,
) {
  const start = req.page * req.pageSize;
  const slice = more === undefined ? items.slice(start, start + req.pageSize) : items;
  const hasNext = more === undefined ? start + req.pageSize < items.length : more;
  const link = (page: number): string =>
    `${base}?${queryString(filters, { PageSize: String(req.pageSize), Page: String(page) })}`;
  return {
    start,
    slice,
    first: link(0),
    current: link(req.page),
    next: hasNext ? `${link(req.page + 1)}&PageToken=PA${req.page + 1}` : null,
    previous: req.page > 0 ? `${link(req.page - 1)}&PageToken=PB${req.page - 1}` : null,
  };
}

/** A 2010-04-01 list page: relative URIs, the list under `key`. */
export function page2010<T>(
  key: string,
  path: string,
  items: T[],
  req: PageRequest,
  filters: Record<string, string | undefined> = {},
  more?: boolean,
): Record<string, unknown> {
  const w = pageWindow(path, items, req, filters, more);
  return {
    [key]: w.slice,
    end: w.slice.length ? w.start + w.slice.length - 1 : w.start,
    first_page_uri: w.first,
    next_page_uri: w.next,
    page: req.page,
    page_size: req.pageSize,
    previous_page_uri: w.previous,
    start: w.start,
    uri: w.current,
  };
}

/** A v1/v2 list page: absolute URLs in `meta`. */
export function pageV1<T>(
  key: string,
  baseUrl: string,
  items: T[],
  req: PageRequest,
  filters: Record<string, string | undefined> = {},
  more?: boolean,
): Record<string, unknown> {
  const w = pageWindow(baseUrl, items, req, filters, more);
  return {
    [key]: w.slice,
    meta: {
      first_page_url: w.first,
      key,
      next_page_url: w.next,
      page: req.page,
      page_size: req.pageSize,
      previous_page_url: w.previous,
      url: w.current,
    },
  };
}

/** Form and query parameters: Twilio repeats a key for list values (MediaUrl, StatusCallbackEvent). */
export type Params = Record<string, string[]>;

export function first(params: Params, key: string): string | undefined {
  return params[key]?.[0];
}

export function all(params: Params, key: string): string[] {
  return params[key] ?? [];
}

export function parseParams(text: string): Params {
  const out: Params = {};
  for (const [k, v] of new URLSearchParams(text)) (out[k] ??= []).push(v);
  return out;
}

/** Twilio booleans arrive as "true"/"false" (the SDK serialises them that way). */
export function bool(params: Params, key: string): boolean | undefined {
  const v = first(params, key);
  if (v === undefined) return undefined;
  if (v === 'true' || v === 'True') return true;
  if (v === 'false' || v === 'False') return false;
  throw badParam(`${key} must be true or false`, 20001);
}
