import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { contractViolations } from '../support/contract';
import { startTestEmulator, useEmulator } from '../support/emulator';
import { syncHttp, SyncHttpInit } from '../support/sync-http';

const t = useEmulator();
const sync = () => t().client.sync.v1;
const svc = () => sync().services('default');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const SID = (prefix: string): RegExp => new RegExp(`^${prefix}[0-9a-f]{32}$`);

const raw = (method: string, path: string, init?: SyncHttpInit): ReturnType<typeof syncHttp> => syncHttp(t(), method, path, init);

describe('emulated Sync services', () => {
  it('has a default service from the start, addressable as `default`', async () => {
    const def = await sync().services('default').fetch();
    expect(def.sid).toMatch(SID('IS'));
    expect(def.uniqueName).toBe('default');
    expect(def.url).toBe(`https://sync.twilio.com/v1/Services/${def.sid}`);
    expect(def.links).toMatchObject({ documents: `https://sync.twilio.com/v1/Services/${def.sid}/Documents` });
    const bySid = await sync().services(def.sid).fetch();
    expect(bySid.sid).toBe(def.sid);
    const all = await sync().services.list();
    expect(all.map((s) => s.sid)).toContain(def.sid);
  });

  it('creates, updates, lists and deletes a service (and its objects with it)', async () => {
    const created = await sync().services.create({
      friendlyName: 'ops',
      aclEnabled: true,
      webhookUrl: 'https://example.com/hook',
    });
    expect(created.sid).toMatch(SID('IS'));
    expect(created).toMatchObject({
      friendlyName: 'ops',
      aclEnabled: true,
      webhookUrl: 'https://example.com/hook',
      uniqueName: null,
    });
    expect(created.reachabilityDebouncingWindow).toBe(5000);
    const updated = await sync().services(created.sid).update({ friendlyName: 'ops-2', reachabilityDebouncingWindow: 2000 });
    expect(updated.friendlyName).toBe('ops-2');
    expect(updated.reachabilityDebouncingWindow).toBe(2000);
    expect((await sync().services.list()).map((s) => s.sid)).toContain(created.sid);
    const doc = await sync()
      .services(created.sid)
      .documents.create({ data: { x: 1 } });
    expect(doc.serviceSid).toBe(created.sid);

    expect(await sync().services(created.sid).remove()).toBe(true);
    await expect(sync().services(created.sid).fetch()).rejects.toMatchObject({ status: 404, code: 54050 });
    await expect(sync().services(created.sid).documents(doc.sid).fetch()).rejects.toMatchObject({ status: 404, code: 54050 });
    await expect(sync().services('IS00000000000000000000000000000000').documents.list()).rejects.toMatchObject({ code: 54050 });
  });
});

