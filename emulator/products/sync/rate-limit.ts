/**
 * Sync's per-object rate limits, as https://www.twilio.com/docs/sync/limits prescribes them: reads and
 * writes are two separate limits, each "up to 20/s per object" with a "burst window: 10s"; the limit
 * applies at the top level of each Document, Map and List (an item's read or write counts against its
 * Map or List). Error 54009 (https://www.twilio.com/docs/api/errors/54009) adds that the 20/s is a
 * sustained rate and that the burst window lets a client exceed it for a while.
 *
 * Twilio does not publish how far a burst may go, so each limit is modelled as a token bucket: it refills
 * at the sustained rate and holds one burst window of it (20/s x 10 s = 200 requests), so an idle object
 * takes 200 reads (and, apart, 200 writes) at once, then 20 a second. Rejected requests take no token,
 * so a client that backs off gets through. In memory only: a restart forgets it.
 */
import { TwilioApiError } from '../../core/wire';

/** What a request does to a Sync object: a GET reads; a POST or DELETE writes. */
export type SyncAccess = 'read' | 'write';

export interface SyncRateLimit {
  /** Sustained requests a second per object, for reads and for writes each. */
  perSecond: number;
  /** How many seconds of the sustained rate a burst may use at once. */
  burstSeconds: number;
}

export const SYNC_OBJECT_LIMIT: SyncRateLimit = { perSecond: 20, burstSeconds: 10 };

export class SyncRateLimited extends TwilioApiError {
  constructor(
    what: string,
    access: SyncAccess,
    limit: SyncRateLimit,
    /** Whole seconds until the object admits another request of this kind. */
    readonly retryAfter: number,
  ) {
    super(
      429,
      54009,
      `Rate limit exceeded for ${what}: at most ${limit.perSecond} ${access}s per second against one Sync object ` +
        `(bursts up to ${limit.perSecond * limit.burstSeconds}).`,
    );
  }
}

interface Bucket {
  tokens: number;
  at: number;
}

export class ObjectRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;

  constructor(private readonly limit: SyncRateLimit) {
    this.capacity = limit.perSecond * limit.burstSeconds;
  }

  /**
   * Counts one read or write against `key` (e.g. `Map:MP...`), or throws SyncRateLimited when that
   * object has no allowance left for this kind of request.
   */
  hit(key: string, what: string, access: SyncAccess, now = Date.now()): void {
    const id = `${access}:${key}`;
    let bucket = this.buckets.get(id);
    if (!bucket) {
      if (this.buckets.size > 10_000) this.prune(now);
      bucket = { tokens: this.capacity, at: now };
      this.buckets.set(id, bucket);
    }
    bucket.tokens = this.refilled(bucket, now);
    bucket.at = now;
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.perSecond));
      throw new SyncRateLimited(what, access, this.limit, retryAfter);
    }
    bucket.tokens -= 1;
  }

  clear(): void {
    this.buckets.clear();
  }

  private refilled(bucket: Bucket, now: number): number {
    return Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond);
  }

  /** Full buckets say nothing a new bucket would not. */
  private prune(now: number): void {
    for (const [id, bucket] of this.buckets) if (this.refilled(bucket, now) >= this.capacity) this.buckets.delete(id);
  }
}
