/**
 * The SMS router under load: inbound SMS injected through the emulator at `rate` a second (open loop), each
 * running the whole flow (signed webhook, acknowledgement, <Redirect> to the processing function, the agent,
 * the reply sent by REST, its status callbacks). Figures: acknowledged vs routed vs replies delivered
 * ("lost" = acknowledged and never routed, must be 0), the webhook's own time (p50/p95, from the local
 * server's request lines), the most writes in one second on any Sync object (from every REST exchange),
 * and GET /webhook/stats at 100 and at 100 000 routed messages (round trips and p50). The 100 000 are
 * aggregates built with the router's own applyDelta and stored in its shards, as 100 000 messages leave
 * them. Run alone with `npx tsx scripts/bench/sms-router.ts`.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import jwt from 'jsonwebtoken';
import { startEmulator } from '../../emulator';
import { twilioClient } from '../../src/lib/runtime/twilio-client';
import { applyDelta, readStatsShards, STATS_SHARDS, StatsTotals } from '../../src/lib/store/router-stats';
import { SyncMapRef } from '../../src/lib/store/sync';
import { startFunctions } from '../local-server';
import { BENCH_ENV, muteServiceEvents } from './service';
import { growth, ms, summarize, table } from './stats';
import { runStandalone } from './standalone';

const ROUTER = '/api/v1/sms-router';
const TICK_MS = 50;
const SETTLE_MS = 30_000;
const STATS_READS = 20;
/** The router serves many users: the load is spread over their numbers as real traffic would be. */
const USERS = 50;
const AREA_CODES = ['415', '212', '312', '206', '617'];

type Env = Record<string, string>;

interface Stats {
  total_messages: number;
  successful_routes: number;
  deliveries: { delivered: number };
}