describe('emulated Sync documents', () => {
  it('creates, fetches by sid and unique name, updates and deletes', async () => {
    const def = await svc().fetch();
    const doc = await svc().documents.create({ uniqueName: 'doc-crud', data: { greeting: 'hi', n: 1 } });
    expect(doc.sid).toMatch(SID('ET'));
    expect(doc).toMatchObject({
      uniqueName: 'doc-crud',
      serviceSid: def.sid,
      data: { greeting: 'hi', n: 1 },
      createdBy: 'system',
      dateExpires: null,
    });
    expect(doc.url).toBe(`https://sync.twilio.com/v1/Services/${def.sid}/Documents/${doc.sid}`);
    expect(doc.links).toEqual({ permissions: `${doc.url}/Permissions` });

    const byName = await svc().documents('doc-crud').fetch();
    expect(byName.sid).toBe(doc.sid);
    expect(byName.revision).toBe(doc.revision);

    const updated = await svc()
      .documents('doc-crud')
      .update({ data: { greeting: 'hello' } });
    expect(updated.data).toEqual({ greeting: 'hello' });
    expect(updated.revision).not.toBe(doc.revision);
    expect((await svc().documents(doc.sid).fetch()).data).toEqual({ greeting: 'hello' });

    const ttlOnly = await svc().documents(doc.sid).update({ ttl: 3600 });
    expect(ttlOnly.data).toEqual({ greeting: 'hello' });
    expect(ttlOnly.dateExpires).toBeInstanceOf(Date);
    expect(ttlOnly.revision).not.toBe(updated.revision);

    expect(await svc().documents(doc.sid).remove()).toBe(true);
    await expect(svc().documents(doc.sid).fetch()).rejects.toMatchObject({ status: 404, code: 54100 });
    await expect(svc().documents('doc-crud').fetch()).rejects.toMatchObject({ status: 404, code: 54100 });
  });

  it('creates a document without data or unique name', async () => {
    const doc = await svc().documents.create();
    expect(doc.uniqueName).toBeNull();
    expect(doc.data).toEqual({});
  });

  it('refuses a duplicate unique name with 409 / 54301, but the same name may name a map', async () => {
    await svc().documents.create({ uniqueName: 'dup-doc', data: {} });
    await expect(svc().documents.create({ uniqueName: 'dup-doc', data: {} })).rejects.toMatchObject({ status: 409, code: 54301 });
    const map = await svc().syncMaps.create({ uniqueName: 'dup-doc' });
    expect(map.uniqueName).toBe('dup-doc');
  });

  it('applies If-Match: the current revision passes, a stale one is 412 / 54103', async () => {
    const doc = await svc().documents.create({ data: { v: 0 } });
    const v1 = await svc()
      .documents(doc.sid)
      .update({ data: { v: 1 }, ifMatch: doc.revision });
    expect(v1.data).toEqual({ v: 1 });
    await expect(
      svc()
        .documents(doc.sid)
        .update({ data: { v: 2 }, ifMatch: doc.revision }),
    ).rejects.toMatchObject({
      status: 412,
      code: 54103,
    });
    expect((await svc().documents(doc.sid).fetch()).data).toEqual({ v: 1 });

    // The SDK sends no If-Match on document delete; Twilio's HTTP API accepts it.
    const stale = await raw('DELETE', `/Services/default/Documents/${doc.sid}`, { headers: { 'If-Match': doc.revision } });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 54103, status: 412 });
    const fresh = await raw('GET', `/Services/default/Documents/${doc.sid}`);
    expect(fresh.headers.get('etag')).toBe(v1.revision);
    const ok = await raw('DELETE', `/Services/default/Documents/${doc.sid}`, { headers: { 'If-Match': v1.revision } });
    expect(ok.status).toBe(204);
  });

  it('limits Data to 16 KiB of JSON (400 / 54006) and requires a JSON object (54008)', async () => {
    // {"s":"..."} is 8 bytes plus the string.
    const atLimit = { s: 'x'.repeat(16384 - 8) };
    const doc = await svc().documents.create({ data: atLimit });
    expect((doc.data as { s: string }).s).toHaveLength(16376);
    const over = { s: 'x'.repeat(16384 - 7) };
    await expect(svc().documents.create({ data: over })).rejects.toMatchObject({ status: 400, code: 54006 });
    await expect(svc().documents(doc.sid).update({ data: over })).rejects.toMatchObject({ status: 400, code: 54006 });
    const map = await svc().syncMaps.create();
    await expect(map.syncMapItems().create({ key: 'big', data: over })).rejects.toMatchObject({ status: 400, code: 54006 });
    const list = await svc().syncLists.create();
    await expect(list.syncListItems().create({ data: over })).rejects.toMatchObject({ status: 400, code: 54006 });

    await expect(svc().documents.create({ data: 'not json' })).rejects.toMatchObject({ status: 400, code: 54008 });
    await expect(svc().documents.create({ data: [1, 2] })).rejects.toMatchObject({ status: 400, code: 54008 });
    await expect(svc().documents(doc.sid).update({})).rejects.toMatchObject({ status: 400, code: 54010 });
    await expect(svc().documents.create({ ttl: -1 })).rejects.toMatchObject({ status: 400, code: 54011 });
    await expect(svc().documents.create({ ttl: 31_536_001 })).rejects.toMatchObject({ status: 400, code: 54011 });
  });

  it('lists documents in pages', async () => {
    const s = await sync().services.create({ friendlyName: 'paging' });
    for (let i = 0; i < 3; i++)
      await sync()
        .services(s.sid)
        .documents.create({ uniqueName: `p${i}`, data: { i } });
    const page = await sync().services(s.sid).documents.page({ pageSize: 2 });
    expect(page.instances.map((d) => d.uniqueName)).toEqual(['p0', 'p1']);
    const next = await page.nextPage();
    expect(next?.instances.map((d) => d.uniqueName)).toEqual(['p2']);
    expect(await sync().services(s.sid).documents.list()).toHaveLength(3);
    const body = (await raw('GET', `/Services/${s.sid}/Documents?PageSize=2`)).body as { meta: Record<string, unknown> };
    expect(body.meta).toMatchObject({ key: 'documents', page_size: 2, page: 0 });
    expect(String(body.meta.next_page_url)).toMatch(new RegExp(`^https://sync\\.twilio\\.com/v1/Services/${s.sid}/Documents\\?`));
  });
});

