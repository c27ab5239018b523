/**
 * A table of records of one kind (messages, calls, Sync map items ...): a map by key, kept in order by a
 * position, with equality indexes for the filters Twilio's list endpoints offer. A listing reads only
 * the page it answers (O(log n + page) with indexed filters), a change journals only that record, and
 * records past the table's retention or their expiry are pruned oldest first.
 *
 * Records are plain JSON objects. A product that changes a record in place calls `save(record)` so the
 * indexes and the journal learn of it.
 */
import type { JournalLine } from './journal';
import { OrderedKeys, Position } from './ordered';

export interface TableSpec<T> {
  key(r: T): string;
  /** Listing order (ascending; a listing may walk it backwards). */
  position(r: T): Position;
  /** Equality indexes: a filter name and the value(s) a record is found under (undefined: not indexed). */
  indexes?: Record<string, (r: T) => string | readonly string[] | undefined>;
  /** When the record expires (epoch ms), or null: expired records are dropped before any read. */
  expires?(r: T): number | null;
  /** Called after a record expired and was dropped (e.g. to drop what belongs to it). */
  onExpired?(r: T): void;
  /** Keep at most this many records: beyond it the oldest by position are pruned. */
  retain?: number;
  /** The records of a fresh table (first start, or after a reset). */
  seed?(): T[];
}

export interface TableQuery<T> {
  /** Indexed equality filters (names from the spec's indexes). */
  eq?: Record<string, string>;
  min?: Position;
  max?: Position;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  /** Newest (highest position) first. */
  desc?: boolean;
  /** Filters no index answers; the scan checks them one record at a time. */
  where?: (r: T) => boolean;
  offset?: number;
  limit: number;
}

export interface TablePage<T> {
  items: T[];
  /** Whether records follow this page. */
  more: boolean;
}

interface Filed {
  position: Position;
  groups: string[];
}

const ALL = '';
const group = (index: string, value: string): string => `${index}\u0000${value}`;

export class Table<T extends object> {
  private readonly records = new Map<string, T>();
  private readonly filed = new Map<string, Filed>();
  private readonly groups = new Map<string, OrderedKeys>();
  /** Expiry times, soonest first: checked lazily against the record's current expiry. */
  private expiryHeap: [number, string][] = [];

  constructor(
    readonly name: string,
    private readonly spec: TableSpec<T>,
    private readonly journal: (line: JournalLine) => void,
  ) {}

  get size(): number {
    return this.records.size;
  }

