/**
 * Sync Lists and List Items: /v1/Services/{ServiceSid}/Lists[/{Sid}] and .../Lists/{ListSid}/Items[/{Index}].
 * The routes are those of every collection (./collection.ts); a List's items are addressed by an Index that
 * counts up from 0 and is never reused, so deletions leave gaps, as Twilio documents.
 */
import { registerCollection } from './collection';
import { SyncContext } from './context';
import { ListItemRecord, ListRecord, listUrl, wireList, wireListItem } from './model';
import { parseListIndex } from './params';

export function registerLists(ctx: SyncContext): void {
  registerCollection<ListItemRecord, ListRecord>(ctx, {
    kind: 'List',
    itemParam: 'Index',
    sidPrefix: 'ES',
    codes: { notFound: 54150, itemNotFound: 54151, revisionMismatch: 54155, invalidData: 54156 },
    objects: (t) => t.lists,
    items: (t) => t.listItems,
    create: (base) => ({ ...base, next_index: 0 }),
    url: listUrl,
    wire: wireList,
    wireItem: wireListItem,
    address: (raw) => {
      const index = parseListIndex(raw);
      return { slot: index, name: String(index) };
    },
    slotOf: (i) => i.index,
    newItem: (l, _form, readItem) => {
      const fields = readItem();
      return { index: l.next_index++, ...fields };
    },
    parseFrom: parseListIndex,
  });
}
