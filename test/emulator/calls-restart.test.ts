import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEFAULT_AUTH_TOKEN } from '../../emulator';
import { startTestEmulator, TestEmulator } from '../support/emulator';
import { contractViolations } from '../support/contract';
import { callView, FakeService, twiml, untilDone, untilView } from '../support/fake-service';

describe('emulated Calls across an emulator restart', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'emu-calls-'));
  const emulators: TestEmulator[] = [];
  let svc: FakeService;

  beforeAll(async () => {
    svc = await new FakeService(DEFAULT_AUTH_TOKEN).start();
  });
  afterAll(async () => {
    for (const e of emulators) await e.close();
    await svc.close();
    const problems = emulators.flatMap((e) => contractViolations(e.exchanges));
    if (problems.length) throw new Error(`OpenAPI contract violations:\n${problems.join('\n')}`);
  });

  it('ends answered calls and carries on with ringing ones', async () => {
    const first = await startTestEmulator({ stateDir });
    emulators.push(first);
    const hold = svc.on('/restart/hold', twiml('<Play loop="0">https://example.com/hold.mp3</Play>'));
    const hello = svc.on('/restart/hello', twiml('<Say>Hello after the restart</Say>'));
    const live = await first.client.calls.create({
      to: '+14155553001',
      from: '+14155550100',
      url: hold,
      statusCallback: `${svc.url}/restart/live-status`,
    });
    const ringing = await first.client.calls.create({ to: 'client:eve', from: '+14155550100', url: hello, timeout: 600 });
    await untilView(first, live.sid, (v) => v.status === 'in-progress');
    await untilView(first, ringing.sid, (v) => v.waiting?.kind === 'client');
    const samples = (await first.client.calls.list()).length;
    await first.close();

    const second = await startTestEmulator({ stateDir });
    emulators.push(second);
    const ended = await second.client.calls(live.sid).fetch();
    expect(ended.status).toBe('completed');
    expect(ended.endTime.getTime() - ended.startTime.getTime()).toBe(Number(ended.duration) * 1000);
    expect((await callView(second, live.sid)).notes.join(' ')).toContain('restarted');
    const [status] = await svc.waitFor('/restart/live-status');
    expect(status.params.CallStatus).toBe('completed');

    // Still ringing: answer it on the new emulator and it runs its TwiML.
    await untilView(second, ringing.sid, (v) => v.waiting?.kind === 'client');
    expect((await second.control('POST', `/_emulator/calls/${ringing.sid}/answer`, {})).status).toBe(200);
    const view = await untilDone(second, ringing.sid);
    expect(view.status).toBe('completed');
    expect(view.verbs.map((v) => v.text)).toEqual(['Hello after the restart']);
    // The sample history is not created twice.
    expect((await second.client.calls.list()).length).toBe(samples);
  });

  it('keeps recordings, their deletion and every verb a call logged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-recordings-'));
    const first = await startTestEmulator({ stateDir: dir });
    emulators.push(first);
    const leaveMessage = '<Response><Say>Leave a message</Say><Record maxLength="3"/></Response>';
    const voicemail = await first.client.calls.create({ to: '+14155553002', from: '+14155550100', twiml: leaveMessage });
    const before = await untilDone(first, voicemail.sid);
    const [kept] = before.recordings;
    expect(kept).toMatchObject({ status: 'completed', duration: 3 });
    const erased = await first.client.calls.create({ to: '+14155553003', from: '+14155550100', twiml: leaveMessage });
    const [gone] = (await untilDone(first, erased.sid)).recordings;
    await first.client.recordings(gone.sid).remove();
    const live = await first.client.calls.create({
      to: '+14155553004',
      from: '+14155550100',
      twiml: '<Response><Play loop="0">https://example.com/hold.mp3</Play></Response>',
      record: true,
    });
    await untilView(first, live.sid, (v) => v.status === 'in-progress' && v.recordings.length === 1);
    expect((await first.client.calls(live.sid).recordings('Twilio.CURRENT').update({ status: 'paused' })).status).toBe('paused');
    await first.close();

    const second = await startTestEmulator({ stateDir: dir });
    emulators.push(second);
    expect(await second.client.recordings(kept.sid).fetch()).toMatchObject({
      callSid: voicemail.sid,
      status: 'completed',
      duration: '3',
      source: 'RecordVerb',
    });
    expect((await second.client.calls(voicemail.sid).recordings.list()).map((r) => r.sid)).toEqual([kept.sid]);
    expect((await callView(second, voicemail.sid)).verbs).toEqual(before.verbs);
    await expect(second.client.recordings(gone.sid).fetch()).rejects.toMatchObject({ status: 404 });

    // The live call ended with the restart, and its paused recording with it.
    expect((await second.client.calls(live.sid).fetch()).status).toBe('completed');
    const [closed] = await second.client.calls(live.sid).recordings.list();
    expect(closed).toMatchObject({ source: 'OutboundAPI', status: 'completed' });
    await expect(second.client.calls(live.sid).recordings('Twilio.CURRENT').fetch()).rejects.toMatchObject({ status: 404 });
    expect((await second.client.calls.list({ status: 'in-progress' })).map((c) => c.sid)).not.toContain(live.sid);
    expect((await second.client.calls.list({ to: '+14155553004', status: 'completed' })).map((c) => c.sid)).toEqual([live.sid]);

    // Calls made after the restart still list first.
    const next = await second.client.calls.create({ to: '+14155553005', from: '+14155550100', twiml: '<Response/>' });
    expect((await second.client.calls.page({ pageSize: 1 })).instances.map((c) => c.sid)).toEqual([next.sid]);
  });

  it('forgets calls on reset and starts a fresh sample history', async () => {
    const e = emulators[emulators.length - 1];
    const before = await e.client.calls.list();
    expect((await e.control('POST', '/_emulator/reset')).status).toBe(200);
    const after = await e.client.calls.list();
    expect(after.length).toBeGreaterThanOrEqual(5);
    expect(after.map((c) => c.sid).filter((sid) => before.some((b) => b.sid === sid))).toEqual([]);
  });
});
