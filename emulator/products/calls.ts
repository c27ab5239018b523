import type { Emulator } from '../core/emulator';
import type { NumbersApi } from './numbers';

/** Calls, Recordings and the TwiML engine: being built (issue 3). */
export function registerCalls(_emu: Emulator, _deps: { numbers: NumbersApi }): void {}
