/**
 * What Sync Maps and Lists share: the routes of a collection of items.
 *
 *   /v1/Services/{ServiceSid}/{Maps|Lists}[/{Sid}]                        create, list, fetch, update, delete
 *   /v1/Services/{ServiceSid}/{Maps|Lists}/{CollectionSid}/Items[/{Item}] create, list, fetch, update, delete
 *
 * A collection is addressed by sid or unique name and may have a TTL (CollectionTtl, or Ttl on the collection
 * itself); its items have their own TTL (ItemTtl, or Ttl) and revision, checked by If-Match. A collection and
 * its items are one object for the rate limits, and every item change moves the collection's revision.
 * What differs between Maps and Lists (how an item is addressed, the error codes, the wire shapes) comes
 * from the CollectionKind that maps.ts and lists.ts pass in.
 */
import { EmuReply, EmuRequest, json } from '../../core/router';
import type { Table } from '../../core/state';
import { first, newSid, pageV1, Params } from '../../core/wire';
import { addressedObject, assertUniqueName, dropItems, itemKey, SyncContext, SyncTables } from './context';
import { CollectionRecord, ItemRecord, serviceUrl } from './model';
import { checkIfMatch, expiryFrom, parseData, parseTtl, parseUniqueName, readItemQuery, readSyncPage, syncError } from './params';

/** Where an item lives in its collection (its Key or Index), and how error messages name it. */
export interface ItemAddress {
  slot: string | number;
  name: string;
}

export interface CollectionKind<I extends ItemRecord, C extends CollectionRecord> {
  /** Also names the routes: path segment `Maps`, item routes under `{MapSid}`, page key `maps`. */
  kind: 'Map' | 'List';
  /** The path parameter naming an item. */
  itemParam: 'Key' | 'Index';
  sidPrefix: string;
  /** The kind's error codes: collection not found, item not found, item If-Match mismatch, invalid item Data. */
  codes: { notFound: number; itemNotFound: number; revisionMismatch: number; invalidData: number };
  objects(tables: SyncTables): Table<C>;
  items(tables: SyncTables): Table<I>;
  /** The new collection, from the fields every collection has. */
  create(base: CollectionRecord): C;
  url(c: C): string;
  wire(accountSid: string, c: C): Record<string, unknown>;
  wireItem(accountSid: string, c: C, i: I): Record<string, unknown>;
  /** The address of an item as its path parameter names it; throws when the parameter is malformed. */
  address(raw: string): ItemAddress;
  slotOf(i: I): string | number;
  /**
   * A new item from a create request. `readItem` validates Data and the TTLs and returns the fields every item
   * has; the kind calls it after reading what it reads first (a Map's Key) and before placing the item.
   */
  newItem(c: C, form: Params, readItem: () => ItemRecord): I;
  /** `From` as an item position (a Map's key, a List's index). */
  parseFrom(raw: string): string | number;
}

