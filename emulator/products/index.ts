/**
 * Every emulated product, registered in dependency order. A product registers its routes on the
 * emulator's router and returns the API other products use (numbers -> messages -> calls ...).
 */
import type { Emulator } from '../core/emulator';
import { registerUsageRecords } from './usage/records';
import { registerAccounts } from './accounts';
import { registerNumbers } from './numbers';
import { registerMedia } from './media';
import { registerMessages } from './messages';
import { registerCalls } from './calls';
import { registerSync } from './sync';
import { registerTaskRouter } from './taskrouter';
import { registerLookups } from './lookups';
import { registerIam } from './iam';

export function registerProducts(emu: Emulator): void {
  registerAccounts(emu);
  const numbers = registerNumbers(emu);
  const media = registerMedia(emu);
  registerMessages(emu, { numbers, media });
  registerCalls(emu, { numbers });
  registerSync(emu);
  registerUsageRecords(emu, { held: () => numbers.all() });
  registerTaskRouter(emu);
  registerLookups(emu);
  registerIam(emu);
}
