/**
 * Nothing acknowledged is lost: a 30 s Sync outage while 100 inbound messages and 50 calls arrive. Twilio
 * does not retry status callbacks and an acknowledged message webhook is done, so the service's logs miss
 * them all; after the outage, reconciliation from Twilio's records brings back every one, with its final
 * status. The outage really lasts 30 s (the emulator's fault clock is the wall clock).
 */
import { useService } from '../support/service';
import { eventually } from '../support/emulator';
import { twilioClient } from '../../src/lib/runtime/twilio-client';
import { findInboundMessage } from '../../src/lib/store/message-log';
import { getCallRecord } from '../../src/lib/store/call-records';

const s = useService();

const OUTAGE_MS = 30_000;
const FINAL = ['completed', 'busy', 'no-answer', 'failed', 'canceled'];

/** Runs `fn` over `items`, `limit` at a time. */
async function inBatches<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

interface Outcome {
  success: boolean;
  done: boolean;
  sources: Record<string, { checked: number; repaired: number; done: boolean }>;
}

describe('a 30 s Sync outage during inbound messages and calls', () => {
  it('loses nothing once reconciliation has run', async () => {
    const svc = s();
    const client = twilioClient(svc.env);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const agent = await svc.flexToken('alice');
    const admin = await svc.flexToken('ops', ['admin']);
    // The first run sets the watermark, so the repair below covers only what the outage touched.
    expect((await svc.post<Outcome>('/admin/reconcile', { token: admin })).body.done).toBe(true);

    const outageEnds = Date.now() + OUTAGE_MS;
    await svc.t.control('POST', '/_emulator/faults', { match: '/sync/v1/', status: 503, duration_ms: OUTAGE_MS });

    const messageSids = await inBatches(
      Array.from({ length: 100 }, (_, i) => i),
      20,
      async (i) => {
        const res = await svc.t.control<{ message_sid: string; twiml: string }>('POST', '/_emulator/inbound-sms', {
          From: `+1415555${String(3000 + i)}`,
          To: '+14155550111',
          Body: `outage message ${i}`,
          ...(i % 10 === 0 ? { MediaUrl: 'https://example.com/photo.jpg' } : {}),
        });
        expect(res.status).toBe(200);
        expect(res.body.twiml).toContain('<Message>'); // acknowledged to Twilio
        return res.body.message_sid;
      },
    );
    // Some ring out as busy, no answer or failed (the emulator's outcomes by last four digits).
    const destinations = ['+14155550200', '+14155550201', '+14155550202'];
    const callSids = await inBatches(
      Array.from({ length: 50 }, (_, i) => i),
      10,
      async (i) => {
        const to = destinations[i % 10] ?? `+1415555${String(4000 + i)}`;
        const res = await svc.post<{ call_sid: string }>('/phone/call', { token: agent, json: { to_number: to } });
        expect(res.status).toBe(200);
        return res.body.call_sid;
      },
    );
    // Every call ends at Twilio while Sync is still down, so all of its callbacks meet the outage.
    await eventually(async () => {
      const calls = await Promise.all(callSids.map((sid) => client.calls(sid).fetch()));
      return calls.every((c) => FINAL.includes(c.status)) ? true : undefined;
    }, OUTAGE_MS);
    expect(Date.now()).toBeLessThan(outageEnds);
    await svc.t.emu.quiesce();
    await new Promise((r) => setTimeout(r, Math.max(0, outageEnds - Date.now())));

    const messages = await Promise.all(messageSids.map((sid) => client.messages(sid).fetch()));
    const logged = async (): Promise<number> =>
      (await Promise.all(messages.map((m) => findInboundMessage(client, svc.env, m.sid, m.dateCreated.toISOString())))).filter(
        Boolean,
      ).length;
    const recorded = async (): Promise<number> =>
      (await Promise.all(callSids.map((sid) => getCallRecord(client, svc.env, sid)))).filter(Boolean).length;
    // The outage took them all: acknowledged, yet in none of the service's logs.
    expect([await logged(), await recorded()]).toEqual([0, 0]);
    expect(errors).toHaveBeenCalled();

    let outcome: Outcome | undefined;
    for (let run = 0; run < 5 && !outcome?.done; run++) {
      const res = await svc.post<Outcome>('/admin/reconcile', { token: admin });
      expect(res.status).toBe(200);
      outcome = res.body;
    }
    expect(outcome?.done).toBe(true);

    expect(await logged()).toBe(100);
    for (const m of messages) {
      const entry = await findInboundMessage(client, svc.env, m.sid, m.dateCreated.toISOString());
      expect(entry).toMatchObject({ from: m.from, to: m.to, body: m.body, channel: 'sms' });
      expect(entry?.media).toHaveLength(Number(m.numMedia));
    }
    for (const sid of callSids) {
      const call = await client.calls(sid).fetch();
      expect(await getCallRecord(client, svc.env, sid)).toMatchObject({
        status: call.status,
        duration: Number(call.duration),
        startTime: call.startTime ? call.startTime.toISOString().replace('.000Z', 'Z') : null,
        endTime: call.endTime.toISOString().replace('.000Z', 'Z'),
        from: call.from,
        to: call.to,
      });
    }

    // Running it again over the same window changes nothing.
    const again = await svc.post<Outcome>('/admin/reconcile', { token: admin, json: { window_minutes: 10 } });
    expect(again.body.done).toBe(true);
    expect(Object.values(again.body.sources).map((o) => o.repaired)).toEqual([0, 0, 0]);
    expect(again.body.sources.messages.checked).toBeGreaterThanOrEqual(100);
    errors.mockRestore();
    warnings.mockRestore();
  }, 90_000);
});
