import type { Emulator } from '../core/emulator';

export function registerLookups(_emu: Emulator): void {}
