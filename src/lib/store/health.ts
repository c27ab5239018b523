/**
 * Health signals for /api/admin/health, kept small and cheap (docs/decisions/0011-admin-analytics.md):
 *
 * - Sync Map `health.callbacks`: item key = the webhook's path with dots for slashes, `{ path, lastAt }`: when a callback of that
 *   kind last reached this service. Items expire after CALLBACK_TTL_S without a callback.
 * - Sync Maps `health.<YYYY-MM-DDTHH>` (UTC hour; the map expires TALLY_TTL_S after it is made): tallies per
 *   5-minute slot, item key `<metric>.<slot>.<shard>`, `{ counts: {name: n} }`. Two shards spread writers that
 *   meet on one slot; a reader lists the current and the previous hour's map (one page each: at most
 *   metrics x 12 slots x 2 shards items).
 */
import { randomInt } from 'crypto';
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { Json, SyncMapRef } from './sync';

export type HealthMetric = 'webhook-failures' | 'reconciliations';

export const SLOT_MINUTES = 5;
const SHARDS = 2;
const HOUR_MS = 3_600_000;
/** Long enough for the next hour's reader to see the previous hour, short enough to stay small. */
const TALLY_TTL_S = 3 * 3_600;
const CALLBACK_TTL_S = 30 * 86_400;
/** One page: 2 metrics x 12 slots x 2 shards = 48 items. */
const TALLY_PAGE = 100;

export interface CallbackSeen extends Json {
  path: string;
  lastAt: string;
}

interface Tally extends Json {
  counts: Record<string, number>;
}

/** A slot of the tallies: its hour map and its start minute within the hour. */
function slotOf(at: number): { hour: string; minute: number; start: number } {
  const hourStart = at - (at % HOUR_MS);
  const minute = Math.floor((at - hourStart) / 60_000 / SLOT_MINUTES) * SLOT_MINUTES;
  return { hour: new Date(hourStart).toISOString().slice(0, 13), minute, start: hourStart + minute * 60_000 };
}

function tallyMap(client: TwilioClient, env: ServiceEnv, hour: string): SyncMapRef<Tally> {
  return new SyncMapRef<Tally>(client, env, `health.${hour}`, TALLY_TTL_S);
}

function callbackMap(client: TwilioClient, env: ServiceEnv): SyncMapRef<CallbackSeen> {
  return new SyncMapRef<CallbackSeen>(client, env, 'health.callbacks', 0);
}

/** Adds `counts` to the metric's tally of the slot `at` falls in. */
export async function addToTally(
  client: TwilioClient,
  env: ServiceEnv,
  metric: HealthMetric,
  counts: Record<string, number>,
  at: number,
): Promise<void> {
  const slot = slotOf(at);
  const key = `${metric}.${String(slot.minute).padStart(2, '0')}.${randomInt(SHARDS)}`;
  await tallyMap(client, env, slot.hour).upsert(key, (current) => {
    const next = { ...(current?.counts ?? {}) };
    for (const [name, n] of Object.entries(counts)) next[name] = (next[name] ?? 0) + n;
    return { counts: next };
  });
}

/**
 * Each metric's counts over the slots that start within `windowMs` before `now` (the current slot included),
 * summed over shards.
 */
export async function readTallies(
  client: TwilioClient,
  env: ServiceEnv,
  now: number,
  windowMs: number,
): Promise<Record<HealthMetric, Record<string, number>>> {
  const oldest = slotOf(now - windowMs + SLOT_MINUTES * 60_000).start;
  const hours = [...new Set([slotOf(oldest).hour, slotOf(now).hour])];
  const pages = await Promise.all(hours.map((h) => tallyMap(client, env, h).list({ limit: TALLY_PAGE })));
  const out: Record<HealthMetric, Record<string, number>> = { 'webhook-failures': {}, reconciliations: {} };
  hours.forEach((hour, i) => {
    for (const { key, data } of pages[i]) {
      const [metric, minute] = key.split('.');
      const start = Date.parse(`${hour}:00:00Z`) + Number(minute) * 60_000;
      if (!(metric in out) || start < oldest || start > now) continue;
      const sums = out[metric as HealthMetric];
      for (const [name, n] of Object.entries(data.counts)) sums[name] = (sums[name] ?? 0) + n;
    }
  });
  return out;
}

/** A path as an item key: a slash would end the key in the item's URL. */
const callbackKey = (path: string): string => path.replace(/^\//, '').replace(/\//g, '.');

/** Records a callback of this kind at `at`; an older time never replaces a newer one. */
export async function recordCallback(client: TwilioClient, env: ServiceEnv, path: string, at: string): Promise<void> {
  await callbackMap(client, env).upsert(
    callbackKey(path),
    (current) => (current && current.lastAt >= at ? undefined : { path, lastAt: at }),
    CALLBACK_TTL_S,
  );
}

/** The last callback of each kind seen (one page: one item per webhook function). */
export async function readCallbacks(client: TwilioClient, env: ServiceEnv): Promise<CallbackSeen[]> {
  return (await callbackMap(client, env).list({ limit: 100 })).map((i) => i.data);
}
