import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { WorkspaceContext } from 'twilio/lib/rest/taskrouter/v1/workspace';
import type { TaskInstance } from 'twilio/lib/rest/taskrouter/v1/workspace/task';
import type { WorkerInstance } from 'twilio/lib/rest/taskrouter/v1/workspace/worker';
import { contractViolations } from '../support/contract';
import { startTestEmulator, TestEmulator, useEmulator } from '../support/emulator';

interface Paged<T> {
  instances: T[];
  nextPage(): Promise<Paged<T>> | undefined;
}

/** Every page of a listing, followed through `nextPage` as an SDK user pages. */
async function pages<T>(first: Paged<T>): Promise<T[][]> {
  const out: T[][] = [];
  for (let page: Paged<T> | undefined = first; page; page = await page.nextPage()) out.push(page.instances);
  return out;
}

const n = (task: TaskInstance): number => (JSON.parse(task.attributes) as { n: number }).n;
const names = (workers: WorkerInstance[]): string[] => workers.map((w) => w.friendlyName);

async function scratchWorkspace(
  t: TestEmulator,
  name: string,
): Promise<{ sid: string; ws: WorkspaceContext; workflowSid: string }> {
  const created = await t.client.taskrouter.v1.workspaces.create({ friendlyName: name, template: 'FIFO' });
  const ws = t.client.taskrouter.v1.workspaces(created.sid);
  const [workflow] = await ws.workflows.list();
  return { sid: created.sid, ws, workflowSid: workflow.sid };
}

describe('emulated TaskRouter lists, page by page', () => {
  const t = useEmulator();

  it('pages Tasks of several AssignmentStatus values in DateCreated order, either way', async () => {
    const { ws, workflowSid } = await scratchWorkspace(t(), 'Statuses');
    for (let i = 0; i < 7; i++) {
      const task = await ws.tasks.create({ workflowSid, attributes: JSON.stringify({ n: i }) });
      if ([1, 4, 5].includes(i)) await ws.tasks(task.sid).update({ assignmentStatus: 'canceled' });
    }
    const asc = await pages(await ws.tasks.page({ assignmentStatus: ['canceled', 'pending'], pageSize: 2 }));
    expect(asc.map((p) => p.map(n))).toEqual([[0, 1], [2, 3], [4, 5], [6]]);
    const desc = await pages(
      await ws.tasks.page({ assignmentStatus: ['pending', 'canceled'], ordering: 'DateCreated:desc', pageSize: 3 }),
    );
    expect(desc.map((p) => p.map(n))).toEqual([[6, 5, 4], [3, 2, 1], [0]]);
    const canceled = await pages(await ws.tasks.page({ assignmentStatus: ['canceled'], pageSize: 2 }));
    expect(canceled.map((p) => p.map(n))).toEqual([[1, 4], [5]]);
  });

  it('pages Tasks by Priority with ties in creation order', async () => {
    const { ws, workflowSid } = await scratchWorkspace(t(), 'Priority pages');
    for (const [i, priority] of [2, 9, 2, 5, 9].entries()) {
      await ws.tasks.create({ workflowSid, priority, attributes: JSON.stringify({ n: i }) });
    }
    const byPriority = await pages(await ws.tasks.page({ ordering: 'Priority:desc', pageSize: 2 }));
    expect(byPriority.map((p) => p.map(n))).toEqual([[1, 4], [3, 0], [2]]);
    const pending = await ws.tasks.list({ assignmentStatus: ['pending'], ordering: 'Priority:asc,DateCreated:desc' });
    expect(pending.map(n)).toEqual([2, 0, 3, 4, 1]);
  });

  it('lists Workers by Available and ActivityName, page by page', async () => {
    const { ws } = await scratchWorkspace(t(), 'Staff');
    const activities = await ws.activities.list();
    const sid = (name: string): string => activities.find((a) => a.friendlyName === name)?.sid ?? '';
    await ws.workers.create({ friendlyName: 'ann', activitySid: sid('Available') });
    await ws.workers.create({ friendlyName: 'ben' });
    await ws.workers.create({ friendlyName: 'cat', activitySid: sid('Available') });
    await ws.workers.create({ friendlyName: 'dan', activitySid: sid('Unavailable') });
    const available = await pages(await ws.workers.page({ available: 'true', pageSize: 1 }));
    expect(available.map(names)).toEqual([['ann'], ['cat']]);
    const away = await pages(await ws.workers.page({ available: 'false', pageSize: 2 }));
    expect(away.map(names)).toEqual([['ben', 'dan']]);
    expect(names(await ws.workers.list({ activityName: 'Unavailable' }))).toEqual(['dan']);
    expect(await ws.workers.list({ activityName: 'Unavailable', activitySid: sid('Offline') })).toEqual([]);
    expect(await ws.workers.list({ activityName: 'Lunch' })).toEqual([]);
  });

  it('refuses to delete an Activity, TaskQueue or Workflow still in use, and allows it once free', async () => {
    const { ws, workflowSid } = await scratchWorkspace(t(), 'In use');
    const [queue] = await ws.taskQueues.list();
    const task = await ws.tasks.create({ workflowSid });
    await expect(ws.workflows(workflowSid).remove()).rejects.toMatchObject({ status: 400, code: 20001 });
    await expect(ws.taskQueues(queue.sid).remove()).rejects.toMatchObject({ status: 400, code: 20001 });
    await ws.tasks(task.sid).update({ assignmentStatus: 'canceled' });
    expect(await ws.workflows(workflowSid).remove()).toBe(true);
    expect(await ws.taskQueues(queue.sid).remove()).toBe(true);

    const lunch = await ws.activities.create({ friendlyName: 'Lunch' });
    const worker = await ws.workers.create({ friendlyName: 'eve', activitySid: lunch.sid });
    await expect(ws.activities(lunch.sid).remove()).rejects.toMatchObject({ status: 400, code: 20001 });
    await ws.workers(worker.sid).remove();
    expect(await ws.activities(lunch.sid).remove()).toBe(true);
  });
});

