/**
 * Workspaces: /v1/Workspaces[/{Sid}]. A new workspace gets Flex's activities and task channels; the FIFO
 * template adds a queue and a workflow. Deleting a workspace deletes everything in it.
 */
import { json } from '../../core/router';
import type { Table } from '../../core/state';
import { first, readPage } from '../../core/wire';
import { PREFIX, TaskRouterContext } from './context';
import { listPage } from './listing';
import { activityParam, workspaceOf } from './lookups';
import { createQueue, createWorkflow, createWorkspace, defaultConfiguration } from './model';
import { boolean, friendlyName, invalid, queueOrder, required, url } from './params';
import { listReply, workspacesUrl, workspaceWire } from './wire';

export function registerWorkspaces(ctx: TaskRouterContext): void {
  const r = ctx.router;
  const { workspaces } = ctx.tables;

  r.add('GET', PREFIX, (req) => {
    const name = first(req.query, 'FriendlyName');
    const request = readPage(req.query);
    const found = listPage(workspaces, { eq: name === undefined ? {} : { FriendlyName: name } }, request);
    return listReply('workspaces', workspacesUrl, request, found, (w) => workspaceWire(ctx, w), { FriendlyName: name });
  });

  r.add('POST', PREFIX, (req) => {
    const friendlyName = required(req.form, 'FriendlyName');
    if (friendlyName.length > 64) throw invalid('FriendlyName must be at most 64 characters');
    const template = first(req.form, 'Template') ?? 'NONE';
    if (template !== 'NONE' && template !== 'FIFO') throw invalid(`Invalid Template: ${template} (NONE or FIFO)`);
    const settings = {
      event_callback_url: url(first(req.form, 'EventCallbackUrl'), 'EventCallbackUrl') || null,
      events_filter: first(req.form, 'EventsFilter') || null,
      multi_task_enabled: boolean(req.form, 'MultiTaskEnabled') ?? true,
      prioritize_queue_order: queueOrder(req.form, 'PrioritizeQueueOrder') ?? 'FIFO',
    };
    const { workspace, activities, channels } = createWorkspace(friendlyName, Date.now(), ctx.nextSeq);
    const w = Object.assign(workspace, settings);
    for (const a of activities) ctx.tables.activities.save(a);
    for (const c of channels) ctx.tables.channels.save(c);
    workspaces.save(w);
    if (template === 'FIFO') {
      const q = ctx.tables.queues.save(createQueue(w.sid, 'Sample Queue', w.created, ctx.nextSeq));
      ctx.tables.workflows.save(
        createWorkflow(w.sid, 'Default Fifo Workflow', defaultConfiguration(q.sid), w.created, ctx.nextSeq),
      );
    }
    return json(201, workspaceWire(ctx, w));
  });

  r.add('GET', `${PREFIX}/{Sid}`, (req) => json(200, workspaceWire(ctx, workspaceOf(ctx, req))));

  r.add('POST', `${PREFIX}/{Sid}`, (req) => {
    const w = workspaceOf(ctx, req);
    const f = req.form;
    // Everything is checked before anything changes: a 400 leaves the workspace as it was.
    const name = friendlyName(f);
    const defaultActivity = activityParam(ctx, w, f, 'DefaultActivitySid');
    const timeoutActivity = activityParam(ctx, w, f, 'TimeoutActivitySid');
    const callback = url(first(f, 'EventCallbackUrl'), 'EventCallbackUrl');
    const eventsFilter = first(f, 'EventsFilter');
    const multiTask = boolean(f, 'MultiTaskEnabled');
    const order = queueOrder(f, 'PrioritizeQueueOrder');
    if (name !== undefined) w.friendly_name = name;
    if (defaultActivity !== undefined) w.default_activity_sid = defaultActivity;
    if (timeoutActivity !== undefined) w.timeout_activity_sid = timeoutActivity;
    if (callback !== undefined) w.event_callback_url = callback || null;
    if (eventsFilter !== undefined) w.events_filter = eventsFilter || null;
    if (multiTask !== undefined) w.multi_task_enabled = multiTask;
    if (order !== undefined) w.prioritize_queue_order = order;
    w.updated = Date.now();
    workspaces.save(w);
    return json(200, workspaceWire(ctx, w));
  });

  r.add('DELETE', `${PREFIX}/{Sid}`, (req) => {
    const w = workspaceOf(ctx, req);
    const dropAll = <T extends { sid: string }>(table: Table<T>): void => {
      for (const rec of table.page({ eq: { workspace: w.sid }, limit: Infinity }).items) table.delete(rec.sid);
    };
    const { activities, channels, queues, workflows, workers, tasks } = ctx.tables;
    dropAll(tasks);
    dropAll(workers);
    dropAll(workflows);
    dropAll(queues);
    dropAll(channels);
    dropAll(activities);
    workspaces.delete(w.sid);
    return { status: 204 };
  });
}
