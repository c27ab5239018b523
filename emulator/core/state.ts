/**
 * The emulator's whole state: tables of records (messages, calls, Sync items ...), each owned by one
 * product module, and a few small slices (settings, counters) that are saved whole when they change.
 * Everything persists to `<dir>/` as a snapshot plus a journal of changes (see store/journal.ts): a change
 * reaches disk within `flushDelayMs`, and a clean stop flushes synchronously, so nothing acknowledged is lost.
 */
import { existsSync } from 'fs';
import { join } from 'path';
import { Journal, JournalLine, LoadedState } from './store/journal';
import { Table, TableSpec } from './store/table';

export { Table } from './store/table';
export type { TablePage, TableQuery, TableSpec } from './store/table';

/** Slices are saved whole: they must stay small (a table holds anything that grows). */
const SLICE_LIMIT_BYTES = 64 * 1024;
const COMPACT_AFTER_LINES = 50_000;

export class EmulatorState {
  private readonly journal: Journal | undefined;
  private loaded: LoadedState = { tables: new Map(), slices: new Map(), journalLines: 0 };
  private readonly tables = new Map<string, Table<object>>();
  private readonly slices = new Map<string, object>();
  private readonly dirtySlices = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    dir: string | undefined,
    private readonly flushDelayMs = 20,
  ) {
    if (!dir) return;
    this.journal = new Journal(dir);
    this.loaded = this.journal.load();
    if (existsSync(join(dir, 'state.json'))) {
      console.warn(`[emulator] ${join(dir, 'state.json')} is from an older emulator and is no longer read`);
    }
  }

  /**
   * The named table. Records saved in an earlier run come back; a table that never existed is seeded.
   * Register every table before the first request (products do it when they register).
   */
  table<T extends object>(name: string, spec: TableSpec<T>): Table<T> {
    const existing = this.tables.get(name);
    if (existing) return existing as unknown as Table<T>;
    const table = new Table<T>(name, spec, (line) => this.write(line));
    this.tables.set(name, table as unknown as Table<object>);
    const saved = this.loaded.tables.get(name);
    if (saved) {
      table.restore(saved as Map<string, T>);
      this.loaded.tables.delete(name);
    } else {
      this.write(['t', name]);
      table.seed();
    }
    return table;
  }

  /** A small named object (settings, counters), created by `init` the first time or after a reset. */
  slice<T extends object>(name: string, init: () => T): T {
    let value = this.slices.get(name);
    if (!value) {
      const saved = this.loaded.slices.get(name);
      this.loaded.slices.delete(name);
      value = (saved as T | undefined) ?? init();
      this.slices.set(name, value);
      if (!saved) this.changed(name);
    }
    return value as T;
  }

  /** Marks a slice changed (all slices when none is named); it is saved whole within `flushDelayMs`. */
  changed(slice?: string): void {
    if (slice === undefined) for (const name of this.slices.keys()) this.dirtySlices.add(name);
    else this.dirtySlices.add(slice);
    this.schedule();
  }

  /** Writes what changed since the last flush: appends to the journal, proportional to the change. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const name of this.dirtySlices) {
      const value = this.slices.get(name);
      if (value === undefined) continue;
      const size = JSON.stringify(value).length;
      if (size > SLICE_LIMIT_BYTES) console.warn(`[emulator] state slice ${name} is ${size} bytes: it belongs in a table`);
      this.journal?.append(['s', name, value]);
    }
    this.dirtySlices.clear();
    this.journal?.flush();
    // Fold the journal once it is mostly history, so the files stay proportional to the live state;
    // the threshold makes the O(state) rewrite rare (amortised O(1) per change).
    if (this.journal && this.journal.lines > COMPACT_AFTER_LINES + 4 * this.liveRecords()) this.compact();
  }

  private liveRecords(): number {
    let n = 0;
    for (const table of this.tables.values()) n += table.size;
    return n;
  }

  /** Folds the journal into a fresh snapshot of what is live (O(state)): at start, on reset and on a clean stop. */
  compact(): void {
    if (!this.journal) return;
    this.dirtySlices.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.journal.compact(this.lines());
  }

  /** Forgets every record and slice; tables are seeded again. */
  reset(): void {
    this.slices.clear();
    this.dirtySlices.clear();
    this.loaded = { tables: new Map(), slices: new Map(), journalLines: 0 };
    for (const table of this.tables.values()) table.clear();
    this.compact();
    for (const table of this.tables.values()) {
      this.write(['t', table.name]);
      table.seed();
    }
  }

  /**
   * Called once every product has registered its tables: folds a journal left by the last run when it
   * outweighs the live state (a start then costs one read of the state, not a rewrite of it as well).
   */
  ready(): void {
    if (this.journal && this.journal.lines > Math.max(10_000, this.liveRecords())) this.compact();
  }

  private *lines(): Iterable<JournalLine> {
    for (const table of this.tables.values()) yield* table.lines();
    // Tables saved by a product that is not registered in this run are kept as they were.
    for (const [name, records] of this.loaded.tables) {
      yield ['t', name];
      for (const [key, value] of records) yield ['p', name, key, value];
    }
    for (const [name, value] of this.slices) yield ['s', name, value];
    for (const [name, value] of this.loaded.slices) yield ['s', name, value];
  }

  private write(line: JournalLine): void {
    if (!this.journal) return;
    this.journal.append(line);
    this.schedule();
  }

  private schedule(): void {
    if (!this.journal || this.timer) return;
    this.timer = setTimeout(() => {
      try {
        this.flush();
      } catch (err) {
        // A full disk or a removed folder must not take the emulator down; the next change tries again.
        console.error(`[emulator] could not save state: ${err instanceof Error ? err.message : String(err)}`);
      }
    }, this.flushDelayMs);
  }
}
