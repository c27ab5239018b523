/**
 * The emulator as history grows: list latency through the real `twilio` SDK at a small and at a month-of-use
 * history, the cost of persisting one change, and a restart, each at both sizes. The ratio (large / small)
 * is the figure that matters: lists must cost O(page), persistence O(change).
 *
 * Records are filed straight into the emulator's tables (what 100 000 API calls would leave behind, without
 * spending minutes making them); every measured request goes through HTTP and the SDK.
 */
import { mkdtempSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startEmulator } from '../../emulator';
import type { Emulator } from '../../emulator';
import { newSid } from '../../emulator/core/wire';
import { messageChargeOf, MessageRecord } from '../../emulator/products/messages';
import { callPrice, priceString } from '../../emulator/products/pricing';
import { usageMeter } from '../../emulator/products/usage/meter';
import type { MapItemRecord } from '../../emulator/products/sync/model';
import { MAX_TASK_TIMEOUT, TaskRecord, TaskStatus, WorkspaceRecord } from '../../emulator/products/taskrouter/model';
import { callDefaults, CallRecord, RecordingRecord } from '../../emulator/products/voice/model';
import { twilioClient, TwilioClient } from '../../src/lib/runtime/twilio-client';
import { ms, summarize, table } from './stats';

export const SIZES = [100, 100_000] as const;
const REQUESTS = 200;
/** Messages per handset: the filtered listing fills its page at every size, so both sizes answer the same. */
const PER_HANDSET = 50;
/** Every 4th call is busy, every 2nd has a recording: the filtered pages fill at every size. */
const BUSY_EVERY = 4;
const RECORDED_EVERY = 2;
/** Recordings of the call the per-call listing asks about, the same at every size. */
const RECORDINGS_OF_ONE_CALL = 3;
const DAY = 86_400_000;

interface Probe {
  name: string;
  /** Adds `n` records of this kind to the emulator's state. */
  fill(emu: Emulator, n: number, ctx: FillContext): void;
  /** One listing request through the SDK. */
  run(client: TwilioClient, ctx: FillContext): Promise<unknown>;
}

interface FillContext {
  mapSid: string;
  handset: string;
  /** A call with RECORDINGS_OF_ONE_CALL recordings (set when the calls are filled). */
  callSid: string;
}

/** The table a product registered (the spec is the product's; this only looks it up). */
function tableOf<T extends object>(emu: Emulator, name: string) {
  return emu.state.table<T>(name, { key: () => '', position: () => 0 });
}

/** `n` finished calls to and from the sample numbers, spread over the handsets like the messages. */
function fillCalls(emu: Emulator, n: number, ctx: FillContext): void {
  const calls = tableOf<CallRecord>(emu, 'calls');
  const recordings = tableOf<RecordingRecord>(emu, 'recordings');
  const t0 = Date.now() - n * 1000;
  let recordingOrd = 1000;
  const record = (call: CallRecord, at: number): void => {
    recordings.save({
      sid: newSid('RE'),
      call_sid: call.sid,
      ord: ++recordingOrd,
      created: at,
      updated: at,
      start: at,
      duration: 30,
      channels: 1,
      source: 'RecordVerb',
      status: 'completed',
      accrued: 30,
      active_since: null,
      status_callback: null,
      status_callback_method: 'POST',
      status_callback_events: ['completed'],
      track: 'both',
    });
  };
  for (let i = 0; i < n; i++) {
    const at = t0 + i * 1000;
    const busy = i % BUSY_EVERY === 0;
    const leg: CallRecord = {
      ...callDefaults(at),
      sid: newSid('CA'),
      ord: 1000 + i,
      from: '+14155550100',
      to: `+1415555${String(1000 + (i % Math.max(1, n / PER_HANDSET))).padStart(4, '0')}`,
      direction: 'outbound-api',
      status: busy ? 'busy' : 'completed',
      start: at,
      end: at + (busy ? 0 : 60_000),
      elapsed: busy ? 0 : 60,
      duration: busy ? 0 : 60,
      answered: !busy,
    };
    leg.price = callPrice(leg);
    const call = calls.save(leg);
    if (i % RECORDED_EVERY === 1) record(call, at + 10);
    if (i === Math.floor(n / 2)) {
      ctx.callSid = call.sid;
      for (let k = 0; k < RECORDINGS_OF_ONE_CALL; k++) record(call, at + 20 + k);
    }
  }
}

