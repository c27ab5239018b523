import type { Emulator } from '../core/emulator';

export function registerSync(_emu: Emulator): void {}
