/** Small numeric and formatting helpers for the benchmark. */

/** Nearest-rank percentile of an ascending-sorted sample (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface Summary {
  n: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p90: percentile(s, 90),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.length ? s[s.length - 1] : NaN,
  };
}

/** Milliseconds with a fixed number of decimals. */
export function ms(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '-';
}

export type Align = 'l' | 'r';

/** A plain aligned text table; numbers-looking columns are right-aligned unless `align` says otherwise. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  align?: readonly Align[],
): string {
  const cells = rows.map((r) => r.map((c) => String(c)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const alignOf = (i: number): Align => align?.[i] ?? (i === 0 ? 'l' : 'r');
  const line = (r: readonly string[]): string =>
    r
      .map((c, i) => (alignOf(i) === 'l' ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** "200", or "200x97 502x3" when answers differed. */
export const httpStatuses = (counts: ReadonlyMap<number, number>): string =>
  [...counts].map(([k, v]) => (counts.size === 1 ? String(k) : `${k}x${v}`)).join(' ');

/** A first page's cost at a small and a large history: what the "does not grow with history" budgets compare. */
export interface PageCost {
  trips: number;
  p50: number;
}

/** Prints the growth of round trips and p50 from `small` to `large` records; answers the larger of the two ratios. */
export function growth(sizes: readonly [number, number], small: PageCost, large: PageCost, budget?: number): number {
  const trips = large.trips / small.trips;
  const p50 = large.p50 / small.p50;
  const limit = budget === undefined ? '' : ` (at most ${budget})`;
  console.log(`ratio ${sizes[1]} / ${sizes[0]}: round trips ${trips.toFixed(2)}, p50 ${p50.toFixed(2)}${limit}`);
  return Math.max(trips, p50);
}