export function registerCollection<I extends ItemRecord, C extends CollectionRecord>(
  ctx: SyncContext,
  k: CollectionKind<I, C>,
): void {
  const acct = (): string => ctx.emu.accountSid;
  const objects = k.objects(ctx.tables);
  const items = k.items(ctx.tables);
  const keyOf = (i: I): string => itemKey(i.parent, k.slotOf(i));
  const collectionReply = (status: number, c: C): EmuReply => json(status, k.wire(acct(), c), { ETag: String(c.revision) });
  const itemReply = (status: number, c: C, i: I): EmuReply =>
    json(status, k.wireItem(acct(), c, i), { ETag: String(i.revision) });
  const segment = `${k.kind}s` as const;
  const collectionParam = `${k.kind}Sid` as const;
  const base = `/Services/{ServiceSid}/${segment}`;
  const itemsBase = `${base}/{${collectionParam}}/Items`;

  /** The addressed collection (by sid or unique name), counted against its rate limit. */
  const getCollection = (req: EmuRequest, param: 'Sid' | typeof collectionParam): C =>
    addressedObject(ctx, k.kind, objects, req, param, k.codes.notFound);

  const getItem = (c: C, raw: string): I => {
    const { slot, name } = k.address(raw);
    const item = items.get(itemKey(c.sid, slot));
    if (!item) throw syncError(404, k.codes.itemNotFound, `The requested ${k.kind} Item ${name} was not found`);
    return item;
  };

  const setCollectionTtl = (c: C, ttl: number | undefined, now: number): void => {
    if (ttl === undefined) return;
    c.expires = expiryFrom(now, ttl);
  };

  const touch = (c: C, now: number): void => {
    c.revision += 1;
    c.updated = now;
    objects.save(c);
  };

  ctx.route('POST', base, (req, now) => {
    const svc = ctx.service(req.params.ServiceSid);
    const uniqueName = parseUniqueName(req.form);
    const ttl = parseTtl(req.form, 'CollectionTtl', 'Ttl');
    assertUniqueName(objects, svc.sid, uniqueName);
    const c = k.create({
      sid: newSid(k.sidPrefix),
      service_sid: svc.sid,
      unique_name: uniqueName,
      revision: 0,
      created: now,
      updated: now,
      expires: null,
      seq: ctx.nextSeq(),
    });
    setCollectionTtl(c, ttl, now);
    ctx.hit(k.kind, c.sid, 'write');
    objects.save(c);
    return collectionReply(201, c);
  });

  ctx.route('GET', base, (req) => {
    const svc = ctx.service(req.params.ServiceSid);
    const request = readSyncPage(req.query);
    const found = objects.page({ eq: { service: svc.sid }, offset: request.page * request.pageSize, limit: request.pageSize });
    const page = found.items.map((c) => k.wire(acct(), c));
    return json(200, pageV1(segment.toLowerCase(), `${serviceUrl(svc.sid)}/${segment}`, page, request, {}, found.more));
  });

  ctx.route('GET', `${base}/{Sid}`, (req) => collectionReply(200, getCollection(req, 'Sid')));

  ctx.route('POST', `${base}/{Sid}`, (req, now) => {
    const c = getCollection(req, 'Sid');
    const ttl = parseTtl(req.form, 'CollectionTtl', 'Ttl');
    if (ttl === undefined) throw syncError(400, 54010, 'Expected at least one of Ttl or CollectionTtl, but none were provided.');
    setCollectionTtl(c, ttl, now);
    touch(c, now);
    return collectionReply(200, c);
  });

  ctx.route('DELETE', `${base}/{Sid}`, (req) => {
    const c = getCollection(req, 'Sid');
    objects.delete(c.sid);
    dropItems(items, c.sid, keyOf);
    return { status: 204 };
  });

  ctx.route('POST', itemsBase, (req, now) => {
    const c = getCollection(req, collectionParam);
    // Read by readItem, which the kind calls in its own order of validation.
    let collectionTtl: number | undefined;
    const item = k.newItem(c, req.form, () => {
      const raw = first(req.form, 'Data');
      if (raw === undefined) throw syncError(400, k.codes.invalidData, "The 'Data' parameter is required.");
      const data = parseData(raw, k.codes.invalidData);
      const itemTtl = parseTtl(req.form, 'ItemTtl', 'Ttl');
      collectionTtl = parseTtl(req.form, 'CollectionTtl');
      return {
        parent: c.sid,
        data,
        revision: 0,
        created: now,
        updated: now,
        expires: itemTtl === undefined ? null : expiryFrom(now, itemTtl),
      };
    });
    items.save(item);
    setCollectionTtl(c, collectionTtl, now);
    touch(c, now);
    return itemReply(201, c, item);
  });

  ctx.route('GET', itemsBase, (req) => {
    const c = getCollection(req, collectionParam);
    const q = readItemQuery(req.query);
    const request = readSyncPage(req.query);
    const from = q.from === undefined ? undefined : k.parseFrom(q.from);
    const desc = q.order === 'desc';
    const exclusive = q.bounds === 'exclusive';
    // From starts the walk in the listing's direction: a lower bound ascending, an upper bound descending.
    const bound =
      from === undefined ? {} : desc ? { max: from, maxExclusive: exclusive } : { min: from, minExclusive: exclusive };
    const found = items.page({
      eq: { parent: c.sid },
      desc,
      ...bound,
      offset: request.page * request.pageSize,
      limit: request.pageSize,
    });
    const page = found.items.map((i) => k.wireItem(acct(), c, i));
    const filters = { Order: first(req.query, 'Order'), From: q.from, Bounds: first(req.query, 'Bounds') };
    return json(200, pageV1('items', `${k.url(c)}/Items`, page, request, filters, found.more));
  });

  ctx.route('GET', `${itemsBase}/{${k.itemParam}}`, (req) => {
    const c = getCollection(req, collectionParam);
    return itemReply(200, c, getItem(c, req.params[k.itemParam]));
  });

  ctx.route('POST', `${itemsBase}/{${k.itemParam}}`, (req, now) => {
    const c = getCollection(req, collectionParam);
    const item = getItem(c, req.params[k.itemParam]);
    checkIfMatch(req.headers['if-match'], item.revision, k.codes.revisionMismatch, `${k.kind} Item`);
    const raw = first(req.form, 'Data');
    const itemTtl = parseTtl(req.form, 'ItemTtl', 'Ttl');
    const collectionTtl = parseTtl(req.form, 'CollectionTtl');
    if (raw === undefined && itemTtl === undefined) {
      throw syncError(400, 54010, 'Expected Data, Ttl or ItemTtl (CollectionTtl only applies together with one of them).');
    }
    if (raw !== undefined) item.data = parseData(raw, k.codes.invalidData);
    if (itemTtl !== undefined) item.expires = expiryFrom(now, itemTtl);
    item.revision += 1;
    item.updated = now;
    items.save(item);
    setCollectionTtl(c, collectionTtl, now);
    touch(c, now);
    return itemReply(200, c, item);
  });

  ctx.route('DELETE', `${itemsBase}/{${k.itemParam}}`, (req, now) => {
    const c = getCollection(req, collectionParam);
    const item = getItem(c, req.params[k.itemParam]);
    checkIfMatch(req.headers['if-match'], item.revision, k.codes.revisionMismatch, `${k.kind} Item`);
    items.delete(keyOf(item));
    touch(c, now);
    return { status: 204 };
  });
}
