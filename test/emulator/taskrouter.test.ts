import type { WorkspaceContext } from 'twilio/lib/rest/taskrouter/v1/workspace';
import type { TaskInstance } from 'twilio/lib/rest/taskrouter/v1/workspace/task';
import { useEmulator } from '../support/emulator';

const t = useEmulator();

/** The emulator's seeded Flex workspace. */
async function flexWorkspace(): Promise<WorkspaceContext> {
  const { client } = t();
  const [ws] = await client.taskrouter.v1.workspaces.list({ friendlyName: 'Flex Task Assignment' });
  expect(ws).toBeDefined();
  return client.taskrouter.v1.workspaces(ws.sid);
}

/** A fresh workspace (FIFO template: one queue, one workflow) so mutations do not disturb the samples. */
async function scratchWorkspace(name: string): Promise<{ ws: WorkspaceContext; workflowSid: string; queueSid: string }> {
  const { client } = t();
  const created = await client.taskrouter.v1.workspaces.create({ friendlyName: name, template: 'FIFO' });
  const ws = client.taskrouter.v1.workspaces(created.sid);
  const [workflow] = await ws.workflows.list();
  const [queue] = await ws.taskQueues.list();
  return { ws, workflowSid: workflow.sid, queueSid: queue.sid };
}

const attrs = (task: TaskInstance): Record<string, unknown> => JSON.parse(task.attributes) as Record<string, unknown>;

describe('emulated TaskRouter: the seeded Flex workspace', () => {
  it('has the Flex workspace, its activities, queue, workflow and task channels', async () => {
    const { client } = t();
    const all = await client.taskrouter.v1.workspaces.list();
    const flex = all.find((w) => w.friendlyName === 'Flex Task Assignment');
    expect(flex?.sid).toMatch(/^WS[0-9a-f]{32}$/);
    expect(flex?.defaultActivityName).toBe('Offline');
    expect(flex?.prioritizeQueueOrder).toBe('FIFO');
    expect(flex?.url).toBe(`https://taskrouter.twilio.com/v1/Workspaces/${flex?.sid}`);

    const ws = await flexWorkspace();
    const activities = await ws.activities.list();
    expect(activities.map((a) => [a.friendlyName, a.available])).toEqual([
      ['Offline', false],
      ['Available', true],
      ['Unavailable', false],
    ]);
    const available = await ws.activities.list({ available: 'true' });
    expect(available.map((a) => a.friendlyName)).toEqual(['Available']);
    const fetched = await ws.activities(available[0].sid).fetch();
    expect(fetched.friendlyName).toBe('Available');

    const [queue] = await ws.taskQueues.list();
    expect(queue.friendlyName).toBe('Everyone');
    expect(queue.targetWorkers).toBe('1==1');
    expect((await ws.taskQueues(queue.sid).fetch()).taskOrder).toBe('FIFO');

    const [workflow] = await ws.workflows.list();
    expect(workflow.friendlyName).toBe('Assign to Anyone');
    const config = JSON.parse((await ws.workflows(workflow.sid).fetch()).configuration) as {
      task_routing: { default_filter: { queue: string } };
    };
    expect(config.task_routing.default_filter.queue).toBe(queue.sid);

    const channels = await ws.taskChannels.list();
    expect(channels.map((c) => c.uniqueName)).toEqual(expect.arrayContaining(['default', 'voice', 'sms', 'chat']));
  });

  it('has the sample workers alice (available) and bob (offline)', async () => {
    const ws = await flexWorkspace();
    const workers = await ws.workers.list();
    expect(workers.map((w) => w.friendlyName)).toEqual(['alice', 'bob']);
    const [alice, bob] = workers;
    expect(alice.sid).toMatch(/^WK[0-9a-f]{32}$/);
    expect(alice.available).toBe(true);
    expect(alice.activityName).toBe('Available');
    expect(JSON.parse(alice.attributes)).toMatchObject({ contact_uri: 'client:alice' });
    expect(bob.available).toBe(false);
    expect(bob.activityName).toBe('Offline');
    expect((await ws.workers.list({ available: 'true' })).map((w) => w.friendlyName)).toEqual(['alice']);
    expect((await ws.workers.list({ activityName: 'Offline' })).map((w) => w.friendlyName)).toEqual(['bob']);
  });

  it('has sample tasks in various statuses spread over the last days', async () => {
    const ws = await flexWorkspace();
    const tasks = await ws.tasks.list({ ordering: 'DateCreated:desc', limit: 50 });
    expect(tasks).toHaveLength(6);
    expect(new Set(tasks.map((x) => x.assignmentStatus))).toEqual(
      new Set(['pending', 'reserved', 'assigned', 'completed', 'canceled']),
    );
    for (const task of tasks) {
      expect(task.sid).toMatch(/^WT[0-9a-f]{32}$/);
      expect(attrs(task)).toMatchObject({
        from: expect.stringMatching(/^\+1\d{10}$/),
        channelType: expect.stringMatching(/^(voice|sms)$/),
      });
      expect(task.workflowFriendlyName).toBe('Assign to Anyone');
      expect(task.taskQueueFriendlyName).toBe('Everyone');
      // date_created has whole seconds, so the client-side age may be one more than the server's.
      const age = Math.floor((Date.now() - task.dateCreated.getTime()) / 1000);
      expect(task.age).toBeGreaterThanOrEqual(age - 1);
      expect(task.age).toBeLessThanOrEqual(age);
    }
    const ages = tasks.map((x) => x.age);
    expect(ages[0]).toBeLessThan(600);
    expect(ages[ages.length - 1]).toBeGreaterThan(2 * 86_400);
    expect(tasks.find((x) => x.assignmentStatus === 'completed')?.reason).toEqual(expect.any(String));
  });
});