const PROBES: Probe[] = [
  {
    name: 'Messages: newest page (20)',
    fill(emu, n) {
      const messages = tableOf<MessageRecord>(emu, 'messages');
      const meter = usageMeter(emu.state);
      const t0 = Date.now() - n * 1000;
      for (let i = 0; i < n; i++) {
        const at = t0 + i * 1000;
        const m: MessageRecord = {
          sid: newSid('SM'),
          from: '+14155550100',
          to: `+1415555${String(1000 + (i % Math.max(1, n / PER_HANDSET))).padStart(4, '0')}`,
          body: `Message ${i}`,
          media: [],
          direction: 'outbound-api',
          status: 'delivered',
          status_callback: '',
          error_code: null,
          error_message: null,
          price: null,
          created: at,
          updated: at,
          sent: at,
        };
        // What sending it left behind: its price, and its share of the usage totals.
        const charge = messageChargeOf(m);
        m.price = priceString(charge.micros);
        meter.charge(charge);
        messages.save(m);
      }
    },
    run: (client) => client.messages.page({ pageSize: 20 }),
  },
  {
    name: 'Messages: To one handset (20)',
    fill() {},
    run: (client, ctx) => client.messages.page({ to: ctx.handset, pageSize: 20 }),
  },
  {
    name: 'Sync Map items: first page (50)',
    fill(emu, n, ctx) {
      const items = tableOf<MapItemRecord>(emu, 'sync-map-items');
      const now = Date.now();
      for (let i = 0; i < n; i++) {
        items.save({
          parent: ctx.mapSid,
          key: `CA${String(i).padStart(32, '0')}`,
          data: { status: 'completed', n: i },
          revision: 0,
          created: now,
          updated: now,
          expires: null,
        });
      }
    },
    run: (client, ctx) => client.sync.v1.services('default').syncMaps(ctx.mapSid).syncMapItems.page({ pageSize: 50 }),
  },
  {
    name: 'Sync Map items: From a key, desc (50)',
    fill() {},
    run: (client, ctx) =>
      client.sync.v1
        .services('default')
        .syncMaps(ctx.mapSid)
        .syncMapItems.page({ pageSize: 50, order: 'desc', from: `CA${String(50).padStart(32, '0')}` }),
  },
  {
    name: 'Calls: newest page (20)',
    fill: fillCalls,
    run: (client) => client.calls.page({ pageSize: 20 }),
  },
  {
    name: 'Calls: To one handset (20)',
    fill() {},
    run: (client, ctx) => client.calls.page({ to: ctx.handset, pageSize: 20 }),
  },
  {
    name: 'Calls: Status busy (20)',
    fill() {},
    run: (client) => client.calls.page({ status: 'busy', pageSize: 20 }),
  },
  {
    name: 'Recordings: newest page (20)',
    fill() {},
    run: (client) => client.recordings.page({ pageSize: 20 }),
  },
  {
    name: `Recordings: CallSid of one call (${RECORDINGS_OF_ONE_CALL})`,
    fill() {},
    run: (client, ctx) => client.recordings.page({ callSid: ctx.callSid, pageSize: 20 }),
  },
  {
    name: 'Usage Records: Daily sms, last 30 days',
    fill() {},
    run: (client) =>
      client.usage.records.daily.list({ category: 'sms', startDate: new Date(Date.now() - 30 * DAY), endDate: new Date() }),
  },
  ...taskRouterProbes(),
];

interface SizeResult {
  latency: Map<string, { p50: number; p95: number }>;
  writeMs: number;
  restartMs: number;
  files: number;
}

