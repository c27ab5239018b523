/**
 * Every emulated product, registered in dependency order. A product registers its routes on the
 * emulator's router and returns the API other products use (numbers -> messages -> calls ...).
 */
import type { Emulator } from '../core/emulator';
import type { DeployedEnvironments } from '../gateway/deployed-build';
import { registerUsageRecords } from './usage/records';
import { registerAccounts } from './accounts';
import { registerApplications } from './applications';
import { registerNumbers } from './numbers';
import { registerMedia } from './media';
import { registerMessages } from './messages';
import { registerInboundSms } from './messaging/inbound';
import { registerOptOuts } from './messaging/opt-outs';
import { registerCalls } from './calls';
import { registerDevices } from './devices';
import { registerSync } from './sync';
import { registerTaskRouter } from './taskrouter';
import { registerLookups } from './lookups';
import { registerPricing } from './pricing-numbers';
import { registerIam } from './iam';
import { registerKeys } from './keys';
import { registerVerify } from './verify';
import { registerServerless } from './serverless';
import { registerGateway } from '../gateway/gateway';

/** What products hand to parts of the emulator outside them (the gateway serves what was deployed). */
export interface RegisteredProducts {
  deployments: DeployedEnvironments;
}

export function registerProducts(emu: Emulator): RegisteredProducts {
  registerAccounts(emu);
  const applications = registerApplications(emu);
  const numbers = registerNumbers(emu, { applications });
  const media = registerMedia(emu);
  const optOuts = registerOptOuts(emu);
  const messages = registerMessages(emu, { numbers, media, optOuts });
  registerInboundSms(emu, { numbers, media, messages, optOuts });
  registerVerify(emu, { messages });
  const calls = registerCalls(emu, { numbers });
  registerSync(emu);
  registerUsageRecords(emu, { held: () => numbers.all() });
  registerTaskRouter(emu);
  registerLookups(emu);
  registerPricing(emu);
  registerIam(emu);
  const keys = registerKeys(emu);
  registerDevices(emu, { keys, applications, calls });
  const deployments = registerServerless(emu);
  // What a deploy made is served at its environment's domain, as Twilio's Functions gateway serves it.
  registerGateway(emu, { deployments });
  return { deployments };
}
