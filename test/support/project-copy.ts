/**
 * A copy of the project for tests of `npm run deploy` as ops run it: the sources, the typed client the
 * console bundles, the settings, and this install's node_modules, built in the copy so the build the script
 * checks and rebuilds is not the one other test files serve. Removed after the file's tests.
 */
import { execFile } from 'child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildAll } from '../../scripts/build';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const DEPLOY = join(ROOT, 'scripts', 'deploy.ts');

export interface ScriptRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** The copy's folder, once `beforeAll` has made and built it. */
export function useProjectCopy(): () => string {
  let project: string | undefined;
  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), 'project-'));
    for (const f of ['src', 'client', 'package.json', 'tsconfig.json', '.twilioserverlessrc'])
      cpSync(join(ROOT, f), join(project, f), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
    await buildAll(project);
  }, 60_000);
  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });
  return () => {
    if (!project) throw new Error('project copy not made');
    return project;
  };
}

/** `npm run deploy -- <args>` in `project`, as its own process. */
export function runDeploy(project: string, args: readonly string[]): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(TSX, [DEPLOY, ...args], { cwd: project, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err && typeof err.code === 'number' ? err.code : err ? 1 : 0;
      resolve({ status: code, stdout, stderr });
    });
  });
}