describe('emulated Sync maps', () => {
  it('creates, fetches by unique name, updates the TTL of, lists and deletes a map', async () => {
    const before = Date.now();
    const map = await svc().syncMaps.create({ uniqueName: 'map-crud', ttl: 3600 });
    expect(map.sid).toMatch(SID('MP'));
    expect(map.links).toEqual({ items: `${map.url}/Items`, permissions: `${map.url}/Permissions` });
    expect(map.dateExpires.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3600_000);
    expect(map.dateExpires.getTime()).toBeLessThanOrEqual(Date.now() + 3600_000);

    expect((await svc().syncMaps('map-crud').fetch()).sid).toBe(map.sid);
    const noTtl = await svc().syncMaps('map-crud').update({ collectionTtl: 0 });
    expect(noTtl.dateExpires).toBeNull();
    expect(noTtl.revision).not.toBe(map.revision);
    // CollectionTtl wins over its alias Ttl.
    const both = await svc().syncMaps(map.sid).update({ ttl: 10, collectionTtl: 7200 });
    expect(both.dateExpires.getTime() - both.dateUpdated.getTime()).toBe(7200_000);
    expect((await svc().syncMaps.list()).map((m) => m.sid)).toContain(map.sid);
    await expect(svc().syncMaps.create({ uniqueName: 'map-crud' })).rejects.toMatchObject({ status: 409, code: 54301 });

    expect(await svc().syncMaps('map-crud').remove()).toBe(true);
    await expect(svc().syncMaps(map.sid).fetch()).rejects.toMatchObject({ status: 404, code: 54200 });
    await expect(svc().syncMaps(map.sid).syncMapItems('a').fetch()).rejects.toMatchObject({ status: 404, code: 54200 });
  });

  it('creates, fetches, updates (with If-Match) and deletes map items', async () => {
    const map = await svc().syncMaps.create({ uniqueName: 'map-items' });
    const items = svc().syncMaps('map-items').syncMapItems;
    const a = await items.create({ key: 'agent:1', data: { status: 'available' } });
    expect(a).toMatchObject({
      key: 'agent:1',
      mapSid: map.sid,
      data: { status: 'available' },
      createdBy: 'system',
      dateExpires: null,
    });
    expect(a.url).toBe(`${map.url}/Items/agent%3A1`);
    expect((await svc().syncMaps(map.sid).fetch()).revision).not.toBe(map.revision);

    await expect(items.create({ key: 'agent:1', data: {} })).rejects.toMatchObject({ status: 409, code: 54208 });
    await expect(items.create({ key: '', data: {} })).rejects.toMatchObject({ status: 400, code: 54209 });

    const fetched = await svc().syncMaps(map.sid).syncMapItems('agent:1').fetch();
    expect(fetched.revision).toBe(a.revision);
    const b = await svc()
      .syncMaps(map.sid)
      .syncMapItems('agent:1')
      .update({ data: { status: 'busy' }, ifMatch: a.revision });
    expect(b.data).toEqual({ status: 'busy' });
    expect(b.revision).not.toBe(a.revision);
    await expect(
      svc()
        .syncMaps(map.sid)
        .syncMapItems('agent:1')
        .update({ data: { status: 'x' }, ifMatch: a.revision }),
    ).rejects.toMatchObject({
      status: 412,
      code: 54205,
    });
    await expect(svc().syncMaps(map.sid).syncMapItems('agent:1').remove({ ifMatch: a.revision })).rejects.toMatchObject({
      status: 412,
      code: 54205,
    });
    expect((await svc().syncMaps(map.sid).syncMapItems('agent:1').fetch()).data).toEqual({ status: 'busy' });

    expect(await svc().syncMaps(map.sid).syncMapItems('agent:1').remove({ ifMatch: b.revision })).toBe(true);
    await expect(svc().syncMaps(map.sid).syncMapItems('agent:1').fetch()).rejects.toMatchObject({ status: 404, code: 54201 });
    // The key is free again.
    expect((await items.create({ key: 'agent:1', data: { again: true } })).data).toEqual({ again: true });
  });

  it('lists items by key in either order, from a key inclusive or exclusive, in pages', async () => {
    const map = await svc().syncMaps.create();
    const items = svc().syncMaps(map.sid).syncMapItems;
    for (const key of ['b', 'd', 'a', 'c', 'e']) await items.create({ key, data: { key } });
    const keys = async (opts: Parameters<typeof items.list>[0]): Promise<string[]> => (await items.list(opts)).map((i) => i.key);
    expect(await keys({})).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(await keys({ order: 'desc' })).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(await keys({ from: 'c' })).toEqual(['c', 'd', 'e']);
    expect(await keys({ from: 'c', bounds: 'exclusive' })).toEqual(['d', 'e']);
    expect(await keys({ from: 'c', order: 'desc' })).toEqual(['c', 'b', 'a']);
    expect(await keys({ from: 'bb', order: 'desc', bounds: 'exclusive' })).toEqual(['b', 'a']);

    const first = await items.page({ pageSize: 2, order: 'desc' });
    expect(first.instances.map((i) => i.key)).toEqual(['e', 'd']);
    const second = await first.nextPage();
    expect(second?.instances.map((i) => i.key)).toEqual(['c', 'b']);
    const third = await second?.nextPage();
    expect(third?.instances.map((i) => i.key)).toEqual(['a']);
    expect(await keys({ pageSize: 2, from: 'b', bounds: 'exclusive' })).toEqual(['c', 'd', 'e']);

    await expect(items.list({ order: 'sideways' as 'asc' })).rejects.toMatchObject({ status: 400, code: 54451 });
    await expect(items.list({ bounds: 'open' as 'inclusive' })).rejects.toMatchObject({ status: 400, code: 54452 });
  });

  it('serves PageSize above 100 as pages of 100 and refuses more than 1000', async () => {
    const map = await svc().syncMaps.create();
    const capped = await raw('GET', `/Services/default/Maps/${map.sid}/Items?PageSize=500`);
    expect(capped.status).toBe(200);
    expect(capped.body).toMatchObject({ items: [], meta: { page_size: 100, key: 'items' } });
    const tooBig = await raw('GET', `/Services/default/Maps/${map.sid}/Items?PageSize=1001`);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body).toMatchObject({ code: 54454 });
    const zero = await raw('GET', `/Services/default/Documents?PageSize=0`);
    expect(zero.body).toMatchObject({ status: 400, code: 54454 });
  });
});