describe('emulated TaskRouter: task lists', () => {
  it('orders by DateCreated ascending by default (as Twilio documents) and newest first on request', async () => {
    const ws = await flexWorkspace();
    const asc = await ws.tasks.list();
    const desc = await ws.tasks.list({ ordering: 'DateCreated:desc' });
    const times = (xs: TaskInstance[]): number[] => xs.map((x) => x.dateCreated.getTime());
    expect(times(asc)).toEqual([...times(asc)].sort((a, b) => a - b));
    expect(desc.map((x) => x.sid)).toEqual([...asc].reverse().map((x) => x.sid));
    const explicitAsc = await ws.tasks.list({ ordering: 'DateCreated:asc' });
    expect(explicitAsc.map((x) => x.sid)).toEqual(asc.map((x) => x.sid));
  });

  it('pages newest first with PageSize and Page', async () => {
    const { ws, workflowSid } = await scratchWorkspace('Paging');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push((await ws.tasks.create({ workflowSid, attributes: JSON.stringify({ n: i }) })).sid);
    }
    const page = await ws.tasks.page({ ordering: 'DateCreated:desc', pageSize: 2 });
    expect(page.instances.map((x) => attrs(x).n)).toEqual([4, 3]);
    const second = await page.nextPage();
    expect(second?.instances.map((x) => attrs(x).n)).toEqual([2, 1]);
    const third = await second?.nextPage();
    expect(third?.instances.map((x) => attrs(x).n)).toEqual([0]);
    expect(await third?.nextPage()).toBeUndefined();
    const back = await third?.previousPage();
    expect(back?.instances.map((x) => attrs(x).n)).toEqual([2, 1]);
    const listed = await ws.tasks.list({ ordering: 'DateCreated:desc', pageSize: 2 });
    expect(listed.map((x) => x.sid)).toEqual([...made].reverse());
  });

  it('filters by AssignmentStatus, TaskQueueSid, WorkflowSid and Priority', async () => {
    const ws = await flexWorkspace();
    const completed = await ws.tasks.list({ assignmentStatus: ['completed'] });
    expect(completed.length).toBeGreaterThanOrEqual(2);
    expect(completed.every((x) => x.assignmentStatus === 'completed')).toBe(true);
    const waiting = await ws.tasks.list({ assignmentStatus: ['pending', 'reserved'] });
    expect(waiting.map((x) => x.assignmentStatus).sort()).toEqual(['pending', 'reserved']);

    const [queue] = await ws.taskQueues.list();
    const [workflow] = await ws.workflows.list();
    expect((await ws.tasks.list({ taskQueueSid: queue.sid })).length).toBeGreaterThanOrEqual(6);
    expect((await ws.tasks.list({ workflowSid: workflow.sid })).length).toBeGreaterThanOrEqual(6);
    expect(await ws.tasks.list({ taskQueueSid: `WQ${'0'.repeat(32)}` })).toEqual([]);
    expect(await ws.tasks.list({ workflowName: 'No such workflow' })).toEqual([]);
    expect((await ws.tasks.list({ taskQueueName: 'Everyone', assignmentStatus: ['canceled'] })).length).toBeGreaterThanOrEqual(1);

    const { ws: scratch, workflowSid } = await scratchWorkspace('Priorities');
    await scratch.tasks.create({ workflowSid, priority: 1, attributes: '{"p":1}' });
    await scratch.tasks.create({ workflowSid, priority: 5, attributes: '{"p":5}' });
    await scratch.tasks.create({ workflowSid, priority: 3, attributes: '{"p":3}' });
    expect((await scratch.tasks.list({ priority: 5 })).map((x) => x.priority)).toEqual([5]);
    expect((await scratch.tasks.list({ ordering: 'Priority:desc' })).map((x) => x.priority)).toEqual([5, 3, 1]);
    expect((await scratch.tasks.list({ ordering: 'Priority:asc,DateCreated:desc' })).map((x) => x.priority)).toEqual([1, 3, 5]);
  });

  it('refuses an unknown AssignmentStatus and a bad Ordering with 400 / 20001', async () => {
    const ws = await flexWorkspace();
    await expect(ws.tasks.list({ assignmentStatus: ['done'] })).rejects.toMatchObject({ status: 400, code: 20001 });
    await expect(ws.tasks.list({ ordering: 'Sid:desc' })).rejects.toMatchObject({ status: 400, code: 20001 });
    await expect(ws.tasks.list({ ordering: 'DateCreated:asc,VirtualStartTime:desc' })).rejects.toMatchObject({
      status: 400,
      code: 20001,
    });
  });
});

