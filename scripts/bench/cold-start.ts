/**
 * Cold start: module initialisation timed in fresh node processes, so nothing is cached by a previous
 * require. Each run is `node -e` timing `require(<target>)` alone (process start-up is not counted).
 */
import { spawnSync } from 'child_process';

export interface InitSample {
  /** Time spent in `require(target)`, ms. */
  ms: number;
  /** Whether the `twilio` package is in require.cache afterwards. */
  twilioLoaded: boolean;
  /** Entries in require.cache afterwards (files node had to resolve, read and compile). */
  modules: number;
}

/** The child's program: the target comes in BENCH_TARGET, the answer goes out as one JSON line. */
const CHILD = `
const path = require('path');
const target = process.env.BENCH_TARGET;
const t0 = process.hrtime.bigint();
require(target);
const t1 = process.hrtime.bigint();
const keys = Object.keys(require.cache);
const twilioDir = path.sep + 'node_modules' + path.sep + 'twilio' + path.sep;
process.stdout.write(JSON.stringify({
  ms: Number(t1 - t0) / 1e6,
  twilioLoaded: keys.some((k) => k.includes(twilioDir)),
  modules: keys.length,
}) + '\\n');
process.exit(0);
`;

function isSample(v: unknown): v is InitSample {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o.ms === 'number' && typeof o.twilioLoaded === 'boolean' && typeof o.modules === 'number';
}

/**
 * `runs` fresh processes each requiring `target` (a file path, or a package name resolved from `cwd`).
 * Throws with the child's stderr if a run fails.
 */
export function measureRequire(target: string, runs: number, opts: { cwd: string; nodePath?: string }): InitSample[] {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_TARGET: target };
  // A plain node: no loader hooks inherited from tsx.
  delete env.NODE_OPTIONS;
  if (opts.nodePath) env.NODE_PATH = opts.nodePath;
  else delete env.NODE_PATH;
  const out: InitSample[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['-e', CHILD], { cwd: opts.cwd, env, encoding: 'utf8', timeout: 30_000 });
    if (r.status !== 0) {
      throw new Error(`require(${target}) failed in a child (status ${r.status ?? r.signal}): ${r.stderr.slice(0, 2000)}`);
    }
    const line = r.stdout.trim().split('\n').pop() ?? '';
    const parsed: unknown = JSON.parse(line);
    if (!isSample(parsed)) throw new Error(`unexpected child output for ${target}: ${line}`);
    out.push(parsed);
  }
  return out;
}
