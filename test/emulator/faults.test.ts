/**
 * Injected faults that last for a while: an outage of a set length ends by itself.
 */
import { useEmulator } from '../support/emulator';

const t = useEmulator();

afterEach(async () => {
  await t().control('DELETE', '/_emulator/faults');
});

describe('POST /_emulator/faults with duration_ms', () => {
  it('applies the fault until its duration has passed, then lets requests through', async () => {
    const { client, control } = t();
    const flaky = t().clientWith({ maxAttempts: 1 });
    await flaky.messages.list({ limit: 1 }); // loads the SDK first, so the outage is not spent waiting for it
    const added = await control<{ until: number }>('POST', '/_emulator/faults', {
      match: 'GET /api/2010-04-01/Accounts/',
      status: 500,
      duration_ms: 500,
    });
    expect(added.status).toBe(201);
    expect(added.body.until).toBeGreaterThan(Date.now());
    await expect(flaky.messages.list({ limit: 1 })).rejects.toMatchObject({ status: 500 });
    await new Promise((r) => setTimeout(r, 550));
    await expect(client.messages.list({ limit: 1 })).resolves.toEqual(expect.any(Array));
  });

  it.each([0, -5, 'soon', 3_600_001])('refuses duration_ms %p with 400', async (duration) => {
    const res = await t().control<{ code: number }>('POST', '/_emulator/faults', {
      match: 'x',
      status: 503,
      duration_ms: duration,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(20001);
  });
});
