import type { Emulator } from '../core/emulator';

export function registerTaskRouter(_emu: Emulator): void {}