describe('emulated Sync lists', () => {
  it('creates, fetches by unique name, updates and deletes a list', async () => {
    const list = await svc().syncLists.create({ uniqueName: 'list-crud' });
    expect(list.sid).toMatch(SID('ES'));
    expect(list).toMatchObject({ uniqueName: 'list-crud', dateExpires: null, createdBy: 'system' });
    expect((await svc().syncLists('list-crud').fetch()).sid).toBe(list.sid);
    const withTtl = await svc().syncLists('list-crud').update({ ttl: 60 });
    expect(withTtl.dateExpires.getTime() - withTtl.dateUpdated.getTime()).toBe(60_000);
    expect((await svc().syncLists.list()).map((l) => l.sid)).toContain(list.sid);
    await expect(svc().syncLists.create({ uniqueName: 'list-crud' })).rejects.toMatchObject({ status: 409, code: 54301 });
    expect(await svc().syncLists(list.sid).remove()).toBe(true);
    await expect(svc().syncLists('list-crud').fetch()).rejects.toMatchObject({ status: 404, code: 54150 });
  });

  it('appends items with growing indexes that are never reused, and updates / deletes them by index', async () => {
    const list = await svc().syncLists.create({ uniqueName: 'queue' });
    const items = svc().syncLists('queue').syncListItems;
    const created: Awaited<ReturnType<typeof items.create>>[] = [];
    for (let i = 0; i < 3; i++) created.push(await items.create({ data: { n: i } }));
    expect(created.map((i) => i.index)).toEqual([0, 1, 2]);
    expect(created[1]).toMatchObject({ listSid: list.sid, data: { n: 1 }, url: `${list.url}/Items/1` });

    const one = await svc().syncLists(list.sid).syncListItems(1).fetch();
    expect(one.data).toEqual({ n: 1 });
    const updated = await svc()
      .syncLists(list.sid)
      .syncListItems(1)
      .update({ data: { n: 10 }, ifMatch: one.revision });
    expect(updated.data).toEqual({ n: 10 });
    await expect(
      svc()
        .syncLists(list.sid)
        .syncListItems(1)
        .update({ data: { n: 11 }, ifMatch: one.revision }),
    ).rejects.toMatchObject({
      status: 412,
      code: 54155,
    });
    await expect(svc().syncLists(list.sid).syncListItems(1).remove({ ifMatch: one.revision })).rejects.toMatchObject({
      status: 412,
      code: 54155,
    });
    expect(await svc().syncLists(list.sid).syncListItems(1).remove({ ifMatch: updated.revision })).toBe(true);
    await expect(svc().syncLists(list.sid).syncListItems(1).fetch()).rejects.toMatchObject({ status: 404, code: 54151 });
    const noData = await raw('POST', `/Services/default/Lists/${list.sid}/Items`, { form: { Ttl: '10' } });
    expect(noData.body).toMatchObject({ status: 400, code: 54156 });

    const next = await items.create({ data: { n: 3 } });
    expect(next.index).toBe(3);
    expect((await items.list()).map((i) => i.index)).toEqual([0, 2, 3]);
  });

  it('lists items by index in either order, from an index inclusive or exclusive, in pages', async () => {
    const list = await svc().syncLists.create();
    const items = svc().syncLists(list.sid).syncListItems;
    for (let i = 0; i < 5; i++) await items.create({ data: { i } });
    const indexes = async (opts: Parameters<typeof items.list>[0]): Promise<number[]> =>
      (await items.list(opts)).map((i) => i.index);
    expect(await indexes({ order: 'desc' })).toEqual([4, 3, 2, 1, 0]);
    expect(await indexes({ from: '2' })).toEqual([2, 3, 4]);
    expect(await indexes({ from: '2', bounds: 'exclusive' })).toEqual([3, 4]);
    expect(await indexes({ from: '2', order: 'desc', bounds: 'exclusive' })).toEqual([1, 0]);
    const first = await items.page({ pageSize: 3 });
    expect(first.instances.map((i) => i.index)).toEqual([0, 1, 2]);
    expect((await first.nextPage())?.instances.map((i) => i.index)).toEqual([3, 4]);
    await expect(items.list({ from: 'x' })).rejects.toMatchObject({ status: 400, code: 54458 });
  });
});

