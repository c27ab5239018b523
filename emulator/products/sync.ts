/**
 * Sync (https://sync.twilio.com/v1): Services, Documents, Maps with Map Items, Lists with List Items, as
 * Twilio documents them (twilio_sync_v1.json). The alias `default` names the account's default service
 * wherever a ServiceSid goes, as Twilio Functions use it. Also emulated: revisions with If-Match (412),
 * the 16 KiB Data limit, TTLs (expired objects and items are gone), and Twilio's per-object read and
 * write rate limits (./sync/rate-limit.ts).
 * The error codes chosen, with their sources, are listed in ./sync/params.ts.
 */
import type { Emulator } from '../core/emulator';
import { createContext } from './sync/context';
import { registerDocuments } from './sync/documents';
import { registerLists } from './sync/lists';
import { registerMaps } from './sync/maps';
import { SYNC_OBJECT_LIMIT } from './sync/rate-limit';
import { registerServices } from './sync/services';

export function registerSync(emu: Emulator): void {
  const ctx = createContext(emu, SYNC_OBJECT_LIMIT);
  registerServices(ctx);
  registerDocuments(ctx);
  registerMaps(ctx);
  registerLists(ctx);
}
