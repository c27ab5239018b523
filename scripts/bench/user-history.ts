/**
 * A user's call log as their history grows: the first page of /api/twilio/call-logs for a user with 100
 * and with 10 000 calls, through the real function, with Twilio round trips counted from the emulator's
 * request log. The per-user indexes must keep the first page's cost flat (ratio at most 1.5).
 *
 * History is filed straight into the emulator's Sync tables (what 10 000 calls' callbacks would leave
 * behind, without spending Sync's 20 writes/s per object on it); the newest call of each user goes through
 * the service's own status webhook, so the records are the ones the service writes. Run alone with
 * `npx tsx scripts/bench/user-history.ts`.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import jwt from 'jsonwebtoken';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { startEmulator } from '../../emulator';
import type { Emulator } from '../../emulator';
import type { MapItemRecord } from '../../emulator/products/sync/model';
import { twilioClient } from '../../src/lib/runtime/twilio-client';
import { shardOf } from '../../src/lib/store/sync';
import { applyCallEvent } from '../../src/lib/store/call-records';
import { entryKey } from '../../src/lib/store/user-index';
import { findUser } from '../../src/lib/store/users';
import { startFunctions } from '../local-server';
import { BENCH_ENV } from './service';
import { growth, ms, table } from './stats';
import { measureRead } from './page-cost';
import { runStandalone } from './standalone';

export const HISTORY_SIZES = [100, 10_000] as const;
const REQUESTS = 50;
const CALL_RECORD_SHARDS = 64;

type Env = Record<string, string>;

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

/** Files `n` completed calls of the user (owned, indexed, counted) into Sync, oldest first. */
async function fileHistory(emu: Emulator, env: Env, userId: number, n: number, tag: string): Promise<void> {
  const items = itemsTable(emu);
  const index = await mapSid(env, `user-index.${userId}.calls`);
  const counts = await mapSid(env, `user-counts.${userId}`);
  const shards = await Promise.all(Array.from({ length: CALL_RECORD_SHARDS }, (_, i) => mapSid(env, `call-records.${i}`)));
  const start = Date.now() - n * 60_000;
  const save = (parent: string, key: string, data: Record<string, unknown>): void => {
    const now = Date.now();
    items.save({ parent, key, data: data as MapItemRecord['data'], revision: 0, created: now, updated: now, expires: null });
  };
  for (let i = 0; i < n; i++) {
    const callSid = `CA${tag}${String(i).padStart(32 - tag.length, '0')}`;
    const at = new Date(start + i * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const record = applyCallEvent(undefined, {
      callSid,
      status: 'completed',
      direction: 'outbound',
      from: '+14155550123',
      to: '+14155557788',
      duration: 30,
      price: 0.0085,
      priceUnit: 'USD',
      at,
      owner: { userId, phoneNumberId: null },
    });
    if (!record) throw new Error('call record not built');
    save(shards[shardOf(callSid, CALL_RECORD_SHARDS)], callSid, record);
    save(index, entryKey({ sid: callSid, createdAt: at }), { sid: callSid, createdAt: at });
  }
  save(counts, 'calls', { count: n });
}

/** Prints the table; answers the worst ratio (10 000 / 100) of round trips and of p50 latency. */
export async function userHistory(section: (title: string) => void): Promise<number> {
  section(`A user's first call-log page (limit 20) at ${HISTORY_SIZES.join(' vs ')} calls, N=${REQUESTS} each`);
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-users-'));
  const emu = await startEmulator({ port: 0, stateDir, stepMs: 20 });
  const env: Env = { ACCOUNT_SID: emu.accountSid, AUTH_TOKEN: emu.authToken, TWILIO_EMULATOR_URL: emu.baseUrl, ...BENCH_ENV };
  const fns = await startFunctions({ env });
  try {
    const rows: string[][] = [];
    const results: { trips: number; p50: number }[] = [];
    for (const size of HISTORY_SIZES) {
      const sub = `history-${size}`;
      const auth = { Authorization: `Bearer ${jwt.sign({ sub }, BENCH_ENV.JWT_SECRET, { algorithm: 'HS256' })}` };
      const page = (): Promise<Response> => fetch(`${fns.url}/api/twilio/call-logs?limit=20`, { headers: auth });
      await page(); // the user's first sight: the directory entry
      const user = await findUser(twilioClient(env), env, { via: 'bearer', principalId: sub });
      if (!user) throw new Error('user not in the directory');
      await fileHistory(emu, env, user.userId, size, String(size));
      // One more call through the service's own status webhook: the newest entry is the service's writing.
      const url = `${fns.url}/webhooks/twilio/call-status`;
      const params = {
        CallSid: `CA${'f'.repeat(24)}${String(size).padStart(8, '0')}`,
        CallStatus: 'completed',
        From: `client:u${user.userId}_${sub}`,
        To: '+14155557788',
        Direction: 'inbound',
        CallDuration: '12',
      };
      await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Twilio-Signature': getExpectedTwilioSignature(emu.authToken, url, params),
        },
        body: new URLSearchParams(params).toString(),
      });
      const s = await measureRead<{ calls: unknown[]; pagination: { totalItems: number } }>(emu.baseUrl, page, REQUESTS);
      const { body, trips } = s;
      results.push({ trips, p50: s.p50 });
      rows.push([
        String(size),
        String(body.pagination.totalItems),
        String(body.calls.length),
        String(trips),
        ms(s.p50),
        ms(s.p95),
      ]);
    }
    console.log(table(['calls of the user', 'totalItems', 'calls on page', 'round trips', 'p50', 'p95'], rows));
    const [small, large] = results;
    return growth([HISTORY_SIZES[0], HISTORY_SIZES[1]], small, large, 1.5);
  } finally {
    await fns.close();
    await emu.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

if (require.main === module) runStandalone(userHistory);
