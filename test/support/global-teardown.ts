import { rmSync } from 'fs';

/** Removes the run's temporary folder (see global-setup.ts). */
export default function globalTeardown(): void {
  const runDir = process.env.FLEX_TEST_RUN_DIR;
  if (runDir) rmSync(runDir, { recursive: true, force: true });
}
