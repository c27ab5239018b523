/**
 * What the Sync route modules share: the tables (services, documents, maps, lists and their items),
 * service resolution (with the `default` alias), and the per-object rate limit. Expired objects and items
 * are dropped by their tables before any read (TTL), and an expired Map or List takes its items with it.
 */
import type { Emulator } from '../../core/emulator';
import { EmuReply, EmuRequest, json } from '../../core/router';
import type { Table } from '../../core/state';
import { newSid } from '../../core/wire';
import type {
  DocumentRecord,
  ItemRecord,
  ListItemRecord,
  ListRecord,
  MapItemRecord,
  MapRecord,
  ObjectRecord,
  ServiceRecord,
} from './model';
import { syncError } from './params';
import { ObjectRateLimiter, SyncAccess, SyncRateLimit, SyncRateLimited } from './rate-limit';

export type SyncHandler = (req: EmuRequest, now: number) => EmuReply;

export type ObjectKind = 'Document' | 'Map' | 'List';

export interface SyncTables {
  services: Table<ServiceRecord>;
  documents: Table<DocumentRecord>;
  maps: Table<MapRecord>;
  lists: Table<ListRecord>;
  mapItems: Table<MapItemRecord>;
  listItems: Table<ListItemRecord>;
}

export interface SyncContext {
  readonly emu: Emulator;
  readonly tables: SyncTables;
  /** Creation order, for stable listings when two objects share a millisecond. */
  nextSeq(): number;
  /** A route under /sync/v1: rate-limit errors carry Retry-After. */
  route(method: 'GET' | 'POST' | 'DELETE', pattern: string, handler: SyncHandler): void;
  /** The service a path names by sid or unique name; `default` always resolves (it is created when missing). */
  service(id: string): ServiceRecord;
  /** Counts a read or a write against one object; throws 429/54009 past that limit. */
  hit(kind: ObjectKind, sid: string, access: SyncAccess): void;
}

export const DEFAULT_SERVICE = 'default';

export function newService(seq: number, now: number, fields: Partial<ServiceRecord> = {}): ServiceRecord {
  return {
    sid: newSid('IS'),
    unique_name: null,
    friendly_name: null,
    webhook_url: null,
    webhooks_from_rest_enabled: false,
    reachability_webhooks_enabled: false,
    acl_enabled: false,
    reachability_debouncing_enabled: false,
    reachability_debouncing_window: 5000,
    created: now,
    updated: now,
    seq,
    ...fields,
  };
}

const defaultService = (seq: number, now: number): ServiceRecord =>
  newService(seq, now, { unique_name: DEFAULT_SERVICE, friendly_name: 'Default Service' });

/** Where an object is found by unique name: unique within its service. */
const uniqueKey = (serviceSid: string, name: string): string => `${serviceSid}\u0000${name}`;

/** Where an item lives in its table: unique within its Map or List. */
export const itemKey = (parent: string, slot: string | number): string => `${parent}\u0000${slot}`;

/** Objects of a service in creation order, findable by unique name; expired ones are gone. */
function objectTable<T extends ObjectRecord>(emu: Emulator, name: string, onExpired?: (r: T) => void): Table<T> {
  return emu.state.table<T>(name, {
    key: (r) => r.sid,
    position: (r) => r.seq,
    indexes: {
      service: (r) => r.service_sid,
      unique: (r) => (r.unique_name === null ? undefined : uniqueKey(r.service_sid, r.unique_name)),
    },
    expires: (r) => r.expires,
    ...(onExpired ? { onExpired } : {}),
  });
}

function itemTable<I extends ItemRecord>(emu: Emulator, name: string, slot: (i: I) => string | number): Table<I> {
  return emu.state.table<I>(name, {
    key: (i) => itemKey(i.parent, slot(i)),
    position: slot,
    indexes: { parent: (i) => i.parent },
    expires: (i) => i.expires,
  });
}

/** Deletes every item of a Map or List (when the collection is deleted or expires). */
export function dropItems<I extends ItemRecord>(items: Table<I>, parent: string, keyOf: (i: I) => string): void {
  for (const i of items.page({ eq: { parent }, limit: Infinity }).items) items.delete(keyOf(i));
}

