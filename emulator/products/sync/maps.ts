/**
 * Sync Maps and Map Items: /v1/Services/{ServiceSid}/Maps[/{Sid}] and .../Maps/{MapSid}/Items[/{Key}].
 * A map and its items are one object for the rate limit; every item change moves the map's revision.
 */
import { EmuReply, EmuRequest, json } from '../../core/router';
import { first, newSid, pageV1 } from '../../core/wire';
import { assertUniqueName, findObject, SyncContext } from './context';
import { itemSlot, MapItemRecord, MapRecord, mapUrl, serviceUrl, wireMap, wireMapItem } from './model';
import {
  checkIfMatch,
  expiryFrom,
  parseData,
  parseMapKey,
  parseTtl,
  parseUniqueName,
  readItemQuery,
  readSyncPage,
  selectItems,
  syncError,
} from './params';

export function registerMaps(ctx: SyncContext): void {
  const acct = (): string => ctx.emu.accountSid;
  const mapReply = (status: number, m: MapRecord): EmuReply => json(status, wireMap(acct(), m), { ETag: String(m.revision) });
  const itemReply = (status: number, m: MapRecord, i: MapItemRecord): EmuReply =>
    json(status, wireMapItem(acct(), m, i), { ETag: String(i.revision) });

  /** The addressed map (by sid or unique name), counted against its rate limit. */
  const getMap = (req: EmuRequest, param: 'Sid' | 'MapSid'): MapRecord => {
    const svc = ctx.service(req.params.ServiceSid);
    const m = findObject(ctx.state().maps, svc.sid, req.params[param]);
    if (!m) throw syncError(404, 54200, `The requested Map ${req.params[param]} was not found`);
    ctx.hit('Map', m.sid);
    return m;
  };

  const getItem = (m: MapRecord, key: string): MapItemRecord => {
    const slot = itemSlot(key);
    if (!Object.hasOwn(m.items, slot)) throw syncError(404, 54201, `The requested Map Item ${key} was not found`);
    return m.items[slot];
  };

  const setCollectionTtl = (m: MapRecord, ttl: number | undefined, now: number): void => {
    if (ttl === undefined) return;
    m.expires = expiryFrom(now, ttl);
    ctx.noteExpiry(m.expires);
  };

  const touch = (m: MapRecord, now: number): void => {
    m.revision += 1;
    m.updated = now;
    ctx.changed();
  };

  ctx.route('POST', '/Services/{ServiceSid}/Maps', (req, now) => {
    const svc = ctx.service(req.params.ServiceSid);
    const uniqueName = parseUniqueName(req.form);
    const ttl = parseTtl(req.form, 'CollectionTtl', 'Ttl');
    const maps = ctx.state().maps;
    assertUniqueName(maps, svc.sid, uniqueName);
    const m: MapRecord = {
      sid: newSid('MP'),
      service_sid: svc.sid,
      unique_name: uniqueName,
      revision: 0,
      created: now,
      updated: now,
      expires: null,
      seq: ctx.nextSeq(),
      items: {},
    };
    setCollectionTtl(m, ttl, now);
    ctx.hit('Map', m.sid);
    maps[m.sid] = m;
    ctx.changed();
    return mapReply(201, m);
  });

  ctx.route('GET', '/Services/{ServiceSid}/Maps', (req) => {
    const svc = ctx.service(req.params.ServiceSid);
    const items = Object.values(ctx.state().maps)
      .filter((m) => m.service_sid === svc.sid)
      .sort((a, b) => a.seq - b.seq)
      .map((m) => wireMap(acct(), m));
    return json(200, pageV1('maps', `${serviceUrl(svc.sid)}/Maps`, items, readSyncPage(req.query)));
  });

  ctx.route('GET', '/Services/{ServiceSid}/Maps/{Sid}', (req) => mapReply(200, getMap(req, 'Sid')));

  ctx.route('POST', '/Services/{ServiceSid}/Maps/{Sid}', (req, now) => {
    const m = getMap(req, 'Sid');
    const ttl = parseTtl(req.form, 'CollectionTtl', 'Ttl');
    if (ttl === undefined) throw syncError(400, 54010, 'Expected at least one of Ttl or CollectionTtl, but none were provided.');
    setCollectionTtl(m, ttl, now);
    touch(m, now);
    return mapReply(200, m);
  });

  ctx.route('DELETE', '/Services/{ServiceSid}/Maps/{Sid}', (req) => {
    const m = getMap(req, 'Sid');
    delete ctx.state().maps[m.sid];
    ctx.changed();
    return { status: 204 };
  });

  ctx.route('POST', '/Services/{ServiceSid}/Maps/{MapSid}/Items', (req, now) => {
    const m = getMap(req, 'MapSid');
    const key = parseMapKey(first(req.form, 'Key'));
    const raw = first(req.form, 'Data');
    if (raw === undefined) throw syncError(400, 54206, "The 'Data' parameter is required.");
    const data = parseData(raw, 54206);
    const itemTtl = parseTtl(req.form, 'ItemTtl', 'Ttl');
    const collectionTtl = parseTtl(req.form, 'CollectionTtl');
    if (Object.hasOwn(m.items, itemSlot(key)))
      throw syncError(409, 54208, `A Map Item with key ${key} already exists in the Map.`);
    const item: MapItemRecord = {
      key,
      data,
      revision: 0,
      created: now,
      updated: now,
      expires: itemTtl === undefined ? null : expiryFrom(now, itemTtl),
    };
    ctx.noteExpiry(item.expires);
    m.items[itemSlot(key)] = item;
    setCollectionTtl(m, collectionTtl, now);
    touch(m, now);
    return itemReply(201, m, item);
  });

  ctx.route('GET', '/Services/{ServiceSid}/Maps/{MapSid}/Items', (req) => {
    const m = getMap(req, 'MapSid');
    const q = readItemQuery(req.query);
    const page = readSyncPage(req.query);
    const items = selectItems(Object.values(m.items), (i) => i.key, q, q.from).map((i) => wireMapItem(acct(), m, i));
    const filters = { Order: first(req.query, 'Order'), From: q.from, Bounds: first(req.query, 'Bounds') };
    return json(200, pageV1('items', `${mapUrl(m)}/Items`, items, page, filters));
  });

  ctx.route('GET', '/Services/{ServiceSid}/Maps/{MapSid}/Items/{Key}', (req) => {
    const m = getMap(req, 'MapSid');
    return itemReply(200, m, getItem(m, req.params.Key));
  });

  ctx.route('POST', '/Services/{ServiceSid}/Maps/{MapSid}/Items/{Key}', (req, now) => {
    const m = getMap(req, 'MapSid');
    const item = getItem(m, req.params.Key);
    checkIfMatch(req.headers['if-match'], item.revision, 54205, 'Map Item');
    const raw = first(req.form, 'Data');
    const itemTtl = parseTtl(req.form, 'ItemTtl', 'Ttl');
    const collectionTtl = parseTtl(req.form, 'CollectionTtl');
    if (raw === undefined && itemTtl === undefined) {
      throw syncError(400, 54010, 'Expected Data, Ttl or ItemTtl (CollectionTtl only applies together with one of them).');
    }
    if (raw !== undefined) item.data = parseData(raw, 54206);
    if (itemTtl !== undefined) {
      item.expires = expiryFrom(now, itemTtl);
      ctx.noteExpiry(item.expires);
    }
    item.revision += 1;
    item.updated = now;
    setCollectionTtl(m, collectionTtl, now);
    touch(m, now);
    return itemReply(200, m, item);
  });

  ctx.route('DELETE', '/Services/{ServiceSid}/Maps/{MapSid}/Items/{Key}', (req, now) => {
    const m = getMap(req, 'MapSid');
    const item = getItem(m, req.params.Key);
    checkIfMatch(req.headers['if-match'], item.revision, 54205, 'Map Item');
    delete m.items[itemSlot(item.key)];
    touch(m, now);
    return { status: 204 };
  });
}
