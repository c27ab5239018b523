/**
 * Sync Maps and Map Items: /v1/Services/{ServiceSid}/Maps[/{Sid}] and .../Maps/{MapSid}/Items[/{Key}].
 * The routes are those of every collection (./collection.ts); a Map's items are addressed by the Key the
 * client chooses, and creating one under a Key that is taken is a 409.
 */
import { first } from '../../core/wire';
import { registerCollection } from './collection';
import type { SyncContext } from './context';
import { MapItemRecord, MapRecord, mapUrl, wireMap, wireMapItem } from './model';
import { itemKey } from './context';
import { parseMapKey, syncError } from './params';

export function registerMaps(ctx: SyncContext): void {
  registerCollection<MapItemRecord, MapRecord>(ctx, {
    kind: 'Map',
    itemParam: 'Key',
    sidPrefix: 'MP',
    codes: { notFound: 54200, itemNotFound: 54201, revisionMismatch: 54205, invalidData: 54206 },
    objects: (t) => t.maps,
    items: (t) => t.mapItems,
    create: (base) => base,
    url: mapUrl,
    wire: wireMap,
    wireItem: wireMapItem,
    address: (key) => ({ slot: key, name: key }),
    slotOf: (i) => i.key,
    newItem: (m, form, readItem) => {
      const key = parseMapKey(first(form, 'Key'));
      const fields = readItem();
      if (ctx.tables.mapItems.has(itemKey(m.sid, key)))
        throw syncError(409, 54208, `A Map Item with key ${key} already exists in the Map.`);
      return { key, ...fields };
    },
    parseFrom: (raw) => raw,
  });
}
