/**
 * `npm run bench`: figures, not a test. Builds, then measures
 *   1. cold start: `require(<bundle>)` in fresh node processes vs `require('twilio')`;
 *   2. Twilio REST round trips per endpoint (first call, fresh Flex token, warm), from the emulator's log;
 *   3. requests per second of the endpoints marked `throughput`, sequential and concurrent;
 *   4. latency of sequential requests per endpoint against the emulator, loopback only;
 *   5. the inbound log at 400 messages/s for 10 s: acknowledged vs logged (scripts/bench/inbound-rate.ts);
 *   6. the emulator at 100 vs 100 000 records: list latency, one persisted change, a restart;
 *   7. /api/admin/usage at 100 vs 100 000 billed events (scripts/bench/admin-usage.ts).
 *   8. the SMS router at 100 messages/s: lost, acknowledgement p95, hottest Sync object, stats at 100 vs
 *      100 000 routed messages (scripts/bench/sms-router.ts).
 * Scenarios are rows in scripts/bench/scenarios.ts. Prints plain tables; exits 0.
 */
import { cpus, arch, type as osType } from 'os';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'fs';
import { join, relative, sep } from 'path';
import { buildAll } from './build';
import { DIST, routesFrom } from './local-server';
import { measureRequire, InitSample } from './bench/cold-start';
import { SCENARIOS, Scenario } from './bench/scenarios';
import { startBenchService, BenchService } from './bench/service';
import { httpStatuses, ms, summarize, table } from './bench/stats';
import { geocoderTable, THROUGHPUT_TITLE, throughputTable } from './bench/throughput';
import { buildUnbundled } from './bench/unbundled';
import { emulatorScale } from './bench/emulator-scale';
import { inboundRate } from './bench/inbound-rate';
import { userHistory } from './bench/user-history';
import { billingBench } from './bench/billing';
import { adminUsage } from './bench/admin-usage';
import { smsRouterBench } from './bench/sms-router';
import { deployRehearsal } from './bench/deploy-rehearsal';
import type { RequestLogEntry } from '../emulator';

const ROOT = join(__dirname, '..');
const RUNS = 7;
const LATENCY_REQUESTS = 100;
/** Past this, remaining latency scenarios are skipped so the whole run stays near two minutes. */
const BUDGET_MS = 105_000;
/** Past this, remaining cold-start measurements are skipped (there is one bundle per function). */
const COLD_BUDGET_MS = 70_000;
/**
 * Cold starts are measured on a private copy of dist/functions, so a concurrent `npm run build` (which
 * empties dist) cannot pull files away mid-measurement. It sits under node_modules so `twilio` resolves
 * exactly as it does from dist.
 */
const SNAPSHOT = join(ROOT, 'node_modules', '.cache', `bench-${process.pid}`);
const started = Date.now();
process.on('exit', () => rmSync(SNAPSHOT, { recursive: true, force: true }));
process.on('SIGINT', () => process.exit(130));
const skipped: string[] = [];

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function section(title: string): void {
  console.log(`\n== ${title} ==`);
}

const median = (xs: readonly InitSample[]): number => summarize(xs.map((x) => x.ms)).p50;

function initRow(label: string, samples: readonly InitSample[], twilioMedian: number, kib?: number): string[] {
  const s = summarize(samples.map((x) => x.ms));
  const loaded = samples.filter((x) => x.twilioLoaded).length;
  return [
    label,
    kib === undefined ? '-' : kib.toFixed(1),
    ms(s.p50, 2),
    ms(s.p90, 2),
    String(samples[0]?.modules ?? '-'),
    loaded === 0 ? 'no' : loaded === samples.length ? 'YES' : `${loaded}/${samples.length}`,
    twilioMedian > 0 ? `${(s.p50 / twilioMedian).toFixed(3)}x` : '-',
  ];
}

const INIT_HEADERS = ['module', 'KiB', 'init p50 ms', 'init p90 ms', 'modules', 'twilio in cache', 'p50 / twilio p50'];

