/**
 * Every emulated product, registered in dependency order. A product registers its routes on the
 * emulator's router and returns the API other products use (numbers -> messages -> calls ...).
 */
import type { Emulator } from '../core/emulator';
import { registerUsageRecords } from './usage/records';
import { registerAccounts } from './accounts';
import { registerApplications } from './applications';
import { registerNumbers } from './numbers';
import { registerMedia } from './media';
import { registerMessages } from './messages';
import { registerCalls } from './calls';
import { registerDevices } from './devices';
import { registerSync } from './sync';
import { registerTaskRouter } from './taskrouter';
import { registerLookups } from './lookups';
import { registerIam } from './iam';
import { registerKeys } from './keys';

export function registerProducts(emu: Emulator): void {
  registerAccounts(emu);
  const applications = registerApplications(emu);
  const numbers = registerNumbers(emu, { applications });
  const media = registerMedia(emu);
  registerMessages(emu, { numbers, media });
  const calls = registerCalls(emu, { numbers });
  registerSync(emu);
  registerUsageRecords(emu, { held: () => numbers.all() });
  registerTaskRouter(emu);
  registerLookups(emu);
  registerIam(emu);
  const keys = registerKeys(emu);
  registerDevices(emu, { keys, applications, calls });
}
