/**
 * Sync's persisted state and its wire shapes (the OpenAPI schemas of twilio_sync_v1.json).
 * Times are epoch milliseconds; `expires` is null for objects without a TTL.
 */
import { iso8601 } from '../../core/wire';

/** What the SDK addresses as https://sync.twilio.com/v1; every `url`, `links` and `meta.*_url` uses it. */
export const SYNC_BASE = 'https://sync.twilio.com/v1';

export type JsonObject = { [key: string]: unknown };

export interface ServiceRecord {
  sid: string;
  unique_name: string | null;
  friendly_name: string | null;
  webhook_url: string | null;
  webhooks_from_rest_enabled: boolean;
  reachability_webhooks_enabled: boolean;
  acl_enabled: boolean;
  reachability_debouncing_enabled: boolean;
  reachability_debouncing_window: number;
  created: number;
  updated: number;
  seq: number;
}

/** What documents, maps and lists share: addressable by sid or unique name, a revision, a TTL. */
export interface ObjectRecord {
  sid: string;
  service_sid: string;
  unique_name: string | null;
  revision: number;
  created: number;
  updated: number;
  expires: number | null;
  seq: number;
}

export interface DocumentRecord extends ObjectRecord {
  data: JsonObject;
}

export interface ItemRecord {
  /** The sid of the Map or List the item belongs to. */
  parent: string;
  data: JsonObject;
  revision: number;
  created: number;
  updated: number;
  expires: number | null;
}

export interface MapItemRecord extends ItemRecord {
  key: string;
}

export interface ListItemRecord extends ItemRecord {
  index: number;
}

/** A Map or a List: an object holding items (kept in their own table), each with its own revision and TTL. */
export type CollectionRecord = ObjectRecord;

export type MapRecord = CollectionRecord;

export interface ListRecord extends CollectionRecord {
  next_index: number;
}

const date = (ms: number): string => iso8601(ms);
const expires = (ms: number | null): string | null => (ms === null ? null : iso8601(ms));

export function serviceUrl(serviceSid: string): string {
  return `${SYNC_BASE}/Services/${serviceSid}`;
}

export function wireService(accountSid: string, s: ServiceRecord): Record<string, unknown> {
  const url = serviceUrl(s.sid);
  return {
    sid: s.sid,
    unique_name: s.unique_name,
    account_sid: accountSid,
    friendly_name: s.friendly_name,
    date_created: date(s.created),
    date_updated: date(s.updated),
    url,
    webhook_url: s.webhook_url,
    webhooks_from_rest_enabled: s.webhooks_from_rest_enabled,
    reachability_webhooks_enabled: s.reachability_webhooks_enabled,
    acl_enabled: s.acl_enabled,
    reachability_debouncing_enabled: s.reachability_debouncing_enabled,
    reachability_debouncing_window: s.reachability_debouncing_window,
    links: {
      documents: `${url}/Documents`,
      lists: `${url}/Lists`,
      maps: `${url}/Maps`,
      streams: `${url}/Streams`,
    },
  };
}

export const documentUrl = (d: DocumentRecord): string => `${serviceUrl(d.service_sid)}/Documents/${d.sid}`;
export const mapUrl = (m: MapRecord): string => `${serviceUrl(m.service_sid)}/Maps/${m.sid}`;
export const listUrl = (l: ListRecord): string => `${serviceUrl(l.service_sid)}/Lists/${l.sid}`;

export function wireDocument(accountSid: string, d: DocumentRecord): Record<string, unknown> {
  const url = documentUrl(d);
  return {
    sid: d.sid,
    unique_name: d.unique_name,
    account_sid: accountSid,
    service_sid: d.service_sid,
    url,
    links: { permissions: `${url}/Permissions` },
    revision: String(d.revision),
    data: d.data,
    date_expires: expires(d.expires),
    date_created: date(d.created),
    date_updated: date(d.updated),
    created_by: 'system',
  };
}

function wireCollection(accountSid: string, c: ObjectRecord, url: string): Record<string, unknown> {
  return {
    sid: c.sid,
    unique_name: c.unique_name,
    account_sid: accountSid,
    service_sid: c.service_sid,
    url,
    links: { items: `${url}/Items`, permissions: `${url}/Permissions` },
    revision: String(c.revision),
    date_expires: expires(c.expires),
    date_created: date(c.created),
    date_updated: date(c.updated),
    created_by: 'system',
  };
}

export const wireMap = (accountSid: string, m: MapRecord): Record<string, unknown> => wireCollection(accountSid, m, mapUrl(m));
export const wireList = (accountSid: string, l: ListRecord): Record<string, unknown> => wireCollection(accountSid, l, listUrl(l));

function wireItemCommon(i: ItemRecord): Record<string, unknown> {
  return {
    revision: String(i.revision),
    data: i.data,
    date_expires: expires(i.expires),
    date_created: date(i.created),
    date_updated: date(i.updated),
    created_by: 'system',
  };
}

export function wireMapItem(accountSid: string, m: MapRecord, i: MapItemRecord): Record<string, unknown> {
  return {
    key: i.key,
    account_sid: accountSid,
    service_sid: m.service_sid,
    map_sid: m.sid,
    url: `${mapUrl(m)}/Items/${encodeURIComponent(i.key)}`,
    ...wireItemCommon(i),
  };
}

export function wireListItem(accountSid: string, l: ListRecord, i: ListItemRecord): Record<string, unknown> {
  return {
    index: i.index,
    account_sid: accountSid,
    service_sid: l.service_sid,
    list_sid: l.sid,
    url: `${listUrl(l)}/Items/${i.index}`,
    ...wireItemCommon(i),
  };
}