function coldStart(): { twilio: number; bundles: Map<string, number> } {
  section(`Cold start: require(<bundle>) alone, each run a fresh node process, N=${RUNS}`);
  const twilio = measureRequire('twilio', RUNS, { cwd: ROOT });
  const twilioMedian = median(twilio);
  const bundles = walk(join(SNAPSHOT, 'functions')).filter((f) => f.endsWith('.js'));
  const results = new Map<string, number>();
  const rows: string[][] = [initRow("require('twilio')", twilio, twilioMedian)];
  for (const file of bundles) {
    const name = relative(SNAPSHOT, file).split(sep).join('/');
    if (Date.now() - started > COLD_BUDGET_MS) {
      skipped.push(`cold start of ${name}: time budget of ${COLD_BUDGET_MS / 1000} s spent`);
      continue;
    }
    let samples: InitSample[];
    try {
      samples = measureRequire(file, RUNS, { cwd: ROOT });
    } catch (err) {
      skipped.push(`cold start of ${name}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      continue;
    }
    results.set(name, median(samples));
    rows.push(initRow(name, samples, twilioMedian, statSync(file).size / 1024));
  }
  console.log(table(INIT_HEADERS, rows, ['l', 'r', 'r', 'r', 'r', 'l', 'r']));
  const leaking = rows.slice(1).filter((r) => r[5] !== 'no');
  console.log(
    leaking.length === 0
      ? `twilio loaded by bundle init: no (require.cache holds no node_modules/twilio/ file after requiring any bundle)`
      : `twilio loaded by bundle init: YES for ${leaking.map((r) => r[0]).join(', ')}`,
  );
  return { twilio: twilioMedian, bundles: results };
}

async function coldStartUnbundled(twilioMedian: number): Promise<void> {
  section(`Cold start, alternative layout approximated: every src file its own CJS module, N=${RUNS}`);
  let alt: Awaited<ReturnType<typeof buildUnbundled>>;
  try {
    alt = await buildUnbundled(join(ROOT, 'src'));
  } catch (err) {
    skipped.push(`unbundled comparison: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    return;
  }
  try {
    const rows: string[][] = [];
    for (const file of alt.functions) {
      const name = relative(alt.dir, file).split(sep).join('/');
      if (Date.now() - started > COLD_BUDGET_MS) {
        skipped.push(`unbundled ${name}: time budget of ${COLD_BUDGET_MS / 1000} s spent`);
        continue;
      }
      try {
        const samples = measureRequire(file, RUNS, { cwd: ROOT, nodePath: join(ROOT, 'node_modules') });
        rows.push(initRow(name, samples, twilioMedian));
      } catch (err) {
        skipped.push(`unbundled ${name}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      }
    }
    console.log(table(INIT_HEADERS, rows, ['l', 'r', 'r', 'r', 'r', 'l', 'r']));
    console.log('(per-file transpile with dependencies from node_modules; not a real *.private / Runtime.getFunctions() deploy)');
  } finally {
    alt.remove();
  }
}

/** Why a scenario cannot run against this build, if it cannot. */
function missing(s: Scenario, routes: Set<string>): string | undefined {
  const needs = s.needs ?? (s.target === 'emulator' ? [] : [s.path]);
  const absent = needs.filter((r) => !routes.has(r));
  return absent.length ? `no function in dist for ${absent.join(', ')}` : undefined;
}

const restOf = (log: readonly RequestLogEntry[]): RequestLogEntry[] => log.filter((e) => e.kind === 'rest');
const webhooksOf = (log: readonly RequestLogEntry[]): RequestLogEntry[] => log.filter((e) => e.kind === 'webhook');
const describeRest = (e: RequestLogEntry): string =>
  `${e.method} ${e.host.replace('.twilio.com', '')}${e.path.replace(/AC[0-9a-f]{32}/, '{AC}')} ${e.status}`;

interface Counted {
  status: number;
  rest: RequestLogEntry[];
  webhooks: RequestLogEntry[];
}

/**
 * Waits until the emulator has been quiet for `quietMs` (calls placed by an earlier request keep posting
 * status callbacks for a while), so the next count holds only the measured request's own round trips.
 */
async function settle(svc: BenchService, quietMs = 300, maxMs = 15000): Promise<void> {
  const end = Date.now() + maxMs;
  let seen = (await svc.log()).length;
  let quietSince = Date.now();
  while (Date.now() < end && Date.now() - quietSince < quietMs) {
    await new Promise((r) => setTimeout(r, 50));
    const now = (await svc.log()).length;
    if (now !== seen) {
      seen = now;
      quietSince = Date.now();
    }
  }
}

async function counted(svc: BenchService, s: Scenario, i: number, token?: string): Promise<Counted> {
  await settle(svc);
  await svc.clearLog();
  const { status } = await svc.call(s, i, token);
  const log = await svc.log();
  return { status, rest: restOf(log), webhooks: webhooksOf(log) };
}

async function roundTrips(svc: BenchService, runnable: Scenario[]): Promise<Scenario[]> {
  section('Twilio REST round trips per request (emulator request log)');
  const rows: string[][] = [];
  const details: string[] = [];
  const ok: Scenario[] = [];
  for (const s of runnable) {
    const flex = s.auth === 'flex';
    // First call in this process (warms the function module, the SDK client and, for Flex, the token cache).
    const first = await counted(svc, s, 0, flex ? await svc.flexToken() : undefined);
    if (first.status === 404) {
      skipped.push(`${s.name}: ${s.method} ${s.path} answers 404`);
      continue;
    }
    const notEmulated = first.rest.find((e) => e.status === 404);
    if (notEmulated && first.status >= 500) {
      skipped.push(`${s.name}: the emulator answered 404 to ${describeRest(notEmulated)} (not emulated yet)`);
      continue;
    }
    // Fresh token on a warm function: exactly what IAM validation adds.
    const token = flex ? await svc.flexToken() : undefined;
    const cold = flex ? await counted(svc, s, 1, token) : undefined;
    const warm = await counted(svc, s, 2, token);
    ok.push(s);
    rows.push([
      s.name,
      s.method,
      s.target === 'emulator' ? `(emulator) ${s.path}` : s.path,
      String(warm.status),
      String(first.rest.length),
      cold ? String(cold.rest.length) : 'n/a',
      String(warm.rest.length),
      String(warm.webhooks.length),
    ]);
    const firstExtra = first.rest.filter((e) => !(cold ?? warm).rest.some((w) => describeRest(w) === describeRest(e)));
    const coldExtra = cold ? cold.rest.filter((e) => !warm.rest.some((w) => describeRest(w) === describeRest(e))) : [];
    details.push(
      `${s.name}: warm [${warm.rest.map(describeRest).join('; ') || 'none'}]` +
        (coldExtra.length ? `; cold token adds [${coldExtra.map(describeRest).join('; ')}]` : '') +
        (firstExtra.length ? `; 1st call adds [${firstExtra.map(describeRest).join('; ')}]` : '') +
        (warm.webhooks.length ? `; webhooks [${warm.webhooks.map((w) => `${w.method} ${w.path} ${w.status}`).join('; ')}]` : ''),
    );
  }
  console.log(
    table(['endpoint', 'method', 'path', 'HTTP', 'REST 1st call', 'REST cold token', 'REST warm', 'webhooks'], rows, [
      'l',
      'l',
      'l',
      'r',
      'r',
      'r',
      'r',
      'r',
    ]),
  );
  console.log('1st call: first request in the process with a fresh Flex token; cold token: a fresh token on a warm function');
  console.log('(includes the IAM Tokens/validate call); warm: same token again (validation cached).');
  for (const d of details) console.log(`  ${d}`);
  return ok;
}

async function latency(svc: BenchService, runnable: Scenario[]): Promise<void> {
  section(`Latency: ${LATENCY_REQUESTS} sequential requests per endpoint after warm-up (ms, loopback)`);
  const rows: string[][] = [];
  for (const s of runnable) {
    if (Date.now() - started > BUDGET_MS) {
      skipped.push(`latency of ${s.name}: time budget of ${BUDGET_MS / 1000} s spent`);
      continue;
    }
    const token = s.auth === 'flex' ? await svc.flexToken() : undefined;
    await svc.call(s, 0, token);
    await svc.clearLog();
    const samples: number[] = [];
    const statuses = new Map<number, number>();
    for (let i = 1; i <= LATENCY_REQUESTS; i++) {
      const r = await svc.call(s, i, token);
      samples.push(r.ms);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
    const rest = restOf(await svc.log()).length;
    const sum = summarize(samples);
    rows.push([
      s.name,
      s.method,
      httpStatuses(statuses),
      String(sum.n),
      ms(sum.p50, 2),
      ms(sum.p95, 2),
      ms(sum.p99, 2),
      ms(sum.max, 2),
      (rest / LATENCY_REQUESTS).toFixed(2),
    ]);
  }
  console.log(
    table(['endpoint', 'method', 'HTTP', 'n', 'p50', 'p95', 'p99', 'max', 'REST/req'], rows, [
      'l',
      'l',
      'r',
      'r',
      'r',
      'r',
      'r',
      'r',
      'r',
    ]),
  );
}

/**
 * Build, copy the bundles aside for the cold-start runs and load every bundle into this process's
 * require cache (the local server requires from there, so a concurrent rebuild of dist cannot break
 * the round-trip and latency runs either). Retried if another build empties dist meanwhile.
 */
async function buildAndPin(): Promise<{ functions: number; ms: number; routes: Set<string> }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const built = await buildAll();
      rmSync(SNAPSHOT, { recursive: true, force: true });
      mkdirSync(SNAPSHOT, { recursive: true });
      cpSync(join(DIST, 'functions'), join(SNAPSHOT, 'functions'), { recursive: true });
      const functions = routesFrom().functions;
      for (const f of functions) require(f.filePath);
      return { ...built, routes: new Set(functions.map((r) => r.path)) };
    } catch (err) {
      if (attempt >= 3) throw err;
      console.log(`build: dist changed under us (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); again`);
    }
  }
}

async function main(): Promise<void> {
  const cpu = cpus();
  console.log(
    `bench: ${osType()} ${arch()}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown cpu'}), node ${process.version}, ${new Date().toISOString()}`,
  );
  const built = await buildAndPin();
  console.log(`build: ${built.functions} functions bundled into dist/functions in ${built.ms} ms`);
  const routes = built.routes;

  try {
    const cold = coldStart();
    await coldStartUnbundled(cold.twilio);
  } finally {
    rmSync(SNAPSHOT, { recursive: true, force: true });
  }

  const runnable: Scenario[] = [];
  for (const s of SCENARIOS) {
    const why = missing(s, routes);
    if (why) skipped.push(`${s.name}: ${why}`);
    else runnable.push(s);
  }
  const svc = await startBenchService();
  try {
    console.log(`\nservice: functions ${svc.functionsUrl}, emulator ${svc.emulatorUrl} (stepMs 20)`);
    const ok = await roundTrips(svc, runnable);
    section(THROUGHPUT_TITLE);
    console.log(await throughputTable(svc, ok));
    console.log(`\n${await geocoderTable()}`);
    await latency(svc, ok);
    await inboundRate(svc, section);
  } finally {
    await svc.close();
  }
  await emulatorScale(section);
  await userHistory(section);
  await billingBench(section);
  await adminUsage(section);
  await smsRouterBench(section);
  await deployRehearsal(section);
  console.log('');
  for (const s of skipped) console.log(`skipped: ${s}`);
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
