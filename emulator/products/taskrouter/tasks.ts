/**
 * Tasks: /v1/Workspaces/{WorkspaceSid}/Tasks[/{Sid}]. There is no routing engine: a new Task waits,
 * `pending`, in the queue its Workflow's default_filter (or first filter target) names. Lists default to
 * ascending DateCreated, as Twilio documents; EvaluateTaskAttributes is refused rather than ignored.
 */
import { EmuRequest, json } from '../../core/router';
import { all, first, newSid, Params, readPage } from '../../core/wire';
import { PREFIX, TaskRouterContext } from './context';
import { ListQuery, listPage, NOTHING } from './listing';
import { channelParam, childOf, inWorkspaceBySid, namedInWorkspace, workflowQueues, workspaceOf } from './lookups';
import { DEFAULT_TASK_TIMEOUT, MAX_TASK_TIMEOUT, TASK_STATUSES, TaskRecord, TaskStatus, WorkflowRecord } from './model';
import { boolean, integer, invalid, jsonObject, ordering, sidParam, SortKey, sortBy } from './params';
import { inWorkspace } from './tables';
import { transition } from './task-lifecycle';
import { childUrl, listReply, taskWire } from './wire';

const MAX_PRIORITY = 2_147_483_647;

/** VirtualStartTime, when given: a date from 1900 up to now. */
function virtualStartTime(params: Params, now: number): number | undefined {
  const vst = first(params, 'VirtualStartTime');
  if (vst === undefined) return undefined;
  const ms = Date.parse(vst);
  if (Number.isNaN(ms) || ms > now || ms < Date.UTC(1900, 0, 1)) throw invalid(`Invalid VirtualStartTime: ${vst}`);
  return ms;
}

/**
 * The record a filter names by SID and/or name: its SID, undefined when neither is given, null when
 * nothing can match (no such name, or a SID and a name that are different records).
 */
function resolve(
  sid: string | undefined,
  name: string | undefined,
  byName: (name: string) => string | undefined,
): string | null | undefined {
  if (name === undefined) return sid;
  const named = byName(name);
  if (named === undefined || (sid !== undefined && sid !== named)) return null;
  return named;
}

/**
 * DateCreated (the default, either way) is the table's order: O(page). Priority and VirtualStartTime are
 * sorted from every Task that passes the filters (see ./listing.ts).
 */
function taskOrder(order: [SortKey, 1 | -1][]): Pick<ListQuery<TaskRecord>, 'desc' | 'sort'> {
  if (order.length === 0) return {};
  if (order.length === 1 && order[0][0] === 'DateCreated') return { desc: order[0][1] === -1 };
  return {
    sort: (items) =>
      sortBy(items, order, (t, key) =>
        key === 'Priority' ? [t.priority] : key === 'VirtualStartTime' ? [t.virtual_start, t.seq] : [t.created, t.seq],
      ),
  };
}

