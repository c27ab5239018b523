import { Emulator, EmulatorOptions } from './core/emulator';
import { registerProducts } from './products';

export { Emulator, DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from './core/emulator';
export type { EmulatorOptions, Exchange, RequestLogEntry } from './core/emulator';

/** Builds the emulator with every product and starts listening. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emu = new Emulator(options);
  registerProducts(emu);
  await emu.listen();
  return emu;
}
