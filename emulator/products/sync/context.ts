/**
 * What the Sync route modules share: the state slice, service resolution (with the `default` alias),
 * lazy TTL expiry, and the per-object rate limit.
 */
import type { Emulator } from '../../core/emulator';
import { EmuReply, EmuRequest, json } from '../../core/router';
import { newSid } from '../../core/wire';
import type { CollectionRecord, ItemRecord, ObjectRecord, ServiceRecord, SyncState } from './model';
import { syncError } from './params';
import { ObjectRateLimiter, SyncAccess, SyncRateLimit, SyncRateLimited } from './rate-limit';

export type SyncHandler = (req: EmuRequest, now: number) => EmuReply;

export type ObjectKind = 'Document' | 'Map' | 'List';

export interface SyncContext {
  readonly emu: Emulator;
  state(): SyncState;
  nextSeq(): number;
  /** Marks the state dirty (persisted shortly after). */
  changed(): void;
  /** A route under /sync/v1: expired objects are gone before the handler runs; rate-limit errors carry Retry-After. */
  route(method: 'GET' | 'POST' | 'DELETE', pattern: string, handler: SyncHandler): void;
  /** The service a path names by sid or unique name; `default` always resolves (it is created when missing). */
  service(id: string): ServiceRecord;
  /** Counts a read or a write against one object; throws 429/54009 past that limit. */
  hit(kind: ObjectKind, sid: string, access: SyncAccess): void;
  /** Tells the expiry sweep about a new expiry time. */
  noteExpiry(ms: number | null): void;
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

/** The record a path names by sid or, failing that, by unique name, within one service. */
export function findObject<T extends ObjectRecord>(records: Record<string, T>, serviceSid: string, id: string): T | undefined {
  if (Object.hasOwn(records, id) && records[id].service_sid === serviceSid) return records[id];
  return Object.values(records).find((r) => r.service_sid === serviceSid && r.unique_name === id);
}

/** The objects of one service, in creation order (what a list endpoint pages through). */
export function serviceObjects<T extends ObjectRecord>(records: Record<string, T>, serviceSid: string): T[] {
  return Object.values(records)
    .filter((r) => r.service_sid === serviceSid)
    .sort((a, b) => a.seq - b.seq);
}

/**
 * The object a request's path names in `param` (by sid or unique name, within the path's ServiceSid),
 * counted against its read or write limit by the request's method; a 404 with the kind's `notFoundCode`
 * when there is none.
 */
export function addressedObject<T extends ObjectRecord>(
  ctx: SyncContext,
  kind: ObjectKind,
  records: (s: SyncState) => Record<string, T>,
  req: EmuRequest,
  param: string,
  notFoundCode: number,
): T {
  const svc = ctx.service(req.params.ServiceSid);
  const o = findObject(records(ctx.state()), svc.sid, req.params[param]);
  if (!o) throw syncError(404, notFoundCode, `The requested ${kind} ${req.params[param]} was not found`);
  ctx.hit(kind, o.sid, req.method === 'GET' ? 'read' : 'write');
  return o;
}

export function assertUniqueName<T extends ObjectRecord>(
  records: Record<string, T>,
  serviceSid: string,
  name: string | null,
): void {
  if (name === null) return;
  if (Object.values(records).some((r) => r.service_sid === serviceSid && r.unique_name === name)) {
    throw syncError(409, 54301, `Unique name already exists: ${name}`);
  }
}

export function createContext(emu: Emulator, rateLimit: SyncRateLimit): SyncContext {
  const state = (): SyncState =>
    emu.state.slice<SyncState>('sync', () => {
      const s: SyncState = { services: {}, documents: {}, maps: {}, lists: {}, seq: 1 };
      const svc = defaultService(0, Date.now());
      s.services[svc.sid] = svc;
      return s;
    });
  const limiter = new ObjectRateLimiter(rateLimit);
  /** Nothing expires before this time (0: unknown, sweep on the next request). */
  let nextExpiry = 0;

  emu.onReset(() => {
    limiter.clear();
    nextExpiry = 0;
  });

  const changed = (): void => emu.state.changed();

  const sweep = (now: number): void => {
    if (now < nextExpiry) return;
    const s = state();
    let next = Infinity;
    let removed = false;
    const live = (expires: number | null): boolean => {
      if (expires === null) return true;
      if (expires <= now) {
        removed = true;
        return false;
      }
      next = Math.min(next, expires);
      return true;
    };
    for (const [sid, d] of Object.entries(s.documents)) if (!live(d.expires)) delete s.documents[sid];
    const sweepCollection = (collection: Record<string, CollectionRecord<ItemRecord>>): void => {
      for (const [sid, c] of Object.entries(collection)) {
        if (!live(c.expires)) {
          delete collection[sid];
          continue;
        }
        for (const [slot, item] of Object.entries(c.items)) if (!live(item.expires)) delete c.items[slot];
      }
    };
    sweepCollection(s.maps);
    sweepCollection(s.lists);
    nextExpiry = next;
    if (removed) changed();
  };

  const ctx: SyncContext = {
    emu,
    state,
    nextSeq: () => state().seq++,
    changed,
    route(method, pattern, handler) {
      emu.router.add(method, `/sync/v1${pattern}`, (req) => {
        const now = Date.now();
        sweep(now);
        try {
          return handler(req, now);
        } catch (err) {
          if (err instanceof SyncRateLimited) return json(429, err.body(), { 'Retry-After': String(err.retryAfter) });
          throw err;
        }
      });
    },
    service(id) {
      const s = state();
      if (Object.hasOwn(s.services, id)) return s.services[id];
      const named = Object.values(s.services).find((svc) => svc.unique_name === id);
      if (named) return named;
      if (id === DEFAULT_SERVICE) {
        // Twilio provisions the default service on first use; Functions address it by this alias.
        const svc = defaultService(ctx.nextSeq(), Date.now());
        s.services[svc.sid] = svc;
        changed();
        return svc;
      }
      throw syncError(404, 54050, `The requested Service Instance ${id} was not found`);
    },
    hit(kind, sid, access) {
      limiter.hit(`${kind}:${sid}`, `${kind} ${sid}`, access);
    },
    noteExpiry(ms) {
      if (ms !== null && ms < nextExpiry) nextExpiry = ms;
    },
  };
  return ctx;
}
