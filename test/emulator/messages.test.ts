import { useEmulator, eventually } from '../support/emulator';

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
    expect(done.price).toBe('-0.00790');
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
