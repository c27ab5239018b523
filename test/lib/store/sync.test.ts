/**
 * The Sync primitive every repository uses, against the emulated Sync through the real SDK.
 */
import { useEmulator } from '../../support/emulator';
import { SyncMapRef, shardOf } from '../../../src/lib/store/sync';

const t = useEmulator();
let n = 0;
const env = () => ({ ACCOUNT_SID: t().emu.accountSid, AUTH_TOKEN: t().emu.authToken, TWILIO_EMULATOR_URL: t().url });
const freshMap = <T extends Record<string, unknown>>() => new SyncMapRef<T>(t().client, env(), `test-map.${++n}`, 3600);

async function restCalls(fn: () => Promise<unknown>): Promise<string[]> {
  await t().control('DELETE', '/_emulator/requests');
  await fn();
  const log = await t().control<{ requests: { kind: string; method: string; path: string; status: number }[] }>(
    'GET',
    '/_emulator/requests',
  );
  return log.body.requests.filter((r) => r.kind === 'rest').map((r) => `${r.method} ${r.status}`);
}

describe('SyncMapRef', () => {
  it('creates its map on first use: read, create map, create item (3 round trips)', async () => {
    const map = freshMap<{ v: number }>();
    const calls = await restCalls(() => map.upsert('k', () => ({ v: 1 })));
    expect(calls).toEqual(['GET 404', 'POST 201', 'POST 201']);
    expect((await map.get('k'))?.data).toEqual({ v: 1 });
  });

  it('then updates with one read and one conditional write', async () => {
    const map = freshMap<{ v: number }>();
    await map.upsert('k', () => ({ v: 1 }));
    const calls = await restCalls(() => map.upsert('k', (cur) => ({ v: (cur?.v ?? 0) + 1 })));
    expect(calls).toEqual(['GET 200', 'POST 200']);
    expect((await map.get('k'))?.data).toEqual({ v: 2 });
  });

  it('a change that returns undefined writes nothing', async () => {
    const map = freshMap<{ v: number }>();
    await map.upsert('k', () => ({ v: 1 }));
    expect(await restCalls(() => map.upsert('k', () => undefined))).toEqual(['GET 200']);
  });

  it('createIfAbsent whose answer never came finds out: made by this create, or by another', async () => {
    const map = freshMap<{ v: number }>();
    await map.createIfAbsent('warm', { v: 0 }); // the map exists: the next POST is the item's
    const slowCreate = { match: '/Items', delay_ms: 3500, count: 1 };
    // Sync answers after the client's 3 s timeout; the item is read back and, not there yet, created again.
    await t().control('POST', '/_emulator/faults', slowCreate);
    expect(await map.createIfAbsent('CAslow', { v: 1 })).toBe(true);
    expect((await map.get('CAslow'))?.data).toEqual({ v: 1 });
    // Another writer's item under the key: the lost create was not this one's.
    await map.createIfAbsent('CAtaken', { v: 2 });
    await t().control('POST', '/_emulator/faults', slowCreate);
    expect(await map.createIfAbsent('CAtaken', { v: 3 })).toBe(false);
    await new Promise((r) => setTimeout(r, 600)); // let the delayed creates land before the emulator closes
  }, 15000);

  it('createIfAbsent is idempotent per key', async () => {
    const map = freshMap<{ v: number }>();
    expect(await map.createIfAbsent('SMx', { v: 1 })).toBe(true);
    expect(await map.createIfAbsent('SMx', { v: 2 })).toBe(false);
    expect((await map.get('SMx'))?.data).toEqual({ v: 1 });
  });

  it('parallel writers lose no increment (If-Match conflicts are retried)', async () => {
    const map = freshMap<{ v: number }>();
    await map.upsert('counter', () => ({ v: 0 }));
    await Promise.all(Array.from({ length: 4 }, () => map.upsert('counter', (cur) => ({ v: (cur?.v ?? 0) + 1 }))));
    expect((await map.get('counter'))?.data).toEqual({ v: 4 });
  });

  it('removes and lists', async () => {
    const map = freshMap<{ v: number }>();
    for (const k of ['a', 'b', 'c']) await map.createIfAbsent(k, { v: 1 });
    expect(await map.remove('b')).toBe(true);
    expect(await map.remove('b')).toBe(false);
    expect((await map.list({ limit: 10 })).map((i) => i.key)).toEqual(['a', 'c']);
    expect((await map.list({ limit: 10, order: 'desc' })).map((i) => i.key)).toEqual(['c', 'a']);
  });

  it('a missing map reads as empty', async () => {
    const map = freshMap<{ v: number }>();
    expect(await map.get('nothing')).toBeUndefined();
    expect(await map.list({ limit: 5 })).toEqual([]);
    expect(await map.remove('nothing')).toBe(false);
  });
});

describe('shardOf', () => {
  it('is stable and spreads keys', () => {
    expect(shardOf('CA123', 64)).toBe(shardOf('CA123', 64));
    const counts = new Array(8).fill(0) as number[];
    for (let i = 0; i < 800; i++) counts[shardOf(`CA${i}`, 8)]++;
    expect(Math.min(...counts)).toBeGreaterThan(60);
  });
});