/** The record a path names by sid or, failing that, by unique name, within one service. */
export function findObject<T extends ObjectRecord>(table: Table<T>, serviceSid: string, id: string): T | undefined {
  const bySid = table.get(id);
  if (bySid && bySid.service_sid === serviceSid) return bySid;
  return table.page({ eq: { unique: uniqueKey(serviceSid, id) }, limit: 1 }).items[0];
}

/**
 * The object a request's path names in `param` (by sid or unique name, within the path's ServiceSid),
 * counted against its read or write limit by the request's method; a 404 with the kind's `notFoundCode` when there is none.
 */
export function addressedObject<T extends ObjectRecord>(
  ctx: SyncContext,
  kind: ObjectKind,
  table: Table<T>,
  req: EmuRequest,
  param: string,
  notFoundCode: number,
): T {
  const svc = ctx.service(req.params.ServiceSid);
  const o = findObject(table, svc.sid, req.params[param]);
  if (!o) throw syncError(404, notFoundCode, `The requested ${kind} ${req.params[param]} was not found`);
  ctx.hit(kind, o.sid, req.method === 'GET' ? 'read' : 'write');
  return o;
}

export function assertUniqueName<T extends ObjectRecord>(table: Table<T>, serviceSid: string, name: string | null): void {
  if (name === null) return;
  if (table.count({ unique: uniqueKey(serviceSid, name) }) > 0) {
    throw syncError(409, 54301, `Unique name already exists: ${name}`);
  }
}

export function createContext(emu: Emulator, rateLimit: SyncRateLimit): SyncContext {
  const counter = (): { seq: number } => emu.state.slice('sync-sequence', () => ({ seq: 1 }));
  const mapItems = itemTable<MapItemRecord>(emu, 'sync-map-items', (i) => i.key);
  const listItems = itemTable<ListItemRecord>(emu, 'sync-list-items', (i) => i.index);
  const tables: SyncTables = {
    services: emu.state.table<ServiceRecord>('sync-services', {
      key: (s) => s.sid,
      position: (s) => s.seq,
      indexes: { unique: (s) => s.unique_name ?? undefined },
      seed: () => [defaultService(0, Date.now())],
    }),
    documents: objectTable<DocumentRecord>(emu, 'sync-documents'),
    maps: objectTable<MapRecord>(emu, 'sync-maps', (m) => dropItems(mapItems, m.sid, (i) => itemKey(i.parent, i.key))),
    lists: objectTable<ListRecord>(emu, 'sync-lists', (l) => dropItems(listItems, l.sid, (i) => itemKey(i.parent, i.index))),
    mapItems,
    listItems,
  };
  const limiter = new ObjectRateLimiter(rateLimit);
  emu.onReset(() => limiter.clear());

  const ctx: SyncContext = {
    emu,
    tables,
    nextSeq: () => {
      const c = counter();
      const seq = c.seq++;
      emu.state.changed('sync-sequence');
      return seq;
    },
    route(method, pattern, handler) {
      emu.router.add(method, `/sync/v1${pattern}`, (req) => {
        try {
          return handler(req, Date.now());
        } catch (err) {
          if (err instanceof SyncRateLimited) return json(429, err.body(), { 'Retry-After': String(err.retryAfter) });
          throw err;
        }
      });
    },
    service(id) {
      const bySid = tables.services.get(id);
      if (bySid) return bySid;
      const named = tables.services.page({ eq: { unique: id }, limit: 1 }).items[0];
      if (named) return named;
      if (id === DEFAULT_SERVICE) {
        // Twilio provisions the default service on first use; Functions address it by this alias.
        return tables.services.save(defaultService(ctx.nextSeq(), Date.now()));
      }
      throw syncError(404, 54050, `The requested Service Instance ${id} was not found`);
    },
    hit(kind, sid, access) {
      limiter.hit(`${kind}:${sid}`, `${kind} ${sid}`, access);
    },
  };
  return ctx;
}
