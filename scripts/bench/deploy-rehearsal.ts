/**
 * The deploy rehearsal and the build it serves: how long the Serverless Toolkit's own deploy of this build to
 * the emulator takes (first deploy, then redeploys of an unchanged build), the first request after a deploy (the
 * environment's runtime starting), and warm latency through the emulator's Functions gateway against the local
 * server, for the same requests against the same emulator. Also what the API description costs each build.
 * Run alone with `npx tsx scripts/bench/deploy-rehearsal.ts`.
 */
import { mkdtempSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startEmulator } from '../../emulator';
import { DOMAIN_PREFIX } from '../../emulator/core/emulator';
import { deployBuildToEmulator } from '../emulator-deploy-client';
import { declarationsFromSources, declarationsInBundles } from '../openapi';
import { DIST, startFunctions } from '../local-server';
import { BENCH_ENV } from './service';
import { ms, summarize, table } from './stats';
import { runStandalone } from './standalone';

const ROOT = join(__dirname, '..', '..');
const REDEPLOYS = 3;
const REQUESTS = 100;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { value, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

async function get(url: string): Promise<{ status: number; ms: number }> {
  const { value, ms: took } = await timed(async () => {
    const res = await fetch(url);
    await res.arrayBuffer();
    return res.status;
  });
  return { status: value, ms: took };
}

async function latencies(url: string): Promise<{ samples: number[]; statuses: Set<number> }> {
  await get(url);
  const samples: number[] = [];
  const statuses = new Set<number>();
  for (let i = 0; i < REQUESTS; i++) {
    const r = await get(url);
    samples.push(r.ms);
    statuses.add(r.status);
  }
  return { samples, statuses };
}

export async function deployRehearsal(section: (title: string) => void): Promise<void> {
  section('API description: made with each build');
  const fromSources = await timed(() => declarationsFromSources(DIST, ROOT));
  const fromBundles = await timed(async () => declarationsInBundles(DIST));
  const size = statSync(join(DIST, 'assets', 'openapi.json')).size;
  console.log(
    table(
      ['how the specs are read', 'functions', 'ms'],
      [
        ['one bundle of the sources (the build)', fromSources.value.length, ms(fromSources.ms, 0)],
        ['each deployed bundle (the test)', fromBundles.value.length, ms(fromBundles.ms, 0)],
      ],
    ),
  );
  console.log(`openapi.json: ${(size / 1024).toFixed(0)} KB`);

  const stateDir = mkdtempSync(join(tmpdir(), 'bench-deploy-'));
  const emu = await startEmulator({ port: 0, stateDir });
  const target = { url: emu.baseUrl, accountSid: emu.accountSid, authToken: emu.authToken };
  const env = { ACCOUNT_SID: emu.accountSid, AUTH_TOKEN: emu.authToken, TWILIO_EMULATOR_URL: emu.baseUrl, ...BENCH_ENV };
  const local = await startFunctions({ env });
  try {
    section(`Deploy rehearsal: the toolkit's deploy of this build to the emulator, then ${REDEPLOYS} redeploys`);
    const deploys: { ms: number; domain: string }[] = [];
    for (let i = 0; i <= REDEPLOYS; i++) {
      const d = await timed(() => deployBuildToEmulator(ROOT, target, BENCH_ENV));
      deploys.push({ ms: d.ms, domain: d.value.domain });
    }
    const gateway = `${emu.baseUrl}${DOMAIN_PREFIX}${deploys[0].domain}`;
    const first = await get(`${gateway}/api`);
    console.log(
      table(
        ['step', 'ms'],
        [
          ['first deploy (service, environment, 58 functions, assets, build, deployment)', ms(deploys[0].ms, 0)],
          ...deploys.slice(1).map((d, i) => [`redeploy ${i + 1}`, ms(d.ms, 0)]),
          [`first request after the deploy (runtime starts), status ${first.status}`, ms(first.ms, 0)],
        ],
        ['l', 'r'],
      ),
    );

    section(`Warm latency, ${REQUESTS} sequential GETs each (ms, loopback): Functions gateway vs local server`);
    const rows: (string | number)[][] = [];
    for (const path of ['/api', '/phone/health', '/openapi.json']) {
      for (const [where, base] of [
        ['gateway', gateway],
        ['local server', local.url],
      ] as const) {
        const { samples, statuses } = await latencies(`${base}${path}`);
        const s = summarize(samples);
        rows.push([path, where, [...statuses].join(' '), ms(s.p50, 2), ms(s.p95, 2), ms(s.max, 1)]);
      }
    }
    console.log(table(['path', 'served by', 'status', 'p50', 'p95', 'max'], rows, ['l', 'l', 'r', 'r', 'r', 'r']));
  } finally {
    await local.close();
    await emu.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

if (require.main === module) runStandalone(deployRehearsal);
