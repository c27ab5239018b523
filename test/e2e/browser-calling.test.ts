/**
 * End to end, through the functions and the emulator: a user gets an access token, registers a simulated
 * Voice SDK device with it, buys a number, calls from the device; the callee answers, the call completes
 * and shows in that user's call log with duration and price, its recording in their recordings; the other
 * user sees none of it. An inbound call to the number rings only the owner's device.
 */
import { buyIn, callerFor, PlatformError, usePlatform } from '../support/platform';
import { eventually } from '../support/emulator';
import { untilDone } from '../support/fake-service';

const s = usePlatform();

interface Call {
  callSid: string;
  status: string;
  duration: number | null;
  price: number | null;
  priceUnit: string | null;
  direction: string;
  from: string;
  to: string;
  phoneNumberId: string | null;
  userId: string;
  recordingSid: string | null;
}
interface Page<K extends string, T> {
  pagination: { page: number; limit: number; totalPages: number; totalItems: number };
  [k: string]: unknown;
  calls: K extends 'calls' ? T[] : never;
}
interface Device {
  device_sid: string;
  identity: string;
  ringing?: { call_sid: string; parent_call_sid: string | null; to: string }[];
}

async function registerDevice(caller: ReturnType<typeof callerFor>): Promise<string> {
  const token = await caller.get<{ token: string; identity: string }>('/api/twilio/access-token');
  const device = await s().t.control<Device>('POST', '/_emulator/devices', { token: token.body.token });
  expect(device.status).toBe(201);
  return token.body.identity;
}

describe('browser calling, end to end', () => {
  it('a call from the browser completes and shows in its user’s log and recordings only; inbound rings only the owner', async () => {
    const ann = callerFor(s(), 'ann');
    const bob = callerFor(s(), 'bob');
    const annIdentity = await registerDevice(ann);
    const bobIdentity = await registerDevice(bob);
    const annNumber = await buyIn(ann, '415');
    await buyIn(bob, '212');

    const connect = await s().t.control<{ call_sid: string }>('POST', `/_emulator/devices/${annIdentity}/connect`, {
      params: { To: '+14155557788', record: 'true' },
    });
    expect(connect.status).toBe(200);
    const callSid = connect.body.call_sid;
    const done = await untilDone(s().t, callSid, 10_000);
    expect(done.children).toEqual([expect.objectContaining({ to: '+14155557788', status: 'completed' })]);
    const [leg] = await s().t.client.calls.list({ parentCallSid: callSid });
    expect(leg.from).toBe(annNumber.number);

    const logged = await eventually(async () => {
      const r = await ann.get<Page<'calls', Call>>('/api/twilio/call-logs');
      const call = r.body.calls.find((c) => c.callSid === callSid);
      return call?.status === 'completed' ? r : undefined;
    });
    expect(logged.body.pagination).toEqual({ page: 1, limit: 20, totalPages: 1, totalItems: 1 });
    const detail = await eventually(async () => {
      const r = await ann.get<{ call: Call }>('/api/twilio/call-logs/detail', { callSid });
      return r.body.call.recordingSid && r.body.call.price !== null ? r.body.call : undefined;
    });
    expect(detail).toMatchObject({
      callSid,
      userId: annNumber.userId,
      phoneNumberId: annNumber.id,
      direction: 'outbound',
      status: 'completed',
      from: annNumber.number,
      to: '+14155557788',
      priceUnit: 'USD',
    });
    expect(detail.duration).toBeGreaterThan(0);
    expect(detail.price).toBeGreaterThan(0);
    const recordings = await ann.get<{ recordings: { recordingSid: string; callSid: string }[]; pagination: object }>(
      '/api/twilio/recordings',
    );
    expect(recordings.body.recordings).toEqual([expect.objectContaining({ recordingSid: detail.recordingSid, callSid })]);
    const byCall = await ann.get<{ recordings: { recordingSid: string }[] }>('/api/twilio/recordings/by-call', { callSid });
    expect(byCall.body.recordings.map((r) => r.recordingSid)).toEqual([detail.recordingSid]);
    const mine = await ann.get<{ phoneNumbers: { id: string; callCount: number }[] }>('/api/twilio/my-numbers');
    expect(mine.body.phoneNumbers).toEqual([expect.objectContaining({ id: annNumber.id, callCount: 1 })]);

    // Bob sees none of it.
    expect((await bob.get<Page<'calls', Call>>('/api/twilio/call-logs')).body.calls).toEqual([]);
    expect((await bob.get<{ recordings: unknown[] }>('/api/twilio/recordings')).body.recordings).toEqual([]);
    const peek = await bob.get<PlatformError>('/api/twilio/call-logs/detail', { callSid });
    expect([peek.status, peek.body.error]).toEqual([404, 'CALL_NOT_FOUND']);

    // An inbound call to Ann's number rings Ann's device, never Bob's.
    const inbound = await s().t.control<{ call_sid: string }>('POST', '/_emulator/inbound-call', {
      From: '+14155559999',
      To: annNumber.number,
    });
    const ringing = await eventually(async () => {
      const r = await s().t.control<{ devices: Device[] }>('GET', `/_emulator/devices?identity=${annIdentity}`);
      return r.body.devices[0]?.ringing?.length ? r.body.devices[0].ringing : undefined;
    });
    expect(ringing).toEqual([expect.objectContaining({ parent_call_sid: inbound.body.call_sid, to: `client:${annIdentity}` })]);
    const bobDevices = await s().t.control<{ devices: Device[] }>('GET', `/_emulator/devices?identity=${bobIdentity}`);
    expect(bobDevices.body.devices[0].ringing ?? []).toEqual([]);
    expect((await s().t.control('POST', `/_emulator/devices/${annIdentity}/answer`, { duration: 5 })).status).toBe(200);
    await untilDone(s().t, inbound.body.call_sid, 10_000);
    const inLog = await eventually(async () => {
      const r = await ann.get<Page<'calls', Call>>('/api/twilio/call-logs', { status: 'completed' });
      return r.body.calls.length === 2 ? r.body.calls : undefined;
    });
    // Both calls may start within one second (the seed's times have whole seconds): found by SID, not position.
    expect(inLog.find((c) => c.callSid === inbound.body.call_sid)).toMatchObject({
      direction: 'inbound',
      phoneNumberId: annNumber.id,
    });
    expect((await bob.get<Page<'calls', Call>>('/api/twilio/call-logs')).body.calls).toEqual([]);
  });
});
