/**
 * Sync (https://sync.twilio.com/v1): Services, Documents, Maps with Map Items, Lists with List Items, as
 * Twilio documents them (twilio_sync_v1.json). The alias `default` names the account's default service
 * wherever a ServiceSid goes, as Twilio Functions use it. Also emulated: revisions with If-Match (412),
 * the 16 KiB Data limit, TTLs (expired objects and items are gone), and Twilio's per-object rate limit.
 * The error codes chosen, with their sources, are listed in ./sync/params.ts.
 */
import type { Emulator } from '../core/emulator';
import { createContext } from './sync/context';
import { registerDocuments } from './sync/documents';
import { registerLists } from './sync/lists';
import { registerMaps } from './sync/maps';
import { registerServices } from './sync/services';

/**
 * Reads plus writes a second that one Sync object admits (a Map or List counts together with its items)
 * before answering 429 / 54009, per https://www.twilio.com/docs/sync/limits. Twilio also allows a
 * ten-second burst above it; the emulator does not, so clients meet the limit deterministically.
 */
export const SYNC_OBJECT_RATE_LIMIT = 20;

export function registerSync(emu: Emulator): void {
  const ctx = createContext(emu, SYNC_OBJECT_RATE_LIMIT);
  registerServices(ctx);
  registerDocuments(ctx);
  registerMaps(ctx);
  registerLists(ctx);
}
