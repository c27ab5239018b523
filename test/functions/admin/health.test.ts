/**
 * GET /api/admin/health: admins see Twilio's and Sync's reachability, the last callback of each kind, webhook
 * failures and reconciliation runs of the last hour, as the webhooks and reconciliation noted them.
 */
import { useService } from '../../support/service';
import { bearer } from '../../support/platform';
import jwt from 'jsonwebtoken';

const s = useService();

interface Health {
  status: string;
  checkedAt: string;
  twilio: { reachable: boolean; latencyMs: number; error?: string };
  sync: { reachable: boolean; latencyMs: number; error?: string };
  lastHour: {
    webhookFailures: { total: number; byCallback: Record<string, number> };
    reconciliations: { runs: number; repaired: number };
  } | null;
  lastCallbacks: Record<string, string> | null;
}

const asAdmin = async () =>
  s().get<{ success: boolean; health: Health }>('/api/admin/health', { token: await s().flexToken('ops', ['admin']) });

describe('GET /api/admin/health access', () => {
  it('refuses no credentials (401), an agent and a plain bearer user (403), in the platform shape', async () => {
    const none = await s().get('/api/admin/health');
    expect([none.status, none.body]).toEqual([401, { success: false, error: 'UNAUTHORIZED', message: expect.any(String) }]);
    const forbidden = { success: false, error: 'FORBIDDEN', message: 'Permission required: system:view_usage_analytics' };
    const agent = await s().get('/api/admin/health', { token: await s().flexToken('agent-1', ['agent']) });
    expect([agent.status, agent.body]).toEqual([403, forbidden]);
    const user = await s().get('/api/admin/health', { headers: { Authorization: `Bearer ${bearer(s(), 'u1')}` } });
    expect([user.status, user.body]).toEqual([403, forbidden]);
  });

  it('answers a supervisor and a bearer token holding system:view_usage_analytics', async () => {
    const supervisor = await s().get('/api/admin/health', { token: await s().flexToken('sup', ['supervisor']) });
    expect(supervisor.status).toBe(200);
    const token = jwt.sign({ sub: 'dashboard', permissions: ['system:view_usage_analytics'] }, s().env.JWT_SECRET, {
      algorithm: 'HS256',
      expiresIn: 60,
    });
    expect((await s().get('/api/admin/health', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});

describe('GET /api/admin/health report', () => {
  it('reports Twilio and Sync reachable with their latency', async () => {
    const res = await asAdmin();
    expect(res.status).toBe(200);
    expect(res.body.health).toMatchObject({
      status: 'healthy',
      twilio: { reachable: true, latencyMs: expect.any(Number) },
      sync: { reachable: true, latencyMs: expect.any(Number) },
    });
    expect(Date.parse(res.body.health.checkedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('shows the last callback of each kind, and failed callbacks of the last hour by kind', async () => {
    const before = (await asAdmin()).body.health.lastHour?.webhookFailures.total ?? NaN;
    const callSid = `CA${'c'.repeat(32)}`;
    const ok = await s().webhook('/webhooks/twilio/call-status', { CallSid: callSid, CallStatus: 'ringing' });
    expect(ok.status).toBe(200);
    // Signed, but not a call SID: refused (400) and counted as a failed callback.
    const bad = await s().webhook('/webhooks/twilio/recording-status', { RecordingSid: 'RE1', CallSid: callSid });
    expect(bad.status).toBe(400);
    // A forgery is no callback: neither its time nor its failure is noted.
    const forged = await s().webhook('/webhook/incoming-message', { MessageSid: 'SM1' }, 'forged');
    expect(forged.status).toBe(403);

    const { health } = (await asAdmin()).body;
    const lastCall = Date.parse(health.lastCallbacks?.['/webhooks/twilio/call-status'] ?? '');
    expect(Date.now() - lastCall).toBeLessThan(60_000);
    expect(health.lastCallbacks?.['/webhooks/twilio/recording-status']).toEqual(expect.any(String));
    expect(health.lastCallbacks).not.toHaveProperty('/webhook/incoming-message');
    expect(health.lastHour?.webhookFailures.total).toBe(before + 1);
    expect(health.lastHour?.webhookFailures.byCallback).toEqual({ '/webhooks/twilio/recording-status': 1 });
  });

  it('counts reconciliation runs of the last hour', async () => {
    const token = await s().flexToken('ops', ['admin']);
    const before = (await asAdmin()).body.health.lastHour?.reconciliations.runs ?? NaN;
    expect((await s().post('/admin/reconcile', { token })).status).toBe(200);
    expect((await s().post('/admin/reconcile', { token })).status).toBe(200);
    expect((await asAdmin()).body.health.lastHour?.reconciliations).toEqual({ runs: before + 2, repaired: expect.any(Number) });
  });

  it('still answers when Sync is down: Sync unreachable, the status degraded, the noted signals unknown', async () => {
    await s().t.control('POST', '/_emulator/faults', { match: '/sync/', status: 503, code: 20003 });
    try {
      const res = await asAdmin();
      expect(res.status).toBe(200);
      expect(res.body.health).toMatchObject({
        status: 'degraded',
        twilio: { reachable: true },
        sync: { reachable: false, error: 'TWILIO_UNAVAILABLE' },
        lastHour: null,
        lastCallbacks: null,
      });
    } finally {
      await s().t.control('DELETE', '/_emulator/faults');
    }
  });
});
