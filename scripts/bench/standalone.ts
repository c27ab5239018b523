/**
 * How a bench module runs on its own (`npx tsx scripts/bench/<module>.ts`): build, run its sections with
 * plain headings, exit 0, or print the error and exit 1.
 */
import { buildAll } from '../build';

export function runStandalone(bench: (section: (title: string) => void) => Promise<unknown>): void {
  buildAll()
    .then(() => bench((title) => console.log(`\n== ${title} ==`)))
    .then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
}
