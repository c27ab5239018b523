/**
 * Sync Lists and List Items: /v1/Services/{ServiceSid}/Lists[/{Sid}] and .../Lists/{ListSid}/Items[/{Index}].
 * Item indexes count up from 0 and are never reused, so deletions leave gaps, as Twilio documents.
 * A list and its items are one object for the rate limit; every item change moves the list's revision.
 */
import { EmuReply, EmuRequest, json } from '../../core/router';
import { first, newSid, pageV1 } from '../../core/wire';
import { assertUniqueName, findObject, SyncContext } from './context';
import { ListItemRecord, ListRecord, listUrl, serviceUrl, wireList, wireListItem } from './model';
import {
  checkIfMatch,
  expiryFrom,
  parseData,
  parseListIndex,
  parseTtl,
  parseUniqueName,
  readItemQuery,
  readSyncPage,
  selectItems,
  syncError,
} from './params';

export function registerLists(ctx: SyncContext): void {
  const acct = (): string => ctx.emu.accountSid;
  const listReply = (status: number, l: ListRecord): EmuReply => json(status, wireList(acct(), l), { ETag: String(l.revision) });
  const itemReply = (status: number, l: ListRecord, i: ListItemRecord): EmuReply =>
    json(status, wireListItem(acct(), l, i), { ETag: String(i.revision) });

  /** The addressed list (by sid or unique name), counted against its rate limit. */
  const getList = (req: EmuRequest, param: 'Sid' | 'ListSid'): ListRecord => {
    const svc = ctx.service(req.params.ServiceSid);
    const l = findObject(ctx.state().lists, svc.sid, req.params[param]);
    if (!l) throw syncError(404, 54150, `The requested List ${req.params[param]} was not found`);
    ctx.hit('List', l.sid);
    return l;
  };

  const getItem = (l: ListRecord, rawIndex: string): ListItemRecord => {
    const index = parseListIndex(rawIndex);
    const slot = String(index);
    if (!Object.hasOwn(l.items, slot)) throw syncError(404, 54151, `The requested List Item ${index} was not found`);
    return l.items[slot];
  };

  const setCollectionTtl = (l: ListRecord, ttl: number | undefined, now: number): void => {
    if (ttl === undefined) return;
    l.expires = expiryFrom(now, ttl);
    ctx.noteExpiry(l.expires);
  };

  const touch = (l: ListRecord, now: number): void => {
    l.revision += 1;
    l.updated = now;
    ctx.changed();
  };

  ctx.route('POST', '/Services/{ServiceSid}/Lists', (req, now) => {
    const svc = ctx.service(req.params.ServiceSid);
    const uniqueName = parseUniqueName(req.form);
    const ttl = parseTtl(req.form, 'CollectionTtl', 'Ttl');
    const lists = ctx.state().lists;
    assertUniqueName(lists, svc.sid, uniqueName);
    const l: ListRecord = {
      sid: newSid('ES'),
      service_sid: svc.sid,
      unique_name: uniqueName,
      revision: 0,
      created: now,
      updated: now,
      expires: null,
      seq: ctx.nextSeq(),
      items: {},
      next_index: 0,
    };
    setCollectionTtl(l, ttl, now);
    ctx.hit('List', l.sid);
    lists[l.sid] = l;
    ctx.changed();
    return listReply(201, l);
  });

  ctx.route('GET', '/Services/{ServiceSid}/Lists', (req) => {
    const svc = ctx.service(req.params.ServiceSid);
    const items = Object.values(ctx.state().lists)
      .filter((l) => l.service_sid === svc.sid)
      .sort((a, b) => a.seq - b.seq)
      .map((l) => wireList(acct(), l));
    return json(200, pageV1('lists', `${serviceUrl(svc.sid)}/Lists`, items, readSyncPage(req.query)));
  });

  ctx.route('GET', '/Services/{ServiceSid}/Lists/{Sid}', (req) => listReply(200, getList(req, 'Sid')));

  ctx.route('POST', '/Services/{ServiceSid}/Lists/{Sid}', (req, now) => {
    const l = getList(req, 'Sid');
    const ttl = parseTtl(req.form, 'CollectionTtl', 'Ttl');
    if (ttl === undefined) throw syncError(400, 54010, 'Expected at least one of Ttl or CollectionTtl, but none were provided.');
    setCollectionTtl(l, ttl, now);
    touch(l, now);
    return listReply(200, l);
  });

  ctx.route('DELETE', '/Services/{ServiceSid}/Lists/{Sid}', (req) => {
    const l = getList(req, 'Sid');
    delete ctx.state().lists[l.sid];
    ctx.changed();
    return { status: 204 };
  });

  ctx.route('POST', '/Services/{ServiceSid}/Lists/{ListSid}/Items', (req, now) => {
    const l = getList(req, 'ListSid');
    const raw = first(req.form, 'Data');
    if (raw === undefined) throw syncError(400, 54156, "The 'Data' parameter is required.");
    const data = parseData(raw, 54156);
    const itemTtl = parseTtl(req.form, 'ItemTtl', 'Ttl');
    const collectionTtl = parseTtl(req.form, 'CollectionTtl');
    const item: ListItemRecord = {
      index: l.next_index++,
      data,
      revision: 0,
      created: now,
      updated: now,
      expires: itemTtl === undefined ? null : expiryFrom(now, itemTtl),
    };
    ctx.noteExpiry(item.expires);
    l.items[String(item.index)] = item;
    setCollectionTtl(l, collectionTtl, now);
    touch(l, now);
    return itemReply(201, l, item);
  });

  ctx.route('GET', '/Services/{ServiceSid}/Lists/{ListSid}/Items', (req) => {
    const l = getList(req, 'ListSid');
    const q = readItemQuery(req.query);
    const page = readSyncPage(req.query);
    const from = q.from === undefined ? undefined : parseListIndex(q.from);
    const items = selectItems(Object.values(l.items), (i) => i.index, q, from).map((i) => wireListItem(acct(), l, i));
    const filters = { Order: first(req.query, 'Order'), From: q.from, Bounds: first(req.query, 'Bounds') };
    return json(200, pageV1('items', `${listUrl(l)}/Items`, items, page, filters));
  });

  ctx.route('GET', '/Services/{ServiceSid}/Lists/{ListSid}/Items/{Index}', (req) => {
    const l = getList(req, 'ListSid');
    return itemReply(200, l, getItem(l, req.params.Index));
  });

  ctx.route('POST', '/Services/{ServiceSid}/Lists/{ListSid}/Items/{Index}', (req, now) => {
    const l = getList(req, 'ListSid');
    const item = getItem(l, req.params.Index);
    checkIfMatch(req.headers['if-match'], item.revision, 54155, 'List Item');
    const raw = first(req.form, 'Data');
    const itemTtl = parseTtl(req.form, 'ItemTtl', 'Ttl');
    const collectionTtl = parseTtl(req.form, 'CollectionTtl');
    if (raw === undefined && itemTtl === undefined) {
      throw syncError(400, 54010, 'Expected Data, Ttl or ItemTtl (CollectionTtl only applies together with one of them).');
    }
    if (raw !== undefined) item.data = parseData(raw, 54156);
    if (itemTtl !== undefined) {
      item.expires = expiryFrom(now, itemTtl);
      ctx.noteExpiry(item.expires);
    }
    item.revision += 1;
    item.updated = now;
    setCollectionTtl(l, collectionTtl, now);
    touch(l, now);
    return itemReply(200, l, item);
  });

  ctx.route('DELETE', '/Services/{ServiceSid}/Lists/{ListSid}/Items/{Index}', (req, now) => {
    const l = getList(req, 'ListSid');
    const item = getItem(l, req.params.Index);
    checkIfMatch(req.headers['if-match'], item.revision, 54155, 'List Item');
    delete l.items[String(item.index)];
    touch(l, now);
    return { status: 204 };
  });
}