  get(key: string): T | undefined {
    this.expire();
    return this.records.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Every live record, in position order: for small tables and start-up work, never a listing. */
  values(): T[] {
    this.expire();
    const all = this.groups.get(ALL);
    if (!all) return [];
    const out: T[] = [];
    for (let i = 0; i < all.size; i++) out.push(this.records.get(all.at(i)) as T);
    return out;
  }

  /** Inserts or replaces a record (also after changing it in place). */
  save(record: T): T {
    const key = this.spec.key(record);
    this.file(key, record);
    this.journal(['p', this.name, key, record]);
    this.prune();
    return record;
  }

  delete(key: string): boolean {
    if (!this.records.has(key)) return false;
    this.unfile(key);
    this.journal(['d', this.name, key]);
    return true;
  }

  /** Forgets everything without journaling each record (the caller compacts the journal). */
  clear(): void {
    this.records.clear();
    this.filed.clear();
    this.groups.clear();
    this.expiryHeap = [];
  }

  /** Files records read back from disk (no journaling). */
  restore(records: Iterable<[string, T]>): void {
    for (const [key, record] of records) this.file(key, record);
  }

  seed(): void {
    for (const r of this.spec.seed?.() ?? []) this.save(r);
  }

  *lines(): Iterable<JournalLine> {
    yield ['t', this.name];
    for (const [key, record] of this.records) yield ['p', this.name, key, record];
  }

  /** How many records match the indexed filters (no `where`): O(1). */
  count(eq: Record<string, string> = {}): number {
    this.expire();
    return this.pick(eq).keys?.size ?? 0;
  }

  /**
   * One page of records. With only indexed filters and bounds it reads just the page; a `where` scans
   * from the start of the smallest matching group until the page is full.
   */
  page(q: TableQuery<T>): TablePage<T> {
    this.expire();
    const { keys, rest } = this.pick(q.eq ?? {});
    if (!keys) return { items: [], more: false };
    const [from, to] = keys.range(q);
    const offset = q.offset ?? 0;
    const accept = (r: T): boolean =>
      rest.every((g) => this.filed.get(this.spec.key(r))?.groups.includes(g)) && (q.where?.(r) ?? true);
    const items: T[] = [];
    if (!q.where && rest.length === 0) {
      const n = to - from;
      const start = Math.min(offset, n);
      const end = Math.min(offset + q.limit, n);
      for (let i = start; i < end; i++) items.push(this.records.get(keys.at(q.desc ? to - 1 - i : from + i)) as T);
      return { items, more: offset + q.limit < n };
    }
    let skipped = 0;
    for (let step = 0; step < to - from; step++) {
      const r = this.records.get(keys.at(q.desc ? to - 1 - step : from + step)) as T;
      if (!accept(r)) continue;
      if (skipped < offset) {
        skipped++;
        continue;
      }
      if (items.length === q.limit) return { items, more: true };
      items.push(r);
    }
    return { items, more: false };
  }

  /** The smallest group answering the filters; the other filters are checked per record. */
  private pick(eq: Record<string, string>): { keys: OrderedKeys | undefined; rest: string[] } {
    const wanted = Object.entries(eq).map(([index, value]) => {
      if (!this.spec.indexes?.[index]) throw new Error(`table ${this.name} has no index ${index}`);
      return group(index, value);
    });
    if (!wanted.length) return { keys: this.groups.get(ALL), rest: [] };
    let best: string | undefined;
    for (const g of wanted) {
      const size = this.groups.get(g)?.size ?? 0;
      if (size === 0) return { keys: undefined, rest: [] };
      if (best === undefined || size < (this.groups.get(best)?.size ?? 0)) best = g;
    }
    return { keys: this.groups.get(best as string), rest: wanted.filter((g) => g !== best) };
  }

  private groupsOf(record: T): string[] {
    const out = [ALL];
    for (const [index, valueOf] of Object.entries(this.spec.indexes ?? {})) {
      const v = valueOf(record);
      if (v === undefined) continue;
      for (const value of typeof v === 'string' ? [v] : v) out.push(group(index, value));
    }
    return out;
  }

  private file(key: string, record: T): void {
    if (this.records.has(key)) this.unfile(key);
    const position = this.spec.position(record);
    const groups = this.groupsOf(record);
    this.records.set(key, record);
    this.filed.set(key, { position, groups });
    for (const g of groups) {
      let keys = this.groups.get(g);
      if (!keys) this.groups.set(g, (keys = new OrderedKeys((k) => (this.filed.get(k) as Filed).position)));
      keys.insert(position, key);
    }
    const expires = this.spec.expires?.(record) ?? null;
    if (expires !== null) this.pushExpiry(expires, key);
  }

  private unfile(key: string): void {
    const filed = this.filed.get(key);
    if (!filed) return;
    for (const g of filed.groups) {
      const keys = this.groups.get(g);
      if (!keys) continue;
      keys.remove(filed.position, key);
      if (keys.size === 0 && g !== ALL) this.groups.delete(g);
    }
    this.filed.delete(key);
    this.records.delete(key);
  }

  private prune(): void {
    const limit = this.spec.retain;
    const all = this.groups.get(ALL);
    if (!limit || !all) return;
    while (all.size > limit) this.delete(all.at(0));
  }

  private pushExpiry(at: number, key: string): void {
    const heap = this.expiryHeap;
    heap.push([at, key]);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent][0] <= heap[i][0]) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  }

  private popExpiry(): void {
    const heap = this.expiryHeap;
    const last = heap.pop() as [number, string];
    if (!heap.length) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && heap[l][0] < heap[m][0]) m = l;
      if (r < heap.length && heap[r][0] < heap[m][0]) m = r;
      if (m === i) break;
      [heap[m], heap[i]] = [heap[i], heap[m]];
      i = m;
    }
  }

  /** Drops records whose expiry has passed: O(expired · log n), nothing when none is due. */
  expire(now = Date.now()): void {
    const heap = this.expiryHeap;
    while (heap.length && heap[0][0] <= now) {
      const [at, key] = heap[0];
      this.popExpiry();
      const record = this.records.get(key);
      // The heap may hold an expiry the record no longer has (its TTL was changed or removed).
      if (record && this.spec.expires?.(record) === at) {
        this.delete(key);
        this.spec.onExpired?.(record);
      }
    }
  }
}
