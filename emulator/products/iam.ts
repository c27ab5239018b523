import type { Emulator } from '../core/emulator';

export function registerIam(_emu: Emulator): void {}
