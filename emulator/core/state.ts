/**
 * The emulator's whole state: one JSON document of named slices, each owned by one product module.
 * Persisted to `<dir>/state.json` with write-then-rename, shortly after every change and synchronously
 * on close, so a clean stop never loses an acknowledged write.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'fs';
import { join } from 'path';

export class EmulatorState {
  private slices: Record<string, unknown> = {};
  private timer: NodeJS.Timeout | undefined;
  private readonly file: string | undefined;

  constructor(
    dir: string | undefined,
    private readonly flushDelayMs = 20,
  ) {
    if (dir) {
      mkdirSync(dir, { recursive: true });
      this.file = join(dir, 'state.json');
      if (existsSync(this.file)) this.slices = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, unknown>;
    }
  }

  /** The named slice, created by `init` the first time (or after a reset). */
  slice<T extends object>(name: string, init: () => T): T {
    if (!(name in this.slices)) {
      this.slices[name] = init();
      this.changed();
    }
    return this.slices[name] as T;
  }

  /** Marks the state dirty; it reaches disk within `flushDelayMs`. */
  changed(): void {
    if (!this.file || this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.flushDelayMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.file) return;
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.slices));
    renameSync(tmp, this.file);
  }

  reset(): void {
    this.slices = {};
    this.changed();
  }
}