describe('emulated TaskRouter across a restart and a reset', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'emu-taskrouter-'));
  const emulators: TestEmulator[] = [];
  afterAll(async () => {
    for (const e of emulators) await e.close();
    const problems = emulators.flatMap((e) => contractViolations(e.exchanges));
    if (problems.length) throw new Error(`OpenAPI contract violations:\n${problems.join('\n')}`);
  });
  const start = async (): Promise<TestEmulator> => {
    const e = await startTestEmulator({ stateDir });
    emulators.push(e);
    return e;
  };

  it('keeps every change, times out waiting Tasks meanwhile, and comes back to the sample on reset', async () => {
    const first = await start();
    const { sid, ws, workflowSid } = await scratchWorkspace(first, 'Kept');
    const kept = await ws.tasks.create({ workflowSid, attributes: '{"n":0}' });
    await ws.tasks(kept.sid).update({ priority: 7 });
    const brief = await ws.tasks.create({ workflowSid, attributes: '{"n":1}', timeout: 1 });
    const worker = await ws.workers.create({ friendlyName: 'fay' });
    await ws.workers(worker.sid).remove();
    await first.close();
    await new Promise((r) => setTimeout(r, 1100));

    const second = await start();
    const again = second.client.taskrouter.v1.workspaces(sid);
    expect((await again.tasks(kept.sid).fetch()).priority).toBe(7);
    const timedOut = await again.tasks(brief.sid).fetch();
    expect([timedOut.assignmentStatus, timedOut.reason]).toEqual(['canceled', 'Task TTL Exceeded']);
    await expect(again.workers(worker.sid).fetch()).rejects.toMatchObject({ status: 404 });
    await again.tasks.create({ workflowSid, attributes: '{"n":2}' });
    expect((await again.tasks.list()).map(n)).toEqual([0, 1, 2]);

    expect((await second.control('POST', '/_emulator/reset')).status).toBe(200);
    const all = await second.client.taskrouter.v1.workspaces.list();
    expect(all.map((w) => w.friendlyName)).toEqual(['Flex Task Assignment']);
    const flex = second.client.taskrouter.v1.workspaces(all[0].sid);
    expect((await flex.tasks.list()).map((x) => x.assignmentStatus)).toEqual([
      'completed',
      'canceled',
      'completed',
      'assigned',
      'reserved',
      'pending',
    ]);
    expect(names(await flex.workers.list())).toEqual(['alice', 'bob']);
    expect((await flex.taskChannels.list()).map((c) => c.uniqueName)).toEqual([
      'default',
      'voice',
      'sms',
      'chat',
      'video',
      'email',
    ]);
  });
});
