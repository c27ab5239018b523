/**
 * Tasks: /v1/Workspaces/{WorkspaceSid}/Tasks[/{Sid}]. There is no routing engine: a new Task waits,
 * `pending`, in the queue its Workflow's default_filter (or first filter target) names. Lists default to
 * ascending DateCreated, as Twilio documents; EvaluateTaskAttributes is refused rather than ignored.
 */
import { EmuRequest, json } from '../../core/router';
import { all, first, newSid, Params } from '../../core/wire';
import { PREFIX, TaskRouterContext } from './context';
import { channelParam, childOf, inWorkspace, workflowQueues, workspaceOf } from './lookups';
import { DEFAULT_TASK_TIMEOUT, MAX_TASK_TIMEOUT, TASK_STATUSES, TaskRecord, TaskStatus, WorkflowRecord } from './model';
import { boolean, integer, invalid, jsonObject, ordering, sidParam, sortBy } from './params';
import { expireTasks, transition } from './task-lifecycle';
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

export function registerTasks(ctx: TaskRouterContext): void {
  const r = ctx.router;
  const tasksPath = `${PREFIX}/{WorkspaceSid}/Tasks`;

  r.add('GET', tasksPath, (req) => {
    const ws = workspaceOf(ctx, req);
    expireTasks(ctx);
    const q = req.query;
    const s = ctx.state();
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
    const items = Object.values(s.tasks)
      .filter((t) => t.workspace_sid === ws.sid)
      .filter((t) => (statuses.length ? statuses.includes(t.assignment_status) : true))
      .filter((t) => (priority === undefined ? true : t.priority === priority))
      .filter((t) => (workflowSid === undefined ? true : t.workflow_sid === workflowSid))
      .filter((t) =>
        workflowName === undefined
          ? true
          : t.workflow_sid !== null && s.workflows[t.workflow_sid]?.friendly_name === workflowName,
      )
      .filter((t) => (queueSid === undefined ? true : t.task_queue_sid === queueSid))
      .filter((t) =>
        queueName === undefined ? true : t.task_queue_sid !== null && s.queues[t.task_queue_sid]?.friendly_name === queueName,
      )
      .filter((t) => (routingTarget === undefined ? true : t.routing_target === routingTarget))
      .filter(() => hasAddons !== true); // no Task carries Add-ons in the emulator
    items.sort((a, b) => a.created - b.created || a.seq - b.seq);
    sortBy(items, order, (t, key) =>
      key === 'Priority' ? [t.priority] : key === 'VirtualStartTime' ? [t.virtual_start, t.seq] : [t.created, t.seq],
    );
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
    const wire = items.map((t) => taskWire(ctx, t));
    return listReply(req, 'tasks', childUrl(ws.sid, 'Tasks'), wire, filters);
  });

  r.add('POST', tasksPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const f = req.form;
    const s = ctx.state();
    const attributes = first(f, 'Attributes') ?? '{}';
    jsonObject(attributes, 'Attributes');
    const priority = integer(f, 'Priority', 0, MAX_PRIORITY) ?? 0;
    const timeout = integer(f, 'Timeout', 1, MAX_TASK_TIMEOUT) ?? DEFAULT_TASK_TIMEOUT;
    const channel = channelParam(ctx, ws, first(f, 'TaskChannel') ?? 'default');
    const now = Date.now();
    const virtualStart = virtualStartTime(f, now) ?? now;
    const workflows = inWorkspace(s.workflows, ws);
    let workflow: WorkflowRecord | undefined;
    const workflowSid = sidParam(f, 'WorkflowSid', 'WW');
    if (workflowSid !== undefined) {
      workflow = workflows.find((x) => x.sid === workflowSid);
      if (!workflow) throw invalid(`Workflow ${workflowSid} does not exist in workspace ${ws.sid}`);
    }
    let queueSid = sidParam(f, 'TaskQueueSid', 'WQ');
    if (queueSid !== undefined && s.queues[queueSid]?.workspace_sid !== ws.sid) {
      throw invalid(`TaskQueue ${queueSid} does not exist in workspace ${ws.sid}`);
    }
    if (!workflow && queueSid === undefined) {
      if (workflows.length !== 1) {
        throw invalid(
          workflows.length
            ? 'WorkflowSid is required when the workspace has more than one Workflow'
            : `Workspace ${ws.sid} has no Workflow to route the Task`,
        );
      }
      workflow = workflows[0];
    }
    if (queueSid === undefined && workflow) queueSid = workflowQueues(ctx, ws, workflow.configuration)[0];
    const t: TaskRecord = {
      sid: newSid('WT'),
      seq: ++s.seq,
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
    s.tasks[t.sid] = t;
    ctx.changed();
    return json(201, taskWire(ctx, t));
  });

  /** The addressed Task, after waiting Tasks past their Timeout are canceled. */
  const taskOf = (req: EmuRequest): TaskRecord => {
    expireTasks(ctx);
    return childOf(ctx.state().tasks, workspaceOf(ctx, req), 'Tasks', req.params.Sid);
  };

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
    ctx.changed();
    return json(200, taskWire(ctx, t));
  });

  r.add('DELETE', `${tasksPath}/{Sid}`, (req) => {
    const t = taskOf(req);
    delete ctx.state().tasks[t.sid];
    ctx.changed();
    return { status: 204 };
  });
}
