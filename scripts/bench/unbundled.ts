/**
 * The alternative layout, approximated for the cold-start comparison: every src file transpiled on its
 * own to CommonJS (what tsc would emit), so a function requires its shared modules and dependencies file
 * by file at initialisation, as `*.private` modules loaded through Runtime.getFunctions() would. It is
 * not the real Twilio layout (no Runtime.getFunctions() path map, no deployed node_modules), only the
 * same amount of module loading.
 */
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export interface UnbundledBuild {
  /** Root of the transpiled tree; functions are under `<dir>/functions`. */
  dir: string;
  functions: string[];
  remove(): void;
}

export async function buildUnbundled(srcDir: string): Promise<UnbundledBuild> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-unbundled-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    const entries = walk(srcDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    await build({
      entryPoints: entries,
      outbase: srcDir,
      outdir: dir,
      bundle: false,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: false,
      logLevel: 'warning',
    });
    const functions = walk(join(dir, 'functions')).filter((f) => f.endsWith('.js'));
    return { dir, functions, remove };
  } catch (err) {
    remove();
    throw err;
  }
}
