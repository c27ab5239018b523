/**
 * Billing under load, two figures:
 * 1. the most writes a second any Sync object takes while one user's billable events arrive at 100 a
 *    second through the service's own metering (the worst case: every event in one user's totals), from
 *    the emulator's request log (DESIGN §6: at most 10);
 * 2. round trips and latency of /api/twilio/usage for a user with 100 metered events and one with
 *    100 000 (at most 1.2). The 100 000 are filed straight into the emulator's Sync tables, ledger entries
 *    and the totals they sum to, as metering would leave them, without spending Sync's 20 writes/s per
 *    object on it.
 * Run alone with `npx tsx scripts/bench/billing.ts`.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import jwt from 'jsonwebtoken';
import { startEmulator } from '../../emulator';
import type { Emulator, RequestLogEntry } from '../../emulator';
import type { MapItemRecord } from '../../emulator/products/sync/model';
import { twilioClient } from '../../src/lib/runtime/twilio-client';
import { shardOf } from '../../src/lib/store/sync';
import { findUser } from '../../src/lib/store/users';
import { meter } from '../../src/lib/billing/meter';
import { BillableEvent, chargeOf, monthOf } from '../../src/lib/billing/charge';
import { BillingCategory, CATEGORY_RATE } from '../../src/lib/billing/rate-card';
import { TOTALS_SHARDS, addTally, emptyTally, Tally } from '../../src/lib/store/billing-totals';
import { startFunctions } from '../local-server';
import { BENCH_ENV } from './service';
import { growth, ms, table } from './stats';
import { measureRead } from './page-cost';
import { runStandalone } from './standalone';

type Env = Record<string, string>;

const EVENTS_PER_SECOND = 100;
const SECONDS = 3;
const SIZES = [100, 100_000] as const;
const REQUESTS = 30;
const LEDGER_SHARDS = 64;
/** Not an id the directory hands out in this run. */
const LOAD_USER = 999_999;
const CATEGORIES: BillingCategory[] = ['calls-outbound', 'calls-inbound', 'recordings', 'sms-outbound', 'sms-inbound'];

const hex = (n: number, width = 32): string => n.toString(16).padStart(width, '0');

function randomEvent(userId: number, i: number, at: string): BillableEvent {
  const category = CATEGORIES[i % CATEGORIES.length];
  const prefix = category.startsWith('sms') ? 'SM' : category === 'recordings' ? 'RE' : 'CA';
  return {
    userId,
    category,
    sid: `${prefix}${hex(Math.floor(Math.random() * 2 ** 48), 12)}${hex(i, 20)}`,
    phoneNumberId: '1',
    at,
    quantity: 1 + (i % 7),
    twilioPrice: i % 2 ? '-0.01400' : null,
  };
}

/** Write attempts (POST, DELETE; accepted or not) and accepted writes per Sync object per whole second. */
function writesPerObjectSecond(log: RequestLogEntry[]): { object: string; attempts: number; accepted: number }[] {
  const counts = new Map<string, { attempts: number; accepted: number }>();
  for (const r of log) {
    if (r.kind !== 'rest' || (r.method !== 'POST' && r.method !== 'DELETE')) continue;
    const m = /^\/v1\/Services\/[^/]+\/Maps\/([^/]+)/.exec(r.path);
    if (!m) continue;
    const key = `${decodeURIComponent(m[1])}|${Math.floor(Date.parse(r.at) / 1000)}`;
    const c = counts.get(key) ?? { attempts: 0, accepted: 0 };
    c.attempts++;
    if (r.status < 300) c.accepted++;
    counts.set(key, c);
  }
  return [...counts].map(([k, c]) => ({ object: k.split('|')[0], ...c }));
}

async function loadAt100PerSecond(emu: Emulator, env: Env): Promise<void> {
  const client = twilioClient(env);
  await fetch(`${emu.baseUrl}/_emulator/requests`, { method: 'DELETE' });
  const pending: Promise<unknown>[] = [];
  let failed = 0;
  const started = Date.now();
  // One event every 10 ms, as a steady 100 a second arrives.
  for (let i = 0; i < EVENTS_PER_SECOND * SECONDS; i++) {
    pending.push(meter(client, env, randomEvent(LOAD_USER, i, new Date().toISOString())).catch(() => failed++));
    await new Promise((r) => setTimeout(r, Math.max(0, started + ((i + 1) * 1000) / EVENTS_PER_SECOND - Date.now())));
  }
  await Promise.all(pending);
  const elapsed = (Date.now() - started) / 1000;
  const log = (await (await fetch(`${emu.baseUrl}/_emulator/requests`)).json()) as { requests: RequestLogEntry[] };
  const rows = writesPerObjectSecond(log.requests);
  const byFamily = new Map<string, { attempts: number; accepted: number }>();
  for (const r of rows) {
    const family = r.object
      .replace(/\.\d+$/, '.<shard>')
      .replace(/\d{4}-\d{2}(-\d{2})?/, '<when>')
      .replace(/^billing-user-month\.\d+/, 'billing-user-month.<user>');
    const f = byFamily.get(family) ?? { attempts: 0, accepted: 0 };
    byFamily.set(family, { attempts: Math.max(f.attempts, r.attempts), accepted: Math.max(f.accepted, r.accepted) });
  }
  const worst = rows.reduce((a, b) => (b.attempts > a.attempts ? b : a), { object: '-', attempts: 0, accepted: 0 });
  console.log(
    table(
      ['Sync object family', 'most write attempts in one second (one object)', 'of them accepted'],
      [...byFamily].sort((a, b) => b[1].attempts - a[1].attempts).map(([f, w]) => [f, String(w.attempts), String(w.accepted)]),
    ),
  );
  console.log(
    `${EVENTS_PER_SECOND * SECONDS} events of one user sent over ${SECONDS} s, all billed after ${elapsed.toFixed(1)} s ` +
      `(${failed} failed, ${log.requests.length} requests logged): ` +
      `the busiest object took ${worst.attempts} write attempts in one second (${worst.object}; at most 10)`,
  );
}

