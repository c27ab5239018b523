import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { useEmulator, eventually, startTestEmulator } from '../support/emulator';
import { FakeService } from '../support/fake-service';

const t = useEmulator();

describe('emulated Messages through the twilio SDK', () => {
  it('creates an SMS that moves queued -> sent -> delivered', async () => {
    const { client } = t();
    const m = await client.messages.create({ to: '+14155559999', from: '+14155550100', body: 'hello' });
    expect(m.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(m.status).toBe('queued');
    expect(m.numSegments).toBe('1');
    const done = await eventually(async () => {
      const f = await client.messages(m.sid).fetch();
      return f.status === 'delivered' ? f : undefined;
    });
    expect(done.dateSent).toBeInstanceOf(Date);
    expect(done.price).toBe('-0.00830'); // one outbound SMS segment (pricing.ts)
  });

  it('refuses a From the account does not own with 21606', async () => {
    await expect(t().client.messages.create({ to: '+14155559999', from: '+14155550000', body: 'x' })).rejects.toMatchObject({
      status: 400,
      code: 21606,
    });
  });

  it('lists newest first with paging', async () => {
    const { client } = t();
    for (let i = 0; i < 3; i++) await client.messages.create({ to: '+14155558888', from: '+14155550100', body: `n${i}` });
    const page = await client.messages.page({ to: '+14155558888', pageSize: 2 });
    expect(page.instances.map((m) => m.body)).toEqual(['n2', 'n1']);
    const next = await page.nextPage();
    expect(next?.instances.map((m) => m.body)).toEqual(['n0']);
    const listed = await client.messages.list({ to: '+14155558888' });
    expect(listed).toHaveLength(3);
  });
});

describe('message status callbacks, filters, redaction, persistence', () => {
  let svc: FakeService;
  beforeAll(async () => {
    svc = await new FakeService(t().emu.authToken).start();
    svc.on('/status', '');
  });
  afterAll(() => svc.close());

  it('posts signed callbacks for every step, in order', async () => {
    const m = await t().client.messages.create({
      to: '+14155559999',
      from: '+14155550100',
      body: 'cb',
      statusCallback: `${svc.url}/status`,
    });
    const hits = await svc.waitFor('/status', 2);
    const mine = hits.filter((h) => h.params.MessageSid === m.sid);
    expect(mine.map((h) => h.params.MessageStatus)).toEqual(['sent', 'delivered']);
    expect(mine.every((h) => h.signatureValid)).toBe(true);
    expect(mine[0].params).toMatchObject({
      AccountSid: t().emu.accountSid,
      From: '+14155550100',
      To: '+14155559999',
      SmsStatus: 'sent',
    });
  });

  it.each([
    ['+14155550300', 'failed', '30008'],
    ['+14155550301', 'undelivered', '30003'],
  ])('a message to %s ends %s with ErrorCode %s', async (to, status, code) => {
    const m = await t().client.messages.create({ to, from: '+14155550100', body: 'x', statusCallback: `${svc.url}/status` });
    const last = await eventually(() =>
      svc.hitsTo('/status').find((h) => h.params.MessageSid === m.sid && h.params.MessageStatus === status),
    );
    expect(last.params.ErrorCode).toBe(code);
    const fetched = await t().client.messages(m.sid).fetch();
    expect(fetched.errorCode).toBe(Number(code));
  });

  it('filters by DateSent day', async () => {
    const m = await t().client.messages.create({ to: '+14155556666', from: '+14155550100', body: 'today' });
    await eventually(async () => ((await t().client.messages(m.sid).fetch()).dateSent ? true : undefined));
    const today = new Date();
    const onDay = await t().client.messages.list({ to: '+14155556666', dateSent: today });
    expect(onDay.map((x) => x.sid)).toContain(m.sid);
    const before = await t().client.messages.list({ to: '+14155556666', dateSentBefore: new Date(Date.now() - 3 * 86_400_000) });
    expect(before).toHaveLength(0);
  });

  it('redacts and deletes finished messages, not ones in flight', async () => {
    const m = await t().client.messages.create({ to: '+14155555555', from: '+14155550100', body: 'secret' });
    await expect(t().client.messages(m.sid).remove()).rejects.toMatchObject({ status: 400 });
    await eventually(async () => ((await t().client.messages(m.sid).fetch()).status === 'delivered' ? true : undefined));
    expect((await t().client.messages(m.sid).update({ body: '' })).body).toBe('');
    expect(await t().client.messages(m.sid).remove()).toBe(true);
    await expect(t().client.messages(m.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it('refuses a body over 1600 characters and more than 10 media', async () => {
    await expect(
      t().client.messages.create({ to: '+14155559999', from: '+14155550100', body: 'x'.repeat(1601) }),
    ).rejects.toMatchObject({
      code: 21617,
    });
    const mediaUrl = Array.from({ length: 11 }, (_, i) => `https://example.com/${i}.jpg`);
    await expect(t().client.messages.create({ to: '+14155559999', from: '+14155550100', mediaUrl })).rejects.toMatchObject({
      code: 21623,
    });
  });
});

describe('state across restarts', () => {
  it('keeps acknowledged messages after a clean stop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-restart-'));
    const first = await startTestEmulator({ stateDir: dir });
    const m = await first.client.messages.create({ to: '+14155559999', from: '+14155550100', body: 'persist me' });
    await first.close();
    const second = await startTestEmulator({ stateDir: dir });
    try {
      const again = await second.client.messages(m.sid).fetch();
      expect(again.body).toBe('persist me');
      // In flight at the stop, it carries on to delivered.
      await eventually(async () => ((await second.client.messages(m.sid).fetch()).status === 'delivered' ? true : undefined));
    } finally {
      await second.close();
    }
  });
});
