/**
 * The inbound log at a sustained rate: signed messaging webhooks fired open-loop at `rate` a second for
 * `seconds` through the real /webhook/incoming-message function, against the emulator's Sync limits
 * (per object 20 writes/s and, apart, 20 reads/s, each with a 10 s burst). Then every message is looked
 * up in the service's log: acknowledged vs logged is the figure, and "lost" (acknowledged, not logged)
 * must be 0 before any reconciliation. Run alone with `npx tsx scripts/bench/inbound-rate.ts`.
 */
import { randomBytes } from 'crypto';
import { findInboundMessage } from '../../src/lib/store/message-log';
import { twilioClient } from '../../src/lib/runtime/twilio-client';
import { startBenchService, BenchService } from './service';
import { runStandalone } from './standalone';
import { ms, summarize, table } from './stats';

const TICK_MS = 50;
/** The webhook's answer when its Sync write failed (the function's fallback): acknowledged, not logged. */
const FALLBACK_ACK = 'Thanks, we received your message.';

interface Sent {
  sid: string;
  at: string;
  status: number;
  fallback: boolean;
  ms: number;
}

async function fire(svc: BenchService, i: number, runId: string): Promise<Sent> {
  const sid = `SM${runId}${String(i).padStart(32 - runId.length, '0')}`;
  const at = new Date().toISOString();
  const scenario = {
    name: 'inbound',
    method: 'POST' as const,
    path: '/webhook/incoming-message',
    auth: 'webhook' as const,
    input: () => ({ MessageSid: sid, From: '+14155559999', To: '+14155550111', Body: `rate ${i}`, NumMedia: '0' }),
  };
  try {
    const r = await svc.call(scenario, i);
    return { sid, at, status: r.status, fallback: r.text.includes(FALLBACK_ACK), ms: r.ms };
  } catch {
    return { sid, at, status: 0, fallback: false, ms: NaN };
  }
}

async function countLogged(svc: BenchService, sent: Sent[]): Promise<number> {
  const env = { ACCOUNT_SID: svc.accountSid, AUTH_TOKEN: svc.authToken, TWILIO_EMULATOR_URL: svc.emulatorUrl };
  const client = twilioClient(env);
  let next = 0;
  let logged = 0;
  const worker = async (): Promise<void> => {
    while (next < sent.length) {
      const s = sent[next++];
      // Paced by Sync's read limit like any reader: 64 maps a day, 20 reads/s each.
      for (;;) {
        try {
          if (await findInboundMessage(client, env, s.sid, s.at)) logged++;
          break;
        } catch (err) {
          // The count is no load test: wait out Sync's read limit rather than miscount.
          if ((err as { status?: unknown }).status !== 429) throw err;
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return logged;
}

export async function inboundRate(svc: BenchService, section: (title: string) => void, rate = 400, seconds = 10): Promise<void> {
  section(`Inbound log at ${rate} messages/s for ${seconds} s (signed webhooks, open loop, emulator Sync limits)`);
  const runId = randomBytes(4).toString('hex');
  const perTick = (rate * TICK_MS) / 1000;
  const pending: Promise<Sent>[] = [];
  const started = performance.now();
  for (let tick = 0; tick < (seconds * 1000) / TICK_MS; tick++) {
    const due = started + tick * TICK_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    for (let k = 0; k < perTick; k++) pending.push(fire(svc, pending.length, runId));
  }
  const firedIn = (performance.now() - started) / 1000;
  const sent = await Promise.all(pending);
  const statuses = new Map<string, number>();
  for (const s of sent)
    statuses.set(
      s.status ? String(s.status) : 'no answer in 10 s',
      (statuses.get(s.status ? String(s.status) : 'no answer in 10 s') ?? 0) + 1,
    );
  const acknowledged = sent.filter((s) => s.status === 200);
  const fallback = acknowledged.filter((s) => s.fallback).length;
  const logged = await countLogged(svc, sent);
  const loggedAcked = await countLogged(svc, acknowledged);
  const lat = summarize(acknowledged.map((s) => s.ms));
  console.log(
    table(
      [
        'sent',
        'sent/s',
        'acknowledged (200)',
        'acks without a log (fallback)',
        'logged',
        'lost (acked, not logged)',
        'p50',
        'p95',
        'p99',
        'max',
      ],
      [
        [
          String(sent.length),
          (sent.length / firedIn).toFixed(0),
          String(acknowledged.length),
          String(fallback),
          String(logged),
          String(acknowledged.length - loggedAcked),
          ms(lat.p50, 1),
          ms(lat.p95, 1),
          ms(lat.p99, 1),
          ms(lat.max, 1),
        ],
      ],
      ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  console.log(`answers: ${[...statuses].map(([k, v]) => `${k} x${v}`).join(', ')}`);
  console.log('(not acknowledged = the local server, sharing these cores with the emulator and this client, fell behind;');
  console.log(' Twilio keeps those messages in its log and reconciliation adds them; "lost" counts what was acknowledged)');
  console.log(`(inbound-messages.<day>.<0..63>: about ${(rate / 64).toFixed(1)} writes/s per map at this rate; Sync allows 20)`);
}

if (require.main === module) {
  runStandalone(async (section) => {
    const svc = await startBenchService();
    try {
      await inboundRate(svc, section);
    } finally {
      await svc.close();
    }
  });
}
