import { buildAll } from '../../scripts/build';

/** Integration tests serve the compiled functions, exactly what deploys: build them once per run. */
export default async function globalSetup(): Promise<void> {
  await buildAll();
}
