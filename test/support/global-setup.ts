import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildAll } from '../../scripts/build';

/**
 * Integration tests serve the compiled functions, exactly what deploys: build them once per run. Every
 * temporary folder of the run (emulator state, deployed builds, project copies) goes under one folder of its
 * own, which global-teardown.ts removes, so test runs leave nothing behind in the system's temp folder.
 */
export default async function globalSetup(): Promise<void> {
  const runDir = mkdtempSync(join(tmpdir(), 'flex-contact-centre-tests-'));
  process.env.FLEX_TEST_RUN_DIR = runDir;
  // Read by os.tmpdir() in the workers (they inherit this environment) and in the processes they start.
  process.env.TMPDIR = runDir;
  await buildAll();
}
