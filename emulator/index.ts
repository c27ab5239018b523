import { Emulator, EmulatorOptions } from './core/emulator';
import { registerProducts, RegisteredProducts } from './products';

export { Emulator, DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from './core/emulator';
export type { EmulatorOptions, Exchange, RequestLogEntry } from './core/emulator';
export type { RegisteredProducts } from './products';

/** Builds the emulator with every product and starts listening; `products` is what they offer the rest of it. */
export async function startEmulatorWithProducts(
  options: EmulatorOptions = {},
): Promise<{ emu: Emulator; products: RegisteredProducts }> {
  const emu = new Emulator(options);
  const products = registerProducts(emu);
  await emu.listen();
  return { emu, products };
}

/** Builds the emulator with every product and starts listening. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return (await startEmulatorWithProducts(options)).emu;
}
