/**
 * A group of record keys kept sorted by (position, key): what makes a listing cost O(log n + page)
 * instead of a sort of every record. Positions are numbers (times, list indexes) or strings (map keys).
 */
export type Position = number | string;

export function comparePositions(a: Position, b: Position): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export class OrderedKeys {
  private readonly keys: string[] = [];

  constructor(private readonly positionOf: (key: string) => Position) {}

  get size(): number {
    return this.keys.length;
  }

  at(i: number): string {
    return this.keys[i];
  }

  private compare(pos: Position, key: string, i: number): number {
    const other = this.keys[i];
    const c = comparePositions(pos, this.positionOf(other));
    return c !== 0 ? c : key < other ? -1 : key > other ? 1 : 0;
  }

  /** The first index whose entry is not before (pos, key). */
  private lowerBound(pos: Position, key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(pos, key, mid) > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(pos: Position, key: string): void {
    // Most inserts are the newest record: check the end before searching.
    const n = this.keys.length;
    if (n === 0 || this.compare(pos, key, n - 1) > 0) {
      this.keys.push(key);
      return;
    }
    this.keys.splice(this.lowerBound(pos, key), 0, key);
  }

  /** Removes the entry filed at `pos` (the position the key had when it was inserted). */
  remove(pos: Position, key: string): void {
    const i = this.lowerBound(pos, key);
    if (this.keys[i] === key) this.keys.splice(i, 1);
  }

  /**
   * The index range [from, to) of entries whose position lies within the bounds; `after` / `before`
   * exclude the bound itself.
   */
  range(bounds: { min?: Position; max?: Position; minExclusive?: boolean; maxExclusive?: boolean }): [number, number] {
    const firstAtLeast = (pos: Position, exclusive: boolean): number => {
      let lo = 0;
      let hi = this.keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const c = comparePositions(this.positionOf(this.keys[mid]), pos);
        if (c < 0 || (exclusive && c === 0)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const from = bounds.min === undefined ? 0 : firstAtLeast(bounds.min, bounds.minExclusive ?? false);
    const to = bounds.max === undefined ? this.keys.length : firstAtLeast(bounds.max, !(bounds.maxExclusive ?? false));
    return [from, Math.max(from, to)];
  }
}
