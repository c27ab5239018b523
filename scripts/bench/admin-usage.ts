/**
 * The admin's platform usage as billing grows: /api/admin/usage over a month of days (31 points) when that
 * month billed 100 and 100 000 events, through the real function, with Twilio round trips counted from
 * the emulator's request log. The series reads the kept totals, never the ledger, so the cost must stay flat
 * (ratio at most 1.2).
 *
 * The month's platform-day totals are filed straight into the emulator's Sync tables as that many events'
 * metering leaves them (100 000 events would take Sync's 20 writes/s per object many minutes to meter);
 * one more event per size goes through the service's own metering, and the answer must count size + 1,
 * so the filed totals are read the way the service writes them. Run alone with
 * `npx tsx scripts/bench/admin-usage.ts`.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import jwt from 'jsonwebtoken';
import { startEmulator } from '../../emulator';
import type { Emulator } from '../../emulator';
import type { MapItemRecord } from '../../emulator/products/sync/model';
import { twilioClient } from '../../src/lib/runtime/twilio-client';
import { meter } from '../../src/lib/billing/meter';
import { BILLING_CATEGORIES, CATEGORY_RATE, DEFAULT_RATE_CARD } from '../../src/lib/billing/rate-card';
import { addTally, CategoryTallies, TOTALS_SHARDS } from '../../src/lib/store/billing-totals';
import { startFunctions } from '../local-server';
import { BENCH_ENV } from './service';
import { growth, ms, table } from './stats';
import { measureRead } from './page-cost';
import { runStandalone } from './standalone';

export const EVENT_COUNTS = [100, 100_000] as const;
/** Each size bills a month of its own; the request reads all its days. */
const MONTHS: Record<(typeof EVENT_COUNTS)[number], string> = { 100: '2025-01', 100_000: '2025-03' };
const DAYS = 31;
const REQUESTS = 30;

type Env = Record<string, string>;

async function mapSid(env: Env, name: string): Promise<string> {
  const sync = twilioClient(env).sync.v1.services('default');
  try {
    return (await sync.syncMaps(name).fetch()).sid;
  } catch {
    return (await sync.syncMaps.create({ uniqueName: name })).sid;
  }
}

/** `n` events spread over the month's days, categories and shards, filed as platform-day totals. */
async function fileMonth(emu: Emulator, env: Env, month: string, n: number): Promise<void> {
  const days = new Map<string, CategoryTallies>();
  for (let i = 0; i < n; i++) {
    const key = `${month}-${String((i % DAYS) + 1).padStart(2, '0')}.${(i >> 5) % TOTALS_SHARDS}`;
    const category = BILLING_CATEGORIES[i % BILLING_CATEGORIES.length];
    const quantity = 1 + (i % 3);
    const amountMicros = quantity * DEFAULT_RATE_CARD.rates[CATEGORY_RATE[category].rate];
    const tallies = days.get(key) ?? {};
    const add = { count: 1, quantity, amountMicros, twilioCostMicros: amountMicros, twilioPricedCount: 1 };
    tallies[category] = tallies[category] ? addTally(tallies[category], add) : add;
    days.set(key, tallies);
  }
  const items = emu.state.table<MapItemRecord>('sync-map-items', { key: () => '', position: () => 0 });
  for (const [key, categories] of days) {
    const parent = await mapSid(env, `billing-platform-day.${key}`);
    const now = Date.now();
    const data = { categories, numbers: {}, recent: [] } as unknown as MapItemRecord['data'];
    items.save({ parent, key: 'totals', data, revision: 0, created: now, updated: now, expires: null });
  }
}

/** Prints the table; answers the worst ratio (100 000 / 100) of round trips and of p50 latency. */
export async function adminUsage(section: (title: string) => void): Promise<number> {
  section(`Admin platform usage (/api/admin/usage, ${DAYS} days) at ${EVENT_COUNTS.join(' vs ')} billed events, N=${REQUESTS}`);
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-admin-usage-'));
  const emu = await startEmulator({ port: 0, stateDir, stepMs: 20 });
  const env: Env = { ACCOUNT_SID: emu.accountSid, AUTH_TOKEN: emu.authToken, TWILIO_EMULATOR_URL: emu.baseUrl, ...BENCH_ENV };
  const fns = await startFunctions({ env });
  const token = jwt.sign({ sub: 'bench-admin', roles: ['admin'] }, BENCH_ENV.JWT_SECRET, { algorithm: 'HS256' });
  try {
    const rows: string[][] = [];
    const results: { trips: number; p50: number }[] = [];
    for (const size of EVENT_COUNTS) {
      const month = MONTHS[size];
      await fileMonth(emu, env, month, size);
      await meter(twilioClient(env), env, {
        userId: 1,
        category: 'sms-inbound',
        sid: `SM${'b'.repeat(26)}${String(size).padStart(6, '0')}`,
        phoneNumberId: null,
        at: `${month}-15T12:00:00Z`,
        quantity: 1,
        twilioPrice: '-0.00830',
      });
      const url = `${fns.url}/api/admin/usage?granularity=day&from=${month}-01&to=${month}-${DAYS}`;
      const series = (): Promise<Response> => fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      const s = await measureRead<{ series: unknown[]; total: { count: number } }>(emu.baseUrl, series, REQUESTS);
      const { body, trips } = s;
      if (body.total.count !== size + 1) throw new Error(`counted ${body.total.count} events, billed ${size + 1}`);
      results.push({ trips, p50: s.p50 });
      rows.push([String(size), String(body.total.count), String(body.series.length), String(trips), ms(s.p50), ms(s.p95)]);
    }
    console.log(table(['events billed', 'events counted', 'points', 'round trips', 'p50', 'p95'], rows));
    const [small, large] = results;
    return growth([EVENT_COUNTS[0], EVENT_COUNTS[1]], small, large, 1.2);
  } finally {
    await fns.close();
    await emu.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

if (require.main === module) runStandalone(adminUsage);
