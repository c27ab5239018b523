/**
 * Twilio Sync primitives for the repositories in this folder (the only code that knows Sync object
 * names and shapes). Every read-modify-write is conditional (If-Match) with a bounded retry;
 * idempotency comes from creating items keyed by Twilio SIDs, where a duplicate create fails.
 */
import { createHash } from 'crypto';
import type { ServiceEnv } from '../runtime/env';
import { ApiError } from '../runtime/errors';
import { isUnknownOutcome, type TwilioClient } from '../runtime/twilio-client';

/** Sync error codes this layer acts on. */
const MAP_NOT_FOUND = 54200;
const ITEM_NOT_FOUND = 54201;
const ITEM_EXISTS = 54208;
const ITEM_CONFLICT = 54205;

export const DAY_S = 86_400;
const MAX_CONFLICT_RETRIES = 4;
/** Writers that collided on one item spread out before they read again (full jitter, doubling). */
const CONFLICT_BACKOFF_MS = 25;

export type Json = Record<string, unknown>;

function twilioCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

function twilioStatus(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

export function syncService(client: TwilioClient, env: ServiceEnv) {
  return client.sync.v1.services(env.SYNC_SERVICE_SID || 'default');
}

/** A stable shard number for a key (SIDs are random already; hashing keeps any key spread). */
export function shardOf(key: string, shards: number): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) % shards;
}

export interface Item<T> {
  data: T;
  revision: string;
}

/**
 * One Sync Map, created on first use. The map's unique name is its whole identity; callers pick names
 * that shard hot data (by day, by hash) so that no object takes more than a few writes a second.
 */
export class SyncMapRef<T extends Json> {
  constructor(
    private readonly client: TwilioClient,
    private readonly env: ServiceEnv,
    readonly name: string,
    /** TTL of the map itself (and so of everything in it), seconds; 0 for none. */
    private readonly mapTtl: number,
  ) {}

  private map() {
    return syncService(this.client, this.env).syncMaps(this.name);
  }

  private async ensureMap(): Promise<void> {
    try {
      await syncService(this.client, this.env).syncMaps.create({
        uniqueName: this.name,
        ...(this.mapTtl ? { ttl: this.mapTtl } : {}),
      });
    } catch (err) {
      if (twilioStatus(err) !== 409) throw err; // created meanwhile by another invocation
    }
  }

  private async withMap<R>(fn: () => Promise<R>): Promise<R> {
    if (this.mapMissing) {
      await this.ensureMap();
      this.mapMissing = false;
    }
    try {
      return await fn();
    } catch (err) {
      if (twilioCode(err) !== MAP_NOT_FOUND) throw err;
      await this.ensureMap();
      return fn();
    }
  }

  /** Set when a read found no map, so the next create makes the map first instead of failing once. */
  private mapMissing = false;

  async get(key: string): Promise<Item<T> | undefined> {
    try {
      const item = await this.map().syncMapItems(key).fetch();
      return { data: item.data as T, revision: item.revision };
    } catch (err) {
      if (twilioCode(err) === MAP_NOT_FOUND) this.mapMissing = true;
      if (twilioCode(err) === ITEM_NOT_FOUND || twilioCode(err) === MAP_NOT_FOUND) return undefined;
      throw err;
    }
  }

  /**
   * Creates the item; false when the key exists already (the idempotent duplicate case). A create whose
   * answer never came (a timeout after the request was sent) may have happened: the item is read back, and
   * holding exactly this data means this create made it; absent, the create is tried once more.
   */
  async createIfAbsent(key: string, data: T, itemTtl = 0): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.withMap(() => this.map().syncMapItems.create({ key, data, ...(itemTtl ? { itemTtl } : {}) }));
        return true;
      } catch (err) {
        if (twilioCode(err) === ITEM_EXISTS || twilioStatus(err) === 409) return false;
        if (!isUnknownOutcome(err) || attempt > 0) throw err;
        const found = await this.get(key);
        if (found) return JSON.stringify(found.data) === JSON.stringify(data);
      }
    }
  }

  /**
   * Read-modify-write with If-Match. `change` gets the current value (undefined when absent) and returns
   * the new one, or undefined to leave it as it is. Conflicts are retried a bounded number of times.
   */
  async upsert(key: string, change: (current: T | undefined) => T | undefined, itemTtl = 0): Promise<T | undefined> {
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * CONFLICT_BACKOFF_MS * 2 ** attempt));
      const current = await this.get(key);
      const next = change(current?.data);
      if (next === undefined) return current?.data;
      if (!current) {
        if (await this.createIfAbsent(key, next, itemTtl)) return next;
        continue; // someone created it first: read again and re-apply
      }
      try {
        await this.map().syncMapItems(key).update({ data: next, ifMatch: current.revision });
        return next;
      } catch (err) {
        if (twilioCode(err) === ITEM_CONFLICT || twilioStatus(err) === 412) continue;
        throw err;
      }
    }
    // Busy, not broken: the caller may try again (and reconciliation repairs what a callback could not store).
    throw new ApiError(503, 'SYNC_CONTENDED', 'The record is being changed by other requests right now; try again', {
      attempts: MAX_CONFLICT_RETRIES,
    });
  }

  async remove(key: string): Promise<boolean> {
    try {
      await this.map().syncMapItems(key).remove();
      return true;
    } catch (err) {
      if (twilioCode(err) === ITEM_NOT_FOUND || twilioCode(err) === MAP_NOT_FOUND) return false;
      throw err;
    }
  }

  /** Items in key order, a page at a time (Sync pages hold at most 100). */
  async list(opts: { limit: number; order?: 'asc' | 'desc' }): Promise<{ key: string; data: T }[]> {
    try {
      const items = await this.map().syncMapItems.list({
        limit: opts.limit,
        pageSize: Math.min(100, opts.limit),
        order: opts.order ?? 'asc',
      });
      return items.map((i) => ({ key: i.key, data: i.data as T }));
    } catch (err) {
      if (twilioCode(err) === MAP_NOT_FOUND) return [];
      throw err;
    }
  }
}
