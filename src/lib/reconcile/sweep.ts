/**
 * Reconciliation: repairs this service's Sync state from Twilio's own records (Messages, Calls,
 * Recordings), which stay the source of truth when a webhook or status callback could not store what
 * it was told. Each source is swept newest first from its watermark, a page at a time, within a time
 * budget; a sweep that runs out of time saves the page it reached and the next run resumes there.
 * Round trips and their bounds: docs/decisions/0006-reconciliation.md.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { isoSeconds } from '../time';
import {
  ReconciledSource,
  ReconciliationState,
  readReconciliationState,
  saveReconciliationState,
  SweepProgress,
} from '../store/reconciliation';
import { reconciledSources, Source, SourcePage, SourceRecord } from './sources';
import { noteReconciliation } from '../health/signals';

/** Re-read this far behind the watermark: Twilio's and our clocks, and page order, may disagree a little. */
const OVERLAP_MS = 60_000;
/** With no watermark yet (the first run), look back this far. */
export const FIRST_WINDOW_MS = 24 * 3_600_000;
/** A call or recording still open after this long stops holding the watermark back. */
const OPEN_LIMIT_MS = 24 * 3_600_000;
/** Sync requests in flight at once per source: Twilio allows ~30 concurrent requests per service. */
const CONCURRENCY = 8;
/** Time kept back for saving progress after the last page. */
const SAVE_MARGIN_MS = 400;

export interface SourceOutcome {
  /** Twilio records looked at in this run. */
  checked: number;
  /** Records that had to be added or moved forward. */
  repaired: number;
  /** False when the budget ran out first; the next run resumes where this one stopped. */
  done: boolean;
  watermark: string | null;
}

export interface ReconcileOutcome {
  done: boolean;
  sources: Record<ReconciledSource, SourceOutcome>;
}

export interface ReconcileOptions {
  /** Epoch ms by which the run stops starting new work. */
  deadline: number;
  /** Re-check this far back whatever the watermark says (ms); starts a new sweep. */
  windowMs?: number;
  now?: Date;
}

async function repairAll(records: SourceRecord[], deadline: number): Promise<{ repaired: number; finished: boolean }> {
  let next = 0;
  let repaired = 0;
  const worker = async (): Promise<void> => {
    while (next < records.length && Date.now() < deadline) {
      const record = records[next++];
      if (await record.repair()) repaired++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, records.length) }, worker));
  return { repaired, finished: next >= records.length };
}

function newSweep(state: ReconciliationState, opts: ReconcileOptions, now: Date): SweepProgress {
  const from = opts.windowMs !== undefined ? now.getTime() - opts.windowMs : undefined;
  const watermark = state.watermark ? Date.parse(state.watermark) - OVERLAP_MS : now.getTime() - FIRST_WINDOW_MS;
  return { since: isoSeconds(new Date(from ?? watermark)), startedAt: isoSeconds(now), pageUrl: null, openSince: null };
}

async function sweepSource(
  client: TwilioClient,
  env: ServiceEnv,
  source: Source,
  opts: ReconcileOptions,
): Promise<SourceOutcome> {
  const now = opts.now ?? new Date();
  const state = await readReconciliationState(client, env, source.name);
  const sweep = state.sweep && opts.windowMs === undefined ? { ...state.sweep } : newSweep(state, opts, now);
  const since = Date.parse(sweep.since);
  const stopAt = opts.deadline - SAVE_MARGIN_MS;
  let checked = 0;
  let repaired = 0;
  let page: SourcePage | null = null;
  for (;;) {
    if (Date.now() >= stopAt) break;
    page = sweep.pageUrl ? await source.page(sweep.pageUrl) : await source.firstPage(new Date(since));
    const inWindow = page.records.filter((r) => Date.parse(r.createdAt) >= since);
    for (const r of inWindow) {
      const stillOpen = !r.final && now.getTime() - Date.parse(r.createdAt) < OPEN_LIMIT_MS;
      if (stillOpen && (sweep.openSince === null || r.createdAt < sweep.openSince)) sweep.openSince = r.createdAt;
    }
    const result = await repairAll(inWindow, stopAt);
    checked += inWindow.length;
    repaired += result.repaired;
    // An unfinished page is read again next time (repairs are idempotent), so nothing is skipped.
    if (!result.finished) break;
    const reachedSince = inWindow.length < page.records.length;
    if (reachedSince || !page.nextPageUrl) {
      const watermark = sweep.openSince ?? sweep.startedAt;
      await saveReconciliationState(client, env, { source: source.name, watermark, sweep: null, updatedAt: isoSeconds(now) });
      return { checked, repaired, done: true, watermark };
    }
    sweep.pageUrl = page.nextPageUrl;
  }
  await saveReconciliationState(client, env, { ...state, sweep, updatedAt: isoSeconds(now) });
  return { checked, repaired, done: false, watermark: state.watermark };
}

/** One reconciliation run over every source, in parallel, until each is through or the deadline comes. */
export async function reconcile(client: TwilioClient, env: ServiceEnv, opts: ReconcileOptions): Promise<ReconcileOutcome> {
  const sources = reconciledSources(client, env);
  const outcomes = await Promise.all(sources.map((s) => sweepSource(client, env, s, opts)));
  const byName = Object.fromEntries(sources.map((s, i) => [s.name, outcomes[i]])) as Record<ReconciledSource, SourceOutcome>;
  await noteReconciliation(
    env,
    outcomes.reduce((sum, o) => sum + o.repaired, 0),
  );
  return { done: outcomes.every((o) => o.done), sources: byName };
}
