/**
 * The emulator's persistence: a snapshot plus an append-only journal of changes, both JSON lines.
 * A change costs one appended line (O(change)), never a rewrite of the whole state; the journal is folded
 * into a new snapshot when it has grown well past the live state (at start, on reset, and on a clean stop),
 * so the files stay proportional to what is live. See docs/decisions/0005-emulator-storage.md.
 *
 * Lines: ["t", table] a table was created (so an emptied table is not seeded again), ["p", table, key, value]
 * a record put, ["d", table, key] a record deleted, ["s", slice, value] a small slice's whole value.
 * Replaying a line twice gives the same state, so a crash between writing a snapshot and truncating the
 * journal loses nothing. A torn last line (a crash mid-append) is skipped.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'fs';
import { join } from 'path';

export type JournalLine = ['t', string] | ['p', string, string, unknown] | ['d', string, string] | ['s', string, unknown];

export interface LoadedState {
  tables: Map<string, Map<string, unknown>>;
  slices: Map<string, unknown>;
  /** Lines in the journal beyond the snapshot: how much a compaction would save. */
  journalLines: number;
}

function apply(state: LoadedState, line: JournalLine): void {
  switch (line[0]) {
    case 't':
      if (!state.tables.has(line[1])) state.tables.set(line[1], new Map());
      break;
    case 'p': {
      let table = state.tables.get(line[1]);
      if (!table) state.tables.set(line[1], (table = new Map()));
      table.set(line[2], line[3]);
      break;
    }
    case 'd':
      state.tables.get(line[1])?.delete(line[2]);
      break;
    case 's':
      state.slices.set(line[1], line[2]);
      break;
  }
}

function readLines(file: string, into: LoadedState): number {
  if (!existsSync(file)) return 0;
  let count = 0;
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (!text) continue;
    let line: JournalLine;
    try {
      line = JSON.parse(text) as JournalLine;
    } catch {
      continue; // torn write at the end of a crashed run
    }
    apply(into, line);
    count++;
  }
  return count;
}

export class Journal {
  private readonly snapshotFile: string;
  private readonly journalFile: string;
  private pending: string[] = [];
  /** Lines in the journal file now (what a compaction would fold away). */
  lines = 0;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.snapshotFile = join(dir, 'snapshot.jsonl');
    this.journalFile = join(dir, 'journal.jsonl');
  }

  load(): LoadedState {
    const state: LoadedState = { tables: new Map(), slices: new Map(), journalLines: 0 };
    readLines(this.snapshotFile, state);
    state.journalLines = readLines(this.journalFile, state);
    this.lines = state.journalLines;
    return state;
  }

  /** Queues a change; it reaches disk on the next `flush`. */
  append(line: JournalLine): void {
    this.pending.push(JSON.stringify(line));
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Appends what is queued: the cost is the size of the changes, whatever the size of the state. */
  flush(): void {
    if (!this.pending.length) return;
    const text = `${this.pending.join('\n')}\n`;
    this.lines += this.pending.length;
    this.pending = [];
    appendFileSync(this.journalFile, text);
  }

  /** Replaces snapshot and journal with `lines`, the live state (write-then-rename, then an empty journal). */
  compact(lines: Iterable<JournalLine>): void {
    this.pending = [];
    const tmp = `${this.snapshotFile}.tmp`;
    const chunks: string[] = [];
    for (const line of lines) chunks.push(JSON.stringify(line));
    writeFileSync(tmp, chunks.length ? `${chunks.join('\n')}\n` : '');
    renameSync(tmp, this.snapshotFile);
    writeFileSync(this.journalFile, '');
    this.lines = 0;
  }
}