async function measureSize(n: number): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'emu-scale-'));
  let emu = await startEmulator({ port: 0, stateDir: dir, functionsBaseUrl: 'http://127.0.0.1:9' });
  try {
    const client = twilioClient({ ACCOUNT_SID: emu.accountSid, AUTH_TOKEN: emu.authToken, TWILIO_EMULATOR_URL: emu.baseUrl });
    const map = await client.sync.v1.services('default').syncMaps.create({ uniqueName: 'bench-scale' });
    const ctx: FillContext = { mapSid: map.sid, handset: '+14155551001', callSid: '' };
    for (const p of PROBES) p.fill(emu, n, ctx);
    emu.state.flush();
    emu.state.compact();

    const latency = new Map<string, { p50: number; p95: number }>();
    for (const p of PROBES) {
      for (let i = 0; i < 10; i++) await p.run(client, ctx); // warm-up
      const samples: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t = process.hrtime.bigint();
        await p.run(client, ctx);
        samples.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      const s = summarize(samples);
      latency.set(p.name, { p50: s.p50, p95: s.p95 });
    }

    // One change persisted: update a map item through the API, then time the flush that writes it.
    const writes: number[] = [];
    for (let i = 0; i < 50; i++) {
      await client.sync.v1
        .services('default')
        .syncMaps(map.sid)
        .syncMapItems(`CA${String(i).padStart(32, '0')}`)
        .update({ data: { status: 'completed', touched: i } });
      const t = process.hrtime.bigint();
      emu.state.flush();
      writes.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    await emu.close();
    const files = statSync(join(dir, 'snapshot.jsonl')).size + statSync(join(dir, 'journal.jsonl')).size;
    const t = process.hrtime.bigint();
    emu = await startEmulator({ port: 0, stateDir: dir, functionsBaseUrl: 'http://127.0.0.1:9' });
    const restartMs = Number(process.hrtime.bigint() - t) / 1e6;
    return { latency, writeMs: summarize(writes).p50, restartMs, files };
  } finally {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the scale tables; answers the worst list-latency ratio (large / small, p50). */
export async function emulatorScale(section: (title: string) => void): Promise<number> {
  const [small, large] = SIZES;
  const results = new Map<number, SizeResult>();
  for (const n of SIZES) results.set(n, await measureSize(n));
  const a = results.get(small) as SizeResult;
  const b = results.get(large) as SizeResult;
  section(`Emulator at ${small} vs ${large} records per kind: list latency through the SDK, ${REQUESTS} requests each (ms)`);
  let worst = 0;
  const rows = PROBES.map((p) => {
    const x = a.latency.get(p.name) as { p50: number; p95: number };
    const y = b.latency.get(p.name) as { p50: number; p95: number };
    const ratio = y.p50 / x.p50;
    worst = Math.max(worst, ratio);
    return [p.name, ms(x.p50, 2), ms(x.p95, 2), ms(y.p50, 2), ms(y.p95, 2), `${ratio.toFixed(2)}x`];
  });
  console.log(table(['listing', `p50 @${small}`, `p95 @${small}`, `p50 @${large}`, `p95 @${large}`, 'p50 ratio'], rows));
  section('Emulator persistence at both sizes');
  console.log(
    table(
      ['records per kind', 'persist one change p50 ms', 'restart ms', 'state files KiB'],
      [a, b].map((r, i) => [String(SIZES[i]), ms(r.writeMs, 3), ms(r.restartMs, 0), (r.files / 1024).toFixed(0)]),
    ),
  );
  console.log(`Worst list-latency ratio ${large} vs ${small}: ${worst.toFixed(2)}x (budget: 2x)`);
  return worst;
}

/**
 * Tasks of the sample Flex workspace: half completed, half pending (so the AssignmentStatus listing fills
 * its page at both sizes), one a second apart, with a Timeout long enough that none expires meanwhile.
 */
function taskRouterProbes(): Probe[] {
  let workspace = '';
  return [
    {
      name: 'TaskRouter Tasks: first page (50)',
      fill(emu, n) {
        const [ws] = tableOf<WorkspaceRecord>(emu, 'taskrouter-workspaces').values();
        const tasks = tableOf<TaskRecord>(emu, 'taskrouter-tasks');
        const [sample] = tasks.values();
        workspace = ws.sid;
        const t0 = Date.now() - n * 1000;
        for (let i = 0; i < n; i++) {
          const at = t0 + i * 1000;
          const status: TaskStatus = i % 2 ? 'pending' : 'completed';
          tasks.save({
            ...sample,
            sid: newSid('WT'),
            seq: 1_000_000 + i,
            attributes: JSON.stringify({ from: '+14155559999', n: i }),
            assignment_status: status,
            timeout: MAX_TASK_TIMEOUT,
            reason: status === 'completed' ? 'Call ended' : null,
            queue_entered: at,
            virtual_start: at,
            created: at,
            updated: at,
          });
        }
      },
      run: (client) => client.taskrouter.v1.workspaces(workspace).tasks.page({ pageSize: 50 }),
    },
    {
      name: 'TaskRouter Tasks: AssignmentStatus pending (50)',
      fill() {},
      run: (client) => client.taskrouter.v1.workspaces(workspace).tasks.page({ assignmentStatus: ['pending'], pageSize: 50 }),
    },
  ];
}