function itemsTable(emu: Emulator) {
  return emu.state.table<MapItemRecord>('sync-map-items', { key: () => '', position: () => 0 });
}

async function mapSid(env: Env, name: string): Promise<string> {
  const sync = twilioClient(env).sync.v1.services('default');
  try {
    return (await sync.syncMaps(name).fetch()).sid;
  } catch {
    return (await sync.syncMaps.create({ uniqueName: name })).sid;
  }
}

/** Files `n` of the user's events of this month: their ledger entries and the totals they sum to. */
async function fileEvents(emu: Emulator, env: Env, userId: number, n: number): Promise<void> {
  const items = itemsTable(emu);
  const now = new Date().toISOString();
  const month = monthOf(now);
  const ledger = await Promise.all(Array.from({ length: LEDGER_SHARDS }, (_, i) => mapSid(env, `billing-ledger.${i}`)));
  const save = (parent: string, key: string, data: Record<string, unknown>): void => {
    const t = Date.now();
    items.save({ parent, key, data: data as MapItemRecord['data'], revision: 0, created: t, updated: t, expires: null });
  };
  const shards = Array.from({ length: TOTALS_SHARDS }, () => new Map<BillingCategory, Tally>());
  for (let i = 0; i < n; i++) {
    const e = randomEvent(userId, i, now);
    const c = chargeOf(e, []);
    save(ledger[shardOf(c.key, LEDGER_SHARDS)], c.key, {
      ...e,
      key: c.key,
      unit: CATEGORY_RATE[e.category].unit,
      rateCardId: c.rateCardId,
      rateMicros: c.rateMicros,
      amountMicros: c.amountMicros,
      twilioPriceMicros: e.twilioPrice ? 14_000 : null,
      twilioPriceCounted: e.twilioPrice !== null,
      createdAt: now,
    });
    const shard = shards[shardOf(c.key, TOTALS_SHARDS)];
    const add: Tally = {
      count: 1,
      quantity: e.quantity,
      amountMicros: c.amountMicros,
      twilioCostMicros: e.twilioPrice ? 14_000 : 0,
      twilioPricedCount: e.twilioPrice ? 1 : 0,
    };
    shard.set(e.category, addTally(shard.get(e.category) ?? emptyTally(), add));
  }
  for (const [i, shard] of shards.entries()) {
    const categories = Object.fromEntries(shard);
    const sid = await mapSid(env, `billing-user-month.${userId}.${month}.${i}`);
    save(sid, 'totals', { categories, numbers: { '1': categories }, recent: [] });
  }
}

async function usageRoundTrips(emu: Emulator, env: Env, fnsUrl: string): Promise<number> {
  const rows: string[][] = [];
  const results: { trips: number; p50: number }[] = [];
  for (const size of SIZES) {
    const sub = `billing-${size}`;
    const auth = { Authorization: `Bearer ${jwt.sign({ sub }, BENCH_ENV.JWT_SECRET, { algorithm: 'HS256' })}` };
    const usage = (): Promise<Response> => fetch(`${fnsUrl}/api/twilio/usage`, { headers: auth });
    await usage(); // the user's first sight: the directory entry
    const user = await findUser(twilioClient(env), env, { via: 'bearer', principalId: sub });
    if (!user) throw new Error('user not in the directory');
    if (size <= 1000) {
      const at = new Date().toISOString();
      for (let i = 0; i < size; i += 10) {
        await Promise.all(
          Array.from({ length: 10 }, (_, j) => meter(twilioClient(env), env, randomEvent(user.userId, i + j, at))),
        );
      }
    } else await fileEvents(emu, env, user.userId, size);
    const s = await measureRead<{ usage: { categories: { count: number }[] } }>(emu.baseUrl, usage, REQUESTS);
    const { body, trips } = s;
    const counted = body.usage.categories.reduce((sum, c) => sum + c.count, 0);
    results.push({ trips, p50: s.p50 });
    rows.push([String(size), String(counted), String(trips), ms(s.p50), ms(s.p95)]);
  }
  console.log(table(['billable events of the user', 'counted in the answer', 'round trips', 'p50', 'p95'], rows));
  const [small, large] = results;
  return growth([SIZES[0], SIZES[1]], small, large, 1.2);
}

/** Prints both tables; answers the usage ratio (100 000 / 100). */
export async function billingBench(section: (title: string) => void): Promise<number> {
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-billing-'));
  const emu = await startEmulator({ port: 0, stateDir, stepMs: 20 });
  const env: Env = { ACCOUNT_SID: emu.accountSid, AUTH_TOKEN: emu.authToken, TWILIO_EMULATOR_URL: emu.baseUrl, ...BENCH_ENV };
  const fns = await startFunctions({ env });
  try {
    section(`Billing: Sync writes per object at ${EVENTS_PER_SECOND} billable events/s (one user, ${SECONDS} s)`);
    await loadAt100PerSecond(emu, env);
    section(`Billing: /api/twilio/usage at ${SIZES.join(' vs ')} billable events, N=${REQUESTS} each`);
    return await usageRoundTrips(emu, env, fns.url);
  } finally {
    await fns.close();
    await emu.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

if (require.main === module) runStandalone(billingBench);
