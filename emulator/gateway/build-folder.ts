/**
 * A deployed build on disk, laid out as `npm run build` lays out dist/ (functions/<path>[.protected|.private].js,
 * assets/<path> with the same suffixes), so the Serverless Toolkit's runtime serves it as it serves dist/.
 * One folder per build sid, written once: a redeploy is a new build, so a new folder.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import type { DeployedEnvironment, Visibility } from './deployed-build';

/**
 * A route the gateway can serve and write: absolute, no empty, `.` or `..` segment, no backslash or NUL.
 * Anything else could escape the build's folder; such a route is simply not served (404).
 */
export function isServableRoute(path: string): boolean {
  if (!path.startsWith('/') || /[\\\0]/.test(path)) return false;
  return path
    .slice(1)
    .split('/')
    .every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** `/api/x` protected -> api/x.protected.js; `/img/a.png` private -> img/a.private.png (what routesFrom reads back). */
function fileFor(path: string, visibility: Visibility, isFunction: boolean): string {
  const suffix = visibility === 'public' ? '' : `.${visibility}`;
  if (isFunction) return `${path.slice(1)}${suffix}.js`;
  const ext = /(\.[^/.]+)$/.exec(path)?.[1] ?? '';
  return `${path.slice(1, path.length - ext.length)}${suffix}${ext}`;
}

const COMPLETE = '.complete';

/** The folder holding `env`'s build under `root`, written on first use. */
export function buildFolder(root: string, env: DeployedEnvironment): string {
  if (!/^[A-Za-z0-9]+$/.test(env.buildSid)) throw new Error('a build sid is letters and digits only');
  const dir = join(root, env.buildSid);
  if (existsSync(join(dir, COMPLETE))) return dir;
  // Written aside and renamed whole: a runtime never sees half a build.
  const next = `${dir}.next-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  const write = (file: string, content: string | Buffer): void => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  };
  for (const fn of env.functions.filter((f) => isServableRoute(f.path))) {
    write(join(next, 'functions', fileFor(fn.path, fn.visibility, true)), fn.content);
  }
  for (const asset of env.assets.filter((a) => isServableRoute(a.path))) {
    write(join(next, 'assets', fileFor(asset.path, asset.visibility, false)), asset.content);
  }
  mkdirSync(join(next, 'functions'), { recursive: true });
  writeFileSync(join(next, COMPLETE), '');
  rmSync(dir, { recursive: true, force: true });
  renameSync(next, dir);
  return dir;
}
