/**
 * Sync's per-object rate limit: a sliding one-second window of the reads and writes each object admitted.
 * A Map and its items are one object, as are a List and its items. Rejected requests do not count, so a
 * client that backs off gets through once the window has moved on. In memory only: a restart forgets it.
 */
import { TwilioApiError } from '../../core/wire';

export class SyncRateLimited extends TwilioApiError {
  constructor(
    what: string,
    limit: number,
    /** Whole seconds until the window admits another request. */
    readonly retryAfter: number,
  ) {
    super(429, 54009, `Rate limit exceeded for ${what}: at most ${limit} reads and writes per second against one Sync object.`);
  }
}

export class ObjectRateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 1000,
  ) {}

  /** Counts one request against `key` (e.g. `map:MP...`), or throws SyncRateLimited when the window is full. */
  hit(key: string, what: string, now = Date.now()): void {
    const since = now - this.windowMs;
    let times = this.windows.get(key);
    if (!times) {
      if (this.windows.size > 10_000) this.prune(since);
      times = [];
      this.windows.set(key, times);
    }
    while (times.length && times[0] <= since) times.shift();
    if (times.length >= this.limit) {
      throw new SyncRateLimited(what, this.limit, Math.max(1, Math.ceil((times[0] + this.windowMs - now) / 1000)));
    }
    times.push(now);
  }

  forget(key: string): void {
    this.windows.delete(key);
  }

  clear(): void {
    this.windows.clear();
  }

  private prune(since: number): void {
    for (const [key, times] of this.windows) if (!times.length || times[times.length - 1] <= since) this.windows.delete(key);
  }
}