export function registerTasks(ctx: TaskRouterContext): void {
  const r = ctx.router;
  const tasksPath = `${PREFIX}/{WorkspaceSid}/Tasks`;

  r.add('GET', tasksPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const q = req.query;
    const statuses = all(q, 'AssignmentStatus').flatMap((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    );
    for (const st of statuses) {
      if (!TASK_STATUSES.includes(st as TaskStatus))
        throw invalid(`Invalid AssignmentStatus: ${st} (one of ${TASK_STATUSES.join(', ')})`);
    }
    if (first(q, 'EvaluateTaskAttributes') !== undefined)
      throw invalid('EvaluateTaskAttributes is not evaluated by the emulator');
    const priority = integer(q, 'Priority', 0, MAX_PRIORITY);
    const workflowSid = first(q, 'WorkflowSid');
    const workflowName = first(q, 'WorkflowName');
    const queueSid = first(q, 'TaskQueueSid');
    const queueName = first(q, 'TaskQueueName');
    const routingTarget = first(q, 'RoutingTarget');
    const hasAddons = boolean(q, 'HasAddons');
    const order = ordering(first(q, 'Ordering'), ['DateCreated', 'Priority', 'VirtualStartTime']);
    const filters = {
      AssignmentStatus: statuses.length ? statuses.join(',') : undefined,
      Priority: first(q, 'Priority'),
      WorkflowSid: workflowSid,
      WorkflowName: workflowName,
      TaskQueueSid: queueSid,
      TaskQueueName: queueName,
      RoutingTarget: routingTarget,
      HasAddons: first(q, 'HasAddons'),
      Ordering: first(q, 'Ordering'),
    };
    const request = readPage(q);
    const { workflows, queues, tasks } = ctx.tables;
    // A name stands for the one record of the workspace that has it (names are unique per workspace).
    const workflow = resolve(workflowSid, workflowName, (name) => namedInWorkspace(workflows, ws, name)?.sid);
    const queue = resolve(queueSid, queueName, (name) => namedInWorkspace(queues, ws, name)?.sid);
    const eq: Record<string, string> = { workspace: ws.sid };
    if (priority !== undefined) eq.Priority = inWorkspace(ws.sid, String(priority));
    if (typeof workflow === 'string') eq.WorkflowSid = workflow;
    if (typeof queue === 'string') eq.TaskQueueSid = queue;
    if (routingTarget !== undefined) eq.RoutingTarget = inWorkspace(ws.sid, routingTarget);
    // No Task carries Add-ons in the emulator.
    const none = workflow === null || queue === null || hasAddons === true;
    const found = none
      ? NOTHING
      : listPage(
          tasks,
          {
            eq,
            ...(statuses.length
              ? { anyOf: { index: 'AssignmentStatus', values: statuses.map((st) => inWorkspace(ws.sid, st)) } }
              : {}),
            ...taskOrder(order),
          },
          request,
        );
    return listReply('tasks', childUrl(ws.sid, 'Tasks'), request, found, (t) => taskWire(ctx, t), filters);
  });

  r.add('POST', tasksPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const f = req.form;
    const { workflows, queues, tasks } = ctx.tables;
    const attributes = first(f, 'Attributes') ?? '{}';
    jsonObject(attributes, 'Attributes');
    const priority = integer(f, 'Priority', 0, MAX_PRIORITY) ?? 0;
    const timeout = integer(f, 'Timeout', 1, MAX_TASK_TIMEOUT) ?? DEFAULT_TASK_TIMEOUT;
    const channel = channelParam(ctx, ws, first(f, 'TaskChannel') ?? 'default');
    const now = Date.now();
    const virtualStart = virtualStartTime(f, now) ?? now;
    let workflow: WorkflowRecord | undefined;
    const workflowSid = sidParam(f, 'WorkflowSid', 'WW');
    if (workflowSid !== undefined) {
      workflow = inWorkspaceBySid(workflows, ws, workflowSid);
      if (!workflow) throw invalid(`Workflow ${workflowSid} does not exist in workspace ${ws.sid}`);
    }
    let queueSid = sidParam(f, 'TaskQueueSid', 'WQ');
    if (queueSid !== undefined && !inWorkspaceBySid(queues, ws, queueSid)) {
      throw invalid(`TaskQueue ${queueSid} does not exist in workspace ${ws.sid}`);
    }
    if (!workflow && queueSid === undefined) {
      const count = workflows.count({ workspace: ws.sid });
      if (count !== 1) {
        throw invalid(
          count
            ? 'WorkflowSid is required when the workspace has more than one Workflow'
            : `Workspace ${ws.sid} has no Workflow to route the Task`,
        );
      }
      workflow = workflows.page({ eq: { workspace: ws.sid }, limit: 1 }).items[0];
    }
    if (queueSid === undefined && workflow) queueSid = workflowQueues(ctx, ws, workflow.configuration)[0];
    const t: TaskRecord = {
      sid: newSid('WT'),
      seq: ctx.nextSeq(),
      workspace_sid: ws.sid,
      attributes,
      assignment_status: 'pending',
      priority,
      timeout,
      reason: null,
      workflow_sid: workflow?.sid ?? null,
      task_queue_sid: queueSid ?? null,
      task_channel_sid: channel,
      queue_entered: queueSid ? now : null,
      virtual_start: virtualStart,
      routing_target: first(f, 'RoutingTarget') ?? null,
      ignore_capacity: boolean(f, 'IgnoreCapacity') ?? false,
      created: now,
      updated: now,
    };
    tasks.save(t);
    return json(201, taskWire(ctx, t));
  });

  /** The addressed Task (waiting Tasks past their Timeout are canceled by then). */
  const taskOf = (req: EmuRequest): TaskRecord => childOf(ctx.tables.tasks, workspaceOf(ctx, req), 'Tasks', req.params.Sid);

  r.add('GET', `${tasksPath}/{Sid}`, (req) => json(200, taskWire(ctx, taskOf(req))));

  r.add('POST', `${tasksPath}/{Sid}`, (req) => {
    const t = taskOf(req);
    const ws = workspaceOf(ctx, req);
    const f = req.form;
    const attributes = first(f, 'Attributes');
    if (attributes !== undefined) jsonObject(attributes, 'Attributes');
    const priority = integer(f, 'Priority', 0, MAX_PRIORITY);
    const channel = first(f, 'TaskChannel');
    const channelSid = channel === undefined ? undefined : channelParam(ctx, ws, channel);
    const now = Date.now();
    const virtualStart = virtualStartTime(f, now);
    const status = first(f, 'AssignmentStatus');
    const reason = first(f, 'Reason');
    if (status !== undefined) {
      transition(t, status, ws.sid, ctx.account);
      t.assignment_status = status as TaskStatus;
      if ((status === 'canceled' || status === 'completed') && reason !== undefined) t.reason = reason;
    }
    if (attributes !== undefined) t.attributes = attributes;
    if (priority !== undefined) t.priority = priority;
    if (channelSid !== undefined) t.task_channel_sid = channelSid;
    if (virtualStart !== undefined) t.virtual_start = virtualStart;
    t.updated = now;
    ctx.tables.tasks.save(t);
    return json(200, taskWire(ctx, t));
  });

  r.add('DELETE', `${tasksPath}/{Sid}`, (req) => {
    ctx.tables.tasks.delete(taskOf(req).sid);
    return { status: 204 };
  });
}
