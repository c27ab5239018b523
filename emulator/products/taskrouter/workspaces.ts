/**
 * Workspaces: /v1/Workspaces[/{Sid}]. A new workspace gets Flex's activities and task channels; the FIFO
 * template adds a queue and a workflow. Deleting a workspace deletes everything in it.
 */
import { json } from '../../core/router';
import { first } from '../../core/wire';
import { PREFIX, TaskRouterContext } from './context';
import { activityParam, workspaceOf } from './lookups';
import { createQueue, createWorkflow, createWorkspace, defaultConfiguration } from './model';
import { boolean, friendlyName, invalid, queueOrder, required, url } from './params';
import { listReply, workspacesUrl, workspaceWire } from './wire';

export function registerWorkspaces(ctx: TaskRouterContext): void {
  const r = ctx.router;

  r.add('GET', PREFIX, (req) => {
    const name = first(req.query, 'FriendlyName');
    const items = Object.values(ctx.state().workspaces)
      .filter((w) => (name === undefined ? true : w.friendly_name === name))
      .sort((a, b) => a.created - b.created)
      .map((w) => workspaceWire(ctx, w));
    return listReply(req, 'workspaces', workspacesUrl, items, { FriendlyName: name });
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
    const s = ctx.state();
    const w = Object.assign(createWorkspace(s, friendlyName, Date.now()), settings);
    if (template === 'FIFO') {
      const q = createQueue(s, w.sid, 'Sample Queue', w.created);
      createWorkflow(s, w.sid, 'Default Fifo Workflow', defaultConfiguration(q.sid), w.created);
    }
    ctx.changed();
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
    ctx.changed();
    return json(200, workspaceWire(ctx, w));
  });

  r.add('DELETE', `${PREFIX}/{Sid}`, (req) => {
    const w = workspaceOf(ctx, req);
    const s = ctx.state();
    delete s.workspaces[w.sid];
    for (const map of [s.activities, s.channels, s.queues, s.workflows, s.workers, s.tasks] as Record<
      string,
      { workspace_sid: string }
    >[]) {
      for (const [sid, rec] of Object.entries(map)) if (rec.workspace_sid === w.sid) delete map[sid];
    }
    ctx.changed();
    return { status: 204 };
  });
}