describe('emulated TaskRouter: tasks', () => {
  it('creates a task routed by the workflow to its queue', async () => {
    const { ws, workflowSid, queueSid } = await scratchWorkspace('Create');
    const attributes = JSON.stringify({ from: '+14155559999', channelType: 'sms' });
    const task = await ws.tasks.create({ attributes, workflowSid, priority: 7, timeout: 600, taskChannel: 'sms' });
    expect(task.assignmentStatus).toBe('pending');
    expect(task.attributes).toBe(attributes);
    expect(task.priority).toBe(7);
    expect(task.timeout).toBe(600);
    expect(task.taskChannelUniqueName).toBe('sms');
    expect(task.taskChannelSid).toMatch(/^TC[0-9a-f]{32}$/);
    expect(task.workflowSid).toBe(workflowSid);
    expect(task.taskQueueSid).toBe(queueSid);
    expect(task.taskQueueFriendlyName).toBe('Sample Queue');
    expect(task.age).toBeLessThanOrEqual(1);
    expect(task.reason).toBeNull();
    const fetched = await ws.tasks(task.sid).fetch();
    expect(fetched.sid).toBe(task.sid);
    // The only workflow is used when WorkflowSid is left out; the channel defaults to `default`.
    const implicit = await ws.tasks.create({ attributes: '{}' });
    expect(implicit.workflowSid).toBe(workflowSid);
    expect(implicit.taskChannelUniqueName).toBe('default');
    expect(implicit.timeout).toBe(86_400);
  });

  it('refuses bad task input with 400 / 20001', async () => {
    const { ws, workflowSid } = await scratchWorkspace('Bad input');
    await expect(ws.tasks.create({ workflowSid, attributes: 'not json' })).rejects.toMatchObject({ status: 400, code: 20001 });
    await expect(ws.tasks.create({ workflowSid, timeout: 2_000_000 })).rejects.toMatchObject({ status: 400, code: 20001 });
    await expect(ws.tasks.create({ workflowSid, taskChannel: 'fax' })).rejects.toMatchObject({ status: 400, code: 20001 });
    await expect(ws.tasks.create({ workflowSid: `WW${'0'.repeat(32)}` })).rejects.toMatchObject({ status: 400, code: 20001 });
    await expect(ws.tasks(`WT${'0'.repeat(32)}`).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it('allows the transitions Twilio allows: pending -> canceled, assigned -> wrapping -> completed, reserved -> canceled', async () => {
    const { ws, workflowSid } = await scratchWorkspace('Transitions');
    const task = await ws.tasks.create({ workflowSid, attributes: '{"a":1}' });
    const canceled = await ws.tasks(task.sid).update({ assignmentStatus: 'canceled', reason: 'Caller hung up' });
    expect(canceled.assignmentStatus).toBe('canceled');
    expect(canceled.reason).toBe('Caller hung up');

    const flex = await flexWorkspace();
    const [assigned] = await flex.tasks.list({ assignmentStatus: ['assigned'] });
    const wrapping = await flex.tasks(assigned.sid).update({ assignmentStatus: 'wrapping' });
    expect(wrapping.assignmentStatus).toBe('wrapping');
    const done = await flex.tasks(assigned.sid).update({ assignmentStatus: 'completed', reason: 'Resolved' });
    expect(done.assignmentStatus).toBe('completed');
    expect(done.reason).toBe('Resolved');

    const [reserved] = await flex.tasks.list({ assignmentStatus: ['reserved'] });
    expect((await flex.tasks(reserved.sid).update({ assignmentStatus: 'canceled' })).assignmentStatus).toBe('canceled');
  });

  it('refuses the transitions Twilio refuses with 400 / 20001', async () => {
    const { ws, workflowSid } = await scratchWorkspace('Refused transitions');
    const task = await ws.tasks.create({ workflowSid, attributes: '{}' });
    await expect(ws.tasks(task.sid).update({ assignmentStatus: 'completed' })).rejects.toMatchObject({
      status: 400,
      code: 20001,
      message: expect.stringContaining('not assigned or wrapping'),
    });
    await expect(ws.tasks(task.sid).update({ assignmentStatus: 'wrapping' })).rejects.toMatchObject({
      status: 400,
      code: 20001,
      message: expect.stringContaining("because it's not currently assigned"),
    });
    await expect(ws.tasks(task.sid).update({ assignmentStatus: 'assigned' })).rejects.toMatchObject({ status: 400, code: 20001 });
    await ws.tasks(task.sid).update({ assignmentStatus: 'canceled' });
    await expect(ws.tasks(task.sid).update({ assignmentStatus: 'canceled' })).rejects.toMatchObject({
      status: 400,
      code: 20001,
      message: expect.stringContaining('not pending or reserved'),
    });
    await expect(ws.tasks(task.sid).update({ assignmentStatus: 'completed' })).rejects.toMatchObject({
      status: 400,
      code: 20001,
    });
    expect((await ws.tasks(task.sid).fetch()).assignmentStatus).toBe('canceled');
  });

  it('updates attributes and priority, and deletes', async () => {
    const { ws, workflowSid } = await scratchWorkspace('Updates');
    const task = await ws.tasks.create({ workflowSid, attributes: '{"v":1}' });
    const updated = await ws.tasks(task.sid).update({ attributes: '{"v":2}', priority: 10 });
    expect(attrs(updated)).toEqual({ v: 2 });
    expect(updated.priority).toBe(10);
    expect(updated.assignmentStatus).toBe('pending');
    await expect(ws.tasks(task.sid).update({ attributes: '[1' })).rejects.toMatchObject({ status: 400, code: 20001 });
    expect(await ws.tasks(task.sid).remove()).toBe(true);
    await expect(ws.tasks(task.sid).fetch()).rejects.toMatchObject({ status: 404 });
  });

  it('cancels a pending task when its Timeout passes ("Task TTL Exceeded")', async () => {
    const { ws, workflowSid } = await scratchWorkspace('TTL');
    const task = await ws.tasks.create({ workflowSid, timeout: 1 });
    await new Promise((r) => setTimeout(r, 1100));
    const after = await ws.tasks(task.sid).fetch();
    expect(after.assignmentStatus).toBe('canceled');
    expect(after.reason).toBe('Task TTL Exceeded');
  });
});

describe('emulated TaskRouter: workers and workspaces', () => {
  it('creates, updates (activity, attributes), lists and deletes workers', async () => {
    const { ws } = await scratchWorkspace('Workers');
    const activities = await ws.activities.list();
    const availableSid = activities.find((a) => a.friendlyName === 'Available')?.sid ?? '';
    const worker = await ws.workers.create({
      friendlyName: 'carol',
      attributes: JSON.stringify({ contact_uri: 'client:carol' }),
    });
    expect(worker.sid).toMatch(/^WK[0-9a-f]{32}$/);
    expect(worker.activityName).toBe('Offline');
    expect(worker.available).toBe(false);

    const moved = await ws.workers(worker.sid).update({ activitySid: availableSid });
    expect(moved.activitySid).toBe(availableSid);
    expect(moved.activityName).toBe('Available');
    expect(moved.available).toBe(true);
    expect(moved.dateStatusChanged.getTime()).toBeGreaterThanOrEqual(worker.dateStatusChanged.getTime());

    const renamed = await ws
      .workers(worker.sid)
      .update({ attributes: JSON.stringify({ contact_uri: 'client:carol', skills: ['es'] }) });
    expect(JSON.parse(renamed.attributes)).toEqual({ contact_uri: 'client:carol', skills: ['es'] });
    await expect(ws.workers(worker.sid).update({ attributes: 'nope' })).rejects.toMatchObject({ status: 400, code: 20001 });
    await expect(ws.workers(worker.sid).update({ activitySid: `WA${'0'.repeat(32)}` })).rejects.toMatchObject({
      status: 400,
      code: 20001,
    });
    await expect(ws.workers.create({ friendlyName: 'carol' })).rejects.toMatchObject({ status: 400, code: 20001 });

    expect((await ws.workers.list({ available: 'true' })).map((w) => w.friendlyName)).toEqual(['carol']);
    expect(await ws.workers(worker.sid).remove()).toBe(true);
    await expect(ws.workers(worker.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it('creates, fetches, updates and deletes workspaces', async () => {
    const { client } = t();
    const created = await client.taskrouter.v1.workspaces.create({
      friendlyName: 'Scratch',
      eventCallbackUrl: 'https://example.com/events',
    });
    expect(created.sid).toMatch(/^WS[0-9a-f]{32}$/);
    expect(created.eventCallbackUrl).toBe('https://example.com/events');
    expect(created.multiTaskEnabled).toBe(true);
    const ws = client.taskrouter.v1.workspaces(created.sid);
    expect(await ws.workflows.list()).toEqual([]); // template NONE
    const unavailable = (await ws.activities.list({ friendlyName: 'Unavailable' }))[0];
    const updated = await ws.update({
      friendlyName: 'Scratch 2',
      prioritizeQueueOrder: 'LIFO',
      timeoutActivitySid: unavailable.sid,
    });
    expect(updated.friendlyName).toBe('Scratch 2');
    expect(updated.prioritizeQueueOrder).toBe('LIFO');
    expect(updated.timeoutActivityName).toBe('Unavailable');
    expect((await ws.fetch()).friendlyName).toBe('Scratch 2');
    await expect(client.taskrouter.v1.workspaces.create({ friendlyName: '' })).rejects.toMatchObject({
      status: 400,
      code: 20001,
    });
    expect(await ws.remove()).toBe(true);
    await expect(ws.fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
    await expect(ws.tasks.list()).rejects.toMatchObject({ status: 404 });
  });
});
