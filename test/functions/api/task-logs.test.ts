/**
 * /api/task-logs remembers the workspace it discovered; these tests replace the account's workspaces
 * (an emulator reset seeds a new one) and check the endpoint finds the new one within the same request.
 */
import { useService } from '../../support/service';

const s = useService();

interface TaskLog {
  sid: string;
}

interface LoggedRequest {
  kind: string;
  method: string;
  path: string;
  status: number;
}

async function restCalls(): Promise<string[]> {
  const log = await s().t.control<{ requests: LoggedRequest[] }>('GET', '/_emulator/requests');
  return log.body.requests.filter((r) => r.kind === 'rest').map((r) => `${r.method} ${r.path} ${r.status}`);
}

describe('GET /api/task-logs after the discovered workspace is gone', () => {
  it('discovers the new workspace in the same request and answers its tasks', async () => {
    const token = await s().flexToken('alice');
    const before = await s().get<TaskLog[]>('/api/task-logs', { token });
    expect(before.status).toBe(200);
    expect(before.body.length).toBeGreaterThan(0);

    expect((await s().t.control('POST', '/_emulator/reset')).status).toBe(200);
    await s().t.control('DELETE', '/_emulator/requests');
    const after = await s().get<TaskLog[]>('/api/task-logs', { token });
    expect(after.status).toBe(200);
    expect(after.body.length).toBeGreaterThan(0);
    const oldSids = new Set(before.body.map((t) => t.sid));
    expect(after.body.filter((t) => oldSids.has(t.sid))).toEqual([]);
    const [stale, discovery, tasks] = await restCalls();
    expect(stale).toMatch(/^GET \/v1\/Workspaces\/WS[0-9a-f]{32}\/Tasks 404$/);
    expect(discovery).toMatch(/^GET \/v1\/Workspaces 200$/);
    expect(tasks).toMatch(/^GET \/v1\/Workspaces\/WS[0-9a-f]{32}\/Tasks 200$/);
    expect(tasks).not.toBe(stale.replace(/404$/, '200'));

    // The new workspace is remembered: the next request is one round trip again.
    await s().t.control('DELETE', '/_emulator/requests');
    expect((await s().get<TaskLog[]>('/api/task-logs', { token })).status).toBe(200);
    expect(await restCalls()).toEqual([tasks]);
  });
});