describe('emulated Sync TTLs', () => {
  it('sets date_expires from the TTL and forgets what expired', async () => {
    const doc = await svc().documents.create({ uniqueName: 'short-lived', data: { a: 1 }, ttl: 1 });
    expect(doc.dateExpires.getTime() - doc.dateCreated.getTime()).toBe(1000);
    const keeper = await svc().documents.create({ data: { keep: true } });

    const map = await svc().syncMaps.create();
    await svc().syncMaps(map.sid).syncMapItems.create({ key: 'gone', data: {}, itemTtl: 1, ttl: 3600 });
    const stays = await svc().syncMaps(map.sid).syncMapItems.create({ key: 'stays', data: {} });
    expect(stays.dateExpires).toBeNull();
    const doomedMap = await svc().syncMaps.create({ collectionTtl: 1 });
    await svc().syncMaps(doomedMap.sid).syncMapItems.create({ key: 'k', data: {} });

    const list = await svc().syncLists.create();
    const gone = await svc().syncLists(list.sid).syncListItems.create({ data: {}, ttl: 1 });
    expect(gone.dateExpires.getTime() - gone.dateCreated.getTime()).toBe(1000);
    await svc().syncLists(list.sid).syncListItems.create({ data: {} });
    // An item can also set its list's TTL.
    const parent = await svc().syncLists.create();
    await svc().syncLists(parent.sid).syncListItems.create({ data: {}, collectionTtl: 1 });

    expect((await svc().documents('short-lived').fetch()).sid).toBe(doc.sid);
    await sleep(1600);

    await expect(svc().documents('short-lived').fetch()).rejects.toMatchObject({ status: 404, code: 54100 });
    const docs = (await svc().documents.list()).map((d) => d.sid);
    expect(docs).not.toContain(doc.sid);
    expect(docs).toContain(keeper.sid);
    // The unique name is free again.
    expect((await svc().documents.create({ uniqueName: 'short-lived' })).sid).not.toBe(doc.sid);

    await expect(svc().syncMaps(map.sid).syncMapItems('gone').fetch()).rejects.toMatchObject({ status: 404, code: 54201 });
    expect((await svc().syncMaps(map.sid).syncMapItems.list()).map((i) => i.key)).toEqual(['stays']);
    await expect(svc().syncMaps(doomedMap.sid).fetch()).rejects.toMatchObject({ status: 404, code: 54200 });
    expect((await svc().syncMaps.list()).map((m) => m.sid)).not.toContain(doomedMap.sid);

    await expect(svc().syncLists(list.sid).syncListItems(gone.index).fetch()).rejects.toMatchObject({ status: 404, code: 54151 });
    expect((await svc().syncLists(list.sid).syncListItems.list()).map((i) => i.index)).toEqual([1]);
    await expect(svc().syncLists(parent.sid).fetch()).rejects.toMatchObject({ status: 404, code: 54150 });
  });
});

