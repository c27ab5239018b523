/**
 * Sync Maps and Map Items: /v1/Services/{ServiceSid}/Maps[/{Sid}] and .../Maps/{MapSid}/Items[/{Key}].
 * The routes are those of every collection (./collection.ts); a Map's items are addressed by the Key the
 * client chooses, and creating one under a Key that is taken is a 409.
 */
import { first } from '../../core/wire';
import { registerCollection } from './collection';
import { SyncContext } from './context';
import { itemSlot, MapItemRecord, MapRecord, mapUrl, wireMap, wireMapItem } from './model';
import { parseMapKey, syncError } from './params';

export function registerMaps(ctx: SyncContext): void {
  registerCollection<MapItemRecord, MapRecord>(ctx, {
    kind: 'Map',
    itemParam: 'Key',
    sidPrefix: 'MP',
    codes: { notFound: 54200, itemNotFound: 54201, revisionMismatch: 54205, invalidData: 54206 },
    records: (state) => state.maps,
    create: (base) => base,
    url: mapUrl,
    wire: wireMap,
    wireItem: wireMapItem,
    address: (key) => ({ slot: itemSlot(key), name: key }),
    slotOf: (i) => itemSlot(i.key),
    newItem: (m, form, readItem) => {
      const key = parseMapKey(first(form, 'Key'));
      const fields = readItem();
      if (Object.hasOwn(m.items, itemSlot(key)))
        throw syncError(409, 54208, `A Map Item with key ${key} already exists in the Map.`);
      return { key, ...fields };
    },
    position: (i) => i.key,
    parseFrom: (raw) => raw,
  });
}
