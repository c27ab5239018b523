/**
 * The emulator's storage: indexed tables (listings read only their page), the snapshot + journal
 * (a change appends, a restart gets everything back, a torn line is skipped), retention and expiry.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { EmulatorState } from '../../emulator/core/state';
import type { TableSpec } from '../../emulator/core/state';

interface Row {
  id: string;
  at: number;
  to: string;
  expires?: number | null;
}

const spec = (extra: Partial<TableSpec<Row>> = {}): TableSpec<Row> => ({
  key: (r) => r.id,
  position: (r) => r.at,
  indexes: { to: (r) => r.to },
  ...extra,
});

const rows = (n: number, start = 0): Row[] =>
  Array.from({ length: n }, (_, i) => ({ id: `r${start + i}`, at: start + i, to: (start + i) % 3 === 0 ? 'a' : 'b' }));

describe('emulator store', () => {
  let dir: string;
  const opened: EmulatorState[] = [];
  /** A state in `at` (memory only without), flushed before the folder is removed. */
  const open = (at?: string): EmulatorState => {
    const state = new EmulatorState(at);
    opened.push(state);
    return state;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'emu-store-'));
  });
  afterEach(() => {
    for (const state of opened.splice(0)) state.flush();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages in position order, both directions, with indexed filters and bounds', () => {
    const t = open().table('rows', spec());
    for (const r of rows(10)) t.save(r);
    expect(t.page({ limit: 3 }).items.map((r) => r.id)).toEqual(['r0', 'r1', 'r2']);
    expect(t.page({ limit: 3, desc: true, offset: 3 })).toEqual({ items: [rows(10)[6], rows(10)[5], rows(10)[4]], more: true });
    expect(t.page({ eq: { to: 'a' }, limit: 10 }).items.map((r) => r.id)).toEqual(['r0', 'r3', 'r6', 'r9']);
    expect(t.page({ min: 4, max: 6, limit: 10 }).items.map((r) => r.at)).toEqual([4, 5, 6]);
    expect(t.page({ min: 4, minExclusive: true, max: 6, maxExclusive: true, limit: 10 }).items.map((r) => r.at)).toEqual([5]);
    expect(t.page({ where: (r) => r.at % 2 === 1, offset: 1, limit: 2 })).toEqual({
      items: [rows(10)[3], rows(10)[5]],
      more: true,
    });
    expect(t.page({ eq: { to: 'nobody' }, limit: 5 })).toEqual({ items: [], more: false });
    expect(t.count({ to: 'b' })).toBe(6);
  });

  it('moves a record between index groups when it changes in place', () => {
    const t = open().table('rows', spec());
    const [r] = rows(1);
    t.save(r);
    r.to = 'c';
    r.at = 50;
    t.save(r);
    expect(t.count({ to: 'a' })).toBe(0);
    expect(t.page({ eq: { to: 'c' }, limit: 1 }).items).toEqual([r]);
    expect(t.size).toBe(1);
  });

  it('gets every acknowledged change back after a restart, and skips a torn last line', () => {
    const first = open(dir);
    const t = first.table('rows', spec());
    for (const r of rows(5)) t.save(r);
    t.delete('r1');
    first.slice('settings', () => ({ n: 1 })).n = 2;
    first.changed('settings');
    first.flush();
    appendFileSync(join(dir, 'journal.jsonl'), '["p","rows","r9",{"id":"r9"'); // a crash mid-append

    const second = open(dir);
    const again = second.table('rows', spec({ seed: () => rows(1, 100) }));
    expect(again.values().map((r) => r.id)).toEqual(['r0', 'r2', 'r3', 'r4']); // not seeded again
    expect(second.slice('settings', () => ({ n: 0 })).n).toBe(2);
  });

  it('appends a change instead of rewriting the state, and compaction folds the journal', () => {
    const state = open(dir);
    const t = state.table('rows', spec());
    for (const r of rows(2000)) t.save(r);
    state.flush();
    const before = statSync(join(dir, 'journal.jsonl')).size;
    const r = t.get('r7') as Row;
    r.to = 'c';
    t.save(r);
    state.flush();
    const grew = statSync(join(dir, 'journal.jsonl')).size - before;
    expect(grew).toBeLessThan(100); // one line, whatever the size of the state

    state.compact();
    expect(readFileSync(join(dir, 'journal.jsonl'), 'utf8')).toBe('');
    const restarted = open(dir).table('rows', spec());
    expect(restarted.size).toBe(2000);
    expect(restarted.get('r7')?.to).toBe('c');
  });

  it('prunes the oldest records past retention, and drops expired ones before a read', () => {
    const state = open();
    const kept = state.table('kept', spec({ retain: 3 }));
    for (const r of rows(5)) kept.save(r);
    expect(kept.values().map((r) => r.id)).toEqual(['r2', 'r3', 'r4']);

    const expired: string[] = [];
    const ttl = state.table('ttl', spec({ expires: (r) => r.expires ?? null, onExpired: (r) => expired.push(r.id) }));
    const now = Date.now();
    ttl.save({ id: 'old', at: 1, to: 'a', expires: now - 1 });
    ttl.save({ id: 'later', at: 2, to: 'a', expires: now + 60_000 });
    const renewed: Row = { id: 'renewed', at: 3, to: 'a', expires: now - 1 };
    ttl.save(renewed);
    renewed.expires = null; // its TTL was lifted before anyone read it
    ttl.save(renewed);
    expect(ttl.page({ limit: 10 }).items.map((r) => r.id)).toEqual(['later', 'renewed']);
    expect(expired).toEqual(['old']);
  });

  it('seeds a table on first start and after a reset', () => {
    const state = open(dir);
    const t = state.table('rows', spec({ seed: () => rows(2) }));
    expect(t.size).toBe(2);
    t.delete('r0');
    state.reset();
    expect(t.values().map((r) => r.id)).toEqual(['r0', 'r1']);
  });
});