describe('emulated Sync persistence', () => {
  it('keeps services, documents, maps and lists across a restart', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'emu-sync-'));
    const a = await startTestEmulator({ stateDir });
    let defaultSid: string;
    let docSid: string;
    try {
      const s = a.client.sync.v1.services('default');
      defaultSid = (await s.fetch()).sid;
      docSid = (await s.documents.create({ uniqueName: 'persisted', data: { kept: 'yes' }, ttl: 3600 })).sid;
      await s.syncMaps.create({ uniqueName: 'pmap' });
      await s.syncMaps('pmap').syncMapItems.create({ key: 'k', data: { v: 1 } });
      await s.syncLists.create({ uniqueName: 'plist' });
      await s.syncLists('plist').syncListItems.create({ data: { v: 'first' } });
      await s.syncLists('plist').syncListItems.create({ data: { v: 'second' } });
    } finally {
      await a.close();
    }
    expect(contractViolations(a.exchanges)).toEqual([]);

    const b = await startTestEmulator({ stateDir });
    try {
      const s = b.client.sync.v1.services('default');
      expect((await s.fetch()).sid).toBe(defaultSid);
      const doc = await s.documents('persisted').fetch();
      expect(doc.sid).toBe(docSid);
      expect(doc.data).toEqual({ kept: 'yes' });
      expect(doc.dateExpires).toBeInstanceOf(Date);
      expect((await s.syncMaps('pmap').syncMapItems('k').fetch()).data).toEqual({ v: 1 });
      expect((await s.syncLists('plist').syncListItems.list()).map((i) => i.data)).toEqual([{ v: 'first' }, { v: 'second' }]);
      // Indexes carry on from where they were.
      expect((await s.syncLists('plist').syncListItems.create({ data: {} })).index).toBe(2);
    } finally {
      await b.close();
    }
    expect(contractViolations(b.exchanges)).toEqual([]);
  });

  it('starts over with a fresh default service after a control-API reset', async () => {
    const before = (await svc().fetch()).sid;
    await svc().documents.create({ uniqueName: 'wiped', data: {} });
    const reset = await t().control('POST', '/_emulator/reset');
    expect(reset.status).toBe(200);
    const after = await svc().fetch();
    expect(after.sid).toMatch(SID('IS'));
    expect(after.sid).not.toBe(before);
    await expect(svc().documents('wiped').fetch()).rejects.toMatchObject({ status: 404, code: 54100 });
  });
});
