/**
 * POST /admin/reconcile: only admins run it; it repairs what a lost callback never stored, resumes by
 * watermark, and a second run changes nothing.
 */
import jwt from 'jsonwebtoken';
import { useService } from '../../support/service';
import { eventually } from '../../support/emulator';
import { twilioClient } from '../../../src/lib/runtime/twilio-client';
import { getCallRecord } from '../../../src/lib/store/call-records';
import { getRecording } from '../../../src/lib/store/recordings';
import { readReconciliationState } from '../../../src/lib/store/reconciliation';

const s = useService();

interface Outcome {
  success: boolean;
  done: boolean;
  sources: Record<
    'messages' | 'calls' | 'recordings',
    { checked: number; repaired: number; done: boolean; watermark: string | null }
  >;
}

const bearer = (permissions: string[]): Record<string, string> => ({
  Authorization: `Bearer ${jwt.sign({ sub: 'scheduler', permissions }, s().env.JWT_SECRET, { algorithm: 'HS256', expiresIn: 60 })}`,
});

describe('POST /admin/reconcile access', () => {
  it('refuses a caller without credentials (401), an agent or a supervisor (403)', async () => {
    expect((await s().post('/admin/reconcile')).status).toBe(401);
    for (const roles of [['agent'], ['supervisor']]) {
      const res = await s().post('/admin/reconcile', { token: await s().flexToken('carol', roles) });
      expect([res.status, res.body]).toEqual([
        403,
        { success: false, error: 'FORBIDDEN', message: 'Permission required: system:manage_reconciliation' },
      ]);
    }
    expect((await s().post('/admin/reconcile', { headers: bearer(['system:view_sms_status']) })).status).toBe(403);
  });

  it('runs for a bearer token holding system:manage_reconciliation (a scheduler)', async () => {
    const res = await s().post<Outcome>('/admin/reconcile', { headers: bearer(['system:manage_reconciliation']) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, done: true });
  });

  it('refuses a window outside 1 minute .. 7 days', async () => {
    const token = await s().flexToken('ops', ['admin']);
    for (const window_minutes of [0, 7 * 24 * 60 + 1, 'soon']) {
      const res = await s().post('/admin/reconcile', { token, json: { window_minutes } });
      expect(res.status).toBe(400);
    }
  });
});

describe('POST /admin/reconcile repairs', () => {
  it('stores the call and recording a dropped callback lost, moves the watermark, and changes nothing twice', async () => {
    const { t } = s();
    const client = twilioClient(s().env);
    const token = await s().flexToken('ops', ['admin']);
    await s().post('/admin/reconcile', { token });
    // A recorded call whose callbacks never arrive (their URL does not answer): the service is told nothing.
    const lost = 'http://127.0.0.1:1/webhooks/twilio';
    const call = await client.calls.create({
      to: '+14155559876',
      from: '+14155550111',
      twiml: `<Response><Record maxLength="2" recordingStatusCallback="${lost}/recording-status"/></Response>`,
      statusCallback: `${lost}/call-status`,
    });
    const [done, recording] = await eventually(async () => {
      const [c, [r]] = await Promise.all([client.calls(call.sid).fetch(), client.recordings.list({ callSid: call.sid })]);
      return c.status === 'completed' && r?.status === 'completed' ? ([c, r] as const) : undefined;
    });
    await t.emu.quiesce();
    expect(await getCallRecord(client, s().env, call.sid)).toBeUndefined();

    const first = await s().post<Outcome>('/admin/reconcile', { token });
    expect(first.body.done).toBe(true);
    expect(first.body.sources.calls.repaired).toBeGreaterThanOrEqual(1);
    expect(first.body.sources.recordings.repaired).toBe(1);
    expect(await getCallRecord(client, s().env, call.sid)).toMatchObject({
      status: 'completed',
      duration: Number(done.duration),
    });
    expect(await getRecording(client, s().env, recording.sid)).toMatchObject({
      status: 'completed',
      callSid: call.sid,
      duration: Number(recording.duration),
    });
    const state = await readReconciliationState(client, s().env, 'calls');
    expect(state).toMatchObject({ sweep: null, watermark: first.body.sources.calls.watermark });

    const second = await s().post<Outcome>('/admin/reconcile', { token, json: { window_minutes: 60 } });
    expect(Object.values(second.body.sources).map((o) => o.repaired)).toEqual([0, 0, 0]);
    expect(second.body.sources.calls.checked).toBeGreaterThanOrEqual(1);
  });
});
