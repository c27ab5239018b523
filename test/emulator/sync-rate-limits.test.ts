/**
 * Sync's per-object rate limits, emulated as Twilio documents them: reads and writes counted apart,
 * each with its burst allowance (emulator/products/sync/rate-limit.ts), through the SDK and by arithmetic.
 */
import { ObjectRateLimiter, SYNC_OBJECT_LIMIT, SyncRateLimited } from '../../emulator/products/sync/rate-limit';
import { useEmulator } from '../support/emulator';
import { syncHttp, SyncHttpInit } from '../support/sync-http';

const t = useEmulator();
const svc = () => t().client.sync.v1.services('default');
const raw = (method: string, path: string, init?: SyncHttpInit): ReturnType<typeof syncHttp> => syncHttp(t(), method, path, init);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('emulated Sync rate limits', () => {
  const { perSecond, burstSeconds } = SYNC_OBJECT_LIMIT;
  const burst = perSecond * burstSeconds;
  /** Well past the burst: refills at 20/s cannot keep up while these are answered, so some are refused. */
  const flood = burst + 100;
  const noRetry = () => t().clientWith({ maxAttempts: 1 }).sync.v1.services('default');
  const rejections = (results: PromiseSettledResult<unknown>[]): { status: number; code: number }[] =>
    results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { status: number; code: number }] : []));

  /** Spends the read allowance of a document: at least the whole burst is admitted, then reads are refused. */
  async function drainReads(docSid: string): Promise<number> {
    const results = await Promise.allSettled(Array.from({ length: flood }, () => noRetry().documents(docSid).fetch()));
    const refused = rejections(results);
    expect(flood - refused.length).toBeGreaterThanOrEqual(burst);
    expect(refused.length).toBeGreaterThan(0);
    for (const e of refused) expect(e).toMatchObject({ status: 429, code: 54009 });
    return refused.length;
  }

  it(`admits a burst of ${burst} reads of one document, then 429 / 54009; writes have their own allowance`, async () => {
    const doc = await svc().documents.create({ data: { hot: true } });
    const other = await svc().documents.create({ data: { cold: true } });
    await drainReads(doc.sid);

    const after = await Promise.all(Array.from({ length: 50 }, () => raw('GET', `/Services/default/Documents/${doc.sid}`)));
    const limited = after.find((r) => r.status === 429);
    expect(limited?.body).toMatchObject({ code: 54009, status: 429 });
    expect(limited?.headers.get('retry-after')).toBe('1');
    // Writes to the same document, and reads of another, are not affected.
    const written = await raw('POST', `/Services/default/Documents/${doc.sid}`, { form: { Data: '{"hot":false}' } });
    expect(written.status).toBe(200);
    expect((await noRetry().documents(other.sid).fetch()).data).toEqual({ cold: true });

    await sleep(1100); // the sustained rate refills the allowance
    expect((await noRetry().documents(doc.sid).fetch()).data).toEqual({ hot: false });
  });

  it('counts writes to a map and to its items against the map, apart from its reads', async () => {
    const map = await svc().syncMaps.create(); // the first write
    const m = noRetry().syncMaps(map.sid);
    const writes = await Promise.allSettled(
      Array.from({ length: flood }, (_, i) => m.syncMapItems.create({ key: `k${i}`, data: { i } })),
    );
    const refused = rejections(writes);
    expect(flood - refused.length).toBeGreaterThanOrEqual(burst - 1);
    expect(refused.length).toBeGreaterThan(0);
    for (const e of refused) expect(e).toMatchObject({ status: 429, code: 54009 });
    // A write to the map itself draws on the same allowance.
    const updates = await Promise.allSettled(Array.from({ length: 50 }, () => m.update({ ttl: 3600 })));
    expect(rejections(updates).length).toBeGreaterThan(0);

    // Reading the map and its items is a separate allowance.
    const stored = writes.findIndex((r) => r.status === 'fulfilled');
    const reads = await Promise.allSettled([m.fetch(), m.syncMapItems(`k${stored}`).fetch(), m.syncMapItems.list({ limit: 5 })]);
    expect(rejections(reads)).toEqual([]);
  });

  it('lets the default client retry through a 429', async () => {
    const doc = await svc().documents.create({ data: { n: 0 } });
    const refusedWhileDraining = await drainReads(doc.sid);
    const reads = await Promise.allSettled(Array.from({ length: perSecond }, () => svc().documents(doc.sid).fetch()));
    // Some of these met a 429, waited Retry-After and succeeded on a retry.
    expect(reads.every((r) => r.status === 'fulfilled')).toBe(true);
    const answers = t().exchanges.filter((x) => x.method === 'GET' && x.path.endsWith(`/Documents/${doc.sid}`));
    expect(answers.filter((x) => x.status === 429).length).toBeGreaterThan(refusedWhileDraining);
  });
});

describe('Sync rate limiter arithmetic', () => {
  it('refills at the sustained rate up to one burst window, reads and writes apart', () => {
    const limiter = new ObjectRateLimiter({ perSecond: 20, burstSeconds: 10 });
    const t0 = 1_000_000;
    for (let i = 0; i < 200; i++) limiter.hit('Document:ET1', 'Document ET1', 'read', t0);
    expect(() => limiter.hit('Document:ET1', 'Document ET1', 'read', t0)).toThrow(SyncRateLimited);
    limiter.hit('Document:ET1', 'Document ET1', 'write', t0);
    // 20 a second come back: after 500 ms, 10 reads and no more.
    for (let i = 0; i < 10; i++) limiter.hit('Document:ET1', 'Document ET1', 'read', t0 + 500);
    expect(() => limiter.hit('Document:ET1', 'Document ET1', 'read', t0 + 500)).toThrow(SyncRateLimited);
    // A long pause refills one burst window and no more.
    for (let i = 0; i < 200; i++) limiter.hit('Document:ET1', 'Document ET1', 'read', t0 + 60_000);
    let refusal: unknown;
    try {
      limiter.hit('Document:ET1', 'Document ET1', 'read', t0 + 60_000);
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(SyncRateLimited);
    expect((refusal as SyncRateLimited).retryAfter).toBe(1);
    expect((refusal as SyncRateLimited).body()).toMatchObject({ status: 429, code: 54009 });
  });
});
