/**
 * The console's browser bundle: src/console/main.ts (which imports its stylesheet), the typed client and the
 * chart library it uses, bundled into one script and one stylesheet under the assets, so the page loads nothing from elsewhere.
 */
import { build } from 'esbuild';
import { join } from 'path';

export const CONSOLE_ENTRY = join('src', 'console', 'main.ts');
/** Where the bundle lands in dist: served at /console/app.js and /console/app.css. */
export const CONSOLE_ASSETS = join('assets', 'console');
/** Bundled into the browser script: their versions are inputs of the build. */
export const CONSOLE_LIBRARIES = ['chart.js', 'openapi-fetch'];
/** Code outside src/ bundled into the browser script (the typed client it calls the service with): inputs too. */
export const CONSOLE_SOURCES = [join('client', 'src', 'index.ts')];

export async function buildConsole(root: string, dist: string): Promise<void> {
  await build({
    entryPoints: { app: join(root, CONSOLE_ENTRY) },
    outdir: join(dist, CONSOLE_ASSETS),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
  });
}