export async function smsRouterBench(section: (title: string) => void, rate = 100, seconds = 5): Promise<{ lost: number }> {
  section(
    `SMS router: inbound SMS at ${rate}/s for ${seconds} s to ${USERS} users' numbers through webhook, <Redirect>, agent and reply`,
  );
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-router-'));
  const unmute = muteServiceEvents();
  const syncWrites = new Map<string, number>();
  const emu = await startEmulator({
    port: 0,
    stateDir,
    stepMs: 20,
    onExchange: (x) => {
      const m = /^\/v1\/Services\/[^/]+\/Maps\/([^/]+)\/Items/.exec(x.path);
      if (x.host.startsWith('sync') && x.method === 'POST' && m) {
        const key = `${decodeURIComponent(m[1])} ${Math.floor(Date.now() / 1000)}`;
        syncWrites.set(key, (syncWrites.get(key) ?? 0) + 1);
      }
    },
  });
  const env: Env = { ACCOUNT_SID: emu.accountSid, AUTH_TOKEN: emu.authToken, TWILIO_EMULATOR_URL: emu.baseUrl, ...BENCH_ENV };
  const webhookMs: number[] = [];
  const fns = await startFunctions({
    env,
    log: (line) => {
      const m = new RegExp(`^POST ${ROUTER}/webhook/sms 200 (\\d+) ms`).exec(line);
      if (m) webhookMs.push(Number(m[1]));
    },
  });
  emu.functionsBaseUrl = fns.url;
  const bearer = (sub: string, roles: string[] = []): Record<string, string> => ({
    Authorization: `Bearer ${jwt.sign({ sub, roles }, BENCH_ENV.JWT_SECRET, { algorithm: 'HS256' })}`,
    'Content-Type': 'application/json',
  });
  const adminHeaders = bearer('bench-admin', ['admin']);
  const stats = async (): Promise<Stats> =>
    (await (await fetch(`${fns.url}${ROUTER}/webhook/stats`, { headers: adminHeaders })).json()) as Stats;
  try {
    // USERS users, each owning a number routed through the router; limits above each user's share of the load.
    const client = twilioClient(env);
    const numbers: string[] = [];
    for (let u = 0; u < USERS; u++) {
      const bought = await fetch(`${fns.url}/api/twilio/buy-number`, {
        method: 'POST',
        headers: bearer(`bench-user-${u}`),
        body: JSON.stringify({ areaCode: AREA_CODES[u % AREA_CODES.length] }),
      });
      const number = ((await bought.json()) as { phoneNumber: { number: string } }).phoneNumber.number;
      const [n] = await client.incomingPhoneNumbers.list({ phoneNumber: number });
      await client.incomingPhoneNumbers(n.sid).update({ smsUrl: `${fns.url}${ROUTER}/webhook/sms` });
      numbers.push(number);
    }
    for (const [config_key, config_value] of [
      ['rate_limit_per_user_per_minute', '1000'],
      ['rate_limit_per_sender_per_minute', '100'],
    ]) {
      await fetch(`${fns.url}${ROUTER}/admin/config/update`, {
        method: 'POST',
        headers: adminHeaders,
        body: JSON.stringify({ config_key, config_value }),
      });
    }
    const inject = async (i: number): Promise<boolean> => {
      const res = await fetch(`${emu.baseUrl}/_emulator/inbound-sms`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ From: `+1415${String(2000000 + i).padStart(7, '0')}`, To: numbers[i % USERS], Body: 'hello' }),
      });
      const body = (await res.json()) as { twiml?: string };
      return res.ok && (body.twiml ?? '').includes('Thank you for your message');
    };
    const run = async (count: number, offset: number): Promise<number> => {
      const perTick = (rate * TICK_MS) / 1000;
      const pending: Promise<boolean>[] = [];
      const started = performance.now();
      for (let tick = 0; pending.length < count; tick++) {
        const wait = started + tick * TICK_MS - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        for (let k = 0; k < perTick && pending.length < count; k++)
          pending.push(inject(offset + pending.length).catch(() => false));
      }
      return (await Promise.all(pending)).filter(Boolean).length;
    };
    const settle = async (routed: number, delivered: number): Promise<Stats> => {
      const end = Date.now() + SETTLE_MS;
      for (;;) {
        const s = await stats();
        if ((s.successful_routes >= routed && s.deliveries.delivered >= delivered) || Date.now() > end) return s;
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const statsCost = async (): Promise<{ trips: number; p50: number }> => {
      await stats();
      await fetch(`${emu.baseUrl}/_emulator/requests`, { method: 'DELETE' });
      await stats();
      const log = (await (await fetch(`${emu.baseUrl}/_emulator/requests`)).json()) as { requests: { kind: string }[] };
      const times: number[] = [];
      for (let i = 0; i < STATS_READS; i++) {
        const t = performance.now();
        await stats();
        times.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 60)); // Sync's 20 reads/s per object
      }
      return { trips: log.requests.filter((r) => r.kind === 'rest').length, p50: summarize(times).p50 };
    };

    const warm = await run(100, 0);
    await settle(warm, warm);
    const at100 = await statsCost();
    webhookMs.length = 0;
    syncWrites.clear();
    const count = rate * seconds;
    const acked = await run(count, 1000);
    const after = await settle(warm + acked, warm + acked);
    const routed = after.successful_routes - warm;
    const delivered = after.deliveries.delivered - warm;
    const lost = Math.max(0, acked - routed);
    const ack = summarize(webhookMs);
    const [hottest, hottestWrites] = [...syncWrites.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['-', 0];
    console.log(
      table(
        ['sent', 'acknowledged', 'routed', 'replies delivered', 'lost', 'ack p50', 'ack p95', 'most writes/s on one Sync object'],
        [[count, acked, routed, delivered, lost, ms(ack.p50), ms(ack.p95), `${hottestWrites} (${hottest.replace(/ \d+$/, '')})`]],
      ),
    );

    // The aggregates 100 000 routed messages leave, built by the router's own code, then stored.
    const env2 = env;
    const shards = await readStatsShards(client, env2);
    const base: StatsTotals[] = shards.map((s) => ({ ...s }));
    const now = new Date().toISOString();
    const extra = 100_000 - after.total_messages;
    for (let i = 0; i < extra; i++) {
      const shard = i % STATS_SHARDS;
      base[shard] = applyDelta(base[shard], {
        at: now,
        route: {
          success: true,
          processingMs: 40,
          userId: 1 + (i % 500),
          phone: `+1415${String(3000000 + (i % 5000)).padStart(7, '0')}`,
        },
      });
    }
    for (let shard = 0; shard < STATS_SHARDS; shard++) {
      await new SyncMapRef<StatsTotals>(client, env2, `sms-router-stats.${shard}`, 0).upsert('totals', () => base[shard]);
    }
    const big = await stats();
    const at100k = await statsCost();
    console.log(
      table(
        ['routed messages', 'stats round trips', 'stats p50'],
        [
          [warm, at100.trips, ms(at100.p50)],
          [big.total_messages, at100k.trips, ms(at100k.p50)],
        ],
      ),
    );
    growth([warm, big.total_messages], at100, at100k);
    return { lost };
  } finally {
    await emu.quiesce();
    await fns.close();
    await emu.close();
    rmSync(stateDir, { recursive: true, force: true });
    const muted = unmute();
    if (muted) console.log(`(${muted} event lines the service logged during the run were not printed)`);
  }
}

if (require.main === module) runStandalone(smsRouterBench);
