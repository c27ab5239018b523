/**
 * The one way into TaskRouter's state: its tables (./tables.ts) and the creation-order counter, which
 * every resource module reaches through the context and IAM through `taskRouterTables`.
 */
import type { Emulator } from '../../core/emulator';
import type { Router } from '../../core/router';
import { registerTables, TaskRouterTables } from './tables';

/** Where the REST API lives on the emulator's router. */
export const PREFIX = '/taskrouter/v1/Workspaces';

const SEQUENCE = 'taskrouter-sequence';

/** The next creation order; a small slice (after a reset it starts again, from the sample's seed). */
function nextSeq(emu: Emulator): number {
  const counter = emu.state.slice(SEQUENCE, () => ({ seq: 0 }));
  counter.seq += 1;
  emu.state.changed(SEQUENCE);
  return counter.seq;
}

const registered = new WeakMap<Emulator, TaskRouterTables>();

/** TaskRouter's tables, registered on first use (when the product registers). */
export function taskRouterTables(emu: Emulator): TaskRouterTables {
  let tables = registered.get(emu);
  if (!tables) {
    tables = registerTables(emu, () => nextSeq(emu));
    registered.set(emu, tables);
  }
  return tables;
}

/** What the resource modules share. */
export interface TaskRouterContext {
  readonly account: string;
  readonly router: Router;
  readonly tables: TaskRouterTables;
  /** The creation order of a new record (lists keep records created within one millisecond in order). */
  nextSeq(): number;
}

export function createContext(emu: Emulator): TaskRouterContext {
  return {
    account: emu.accountSid,
    router: emu.router,
    tables: taskRouterTables(emu),
    nextSeq: () => nextSeq(emu),
  };
}
