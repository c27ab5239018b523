/**
 * The one way into TaskRouter's state: every module reads and writes it through `taskRouterState` (via
 * the context's `state()`), so how the records are stored can change here alone.
 */
import type { Emulator } from '../../core/emulator';
import type { Router } from '../../core/router';
import type { TaskRouterState } from './model';
import { sampleState } from './sample';

/** Where the REST API lives on the emulator's router. */
export const PREFIX = '/taskrouter/v1/Workspaces';

const SLICE = 'taskrouter';

/** TaskRouter's state slice; a fresh (or reset) emulator starts from the sample data. */
export function taskRouterState(emu: Emulator): TaskRouterState {
  return emu.state.slice<TaskRouterState>(SLICE, () => sampleState());
}

/** What the resource modules share. */
export interface TaskRouterContext {
  readonly account: string;
  readonly router: Router;
  state(): TaskRouterState;
  /** Marks the state dirty (persisted shortly after). */
  changed(): void;
}

export function createContext(emu: Emulator): TaskRouterContext {
  return {
    account: emu.accountSid,
    router: emu.router,
    state: () => taskRouterState(emu),
    changed: () => emu.state.changed(),
  };
}
