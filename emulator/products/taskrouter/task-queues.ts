/**
 * TaskQueues: /v1/Workspaces/{WorkspaceSid}/TaskQueues[/{Sid}]. TargetWorkers is stored, not evaluated. A
 * queue with active Tasks or one a Workflow routes to cannot be deleted.
 */
import { json } from '../../core/router';
import { first, Params } from '../../core/wire';
import { PREFIX, TaskRouterContext } from './context';
import { activityParam, childOf, inWorkspace, uniqueName, workflowQueues, workspaceOf } from './lookups';
import type { TaskQueueRecord, WorkspaceRecord } from './model';
import { createQueue } from './model';
import { friendlyName, integer, invalid, ordering, queueOrder, required } from './params';
import { expireTasks, isActive } from './task-lifecycle';
import { childUrl, listReply, queueWire } from './wire';

export function registerTaskQueues(ctx: TaskRouterContext): void {
  const r = ctx.router;
  const queuesPath = `${PREFIX}/{WorkspaceSid}/TaskQueues`;

  /** Applies the form's settings to `q`; the caller undoes a half-applied form when this throws. */
  const applyQueue = (ws: WorkspaceRecord, q: TaskQueueRecord, f: Params): void => {
    const name = friendlyName(f);
    if (name !== undefined) {
      uniqueName(ctx, ctx.state().queues, ws, name, 'Queue', q.sid);
      q.friendly_name = name;
    }
    const target = first(f, 'TargetWorkers');
    if (target !== undefined) q.target_workers = target || '1==1';
    q.max_reserved_workers = integer(f, 'MaxReservedWorkers', 1, 50) ?? q.max_reserved_workers;
    q.task_order = queueOrder(f, 'TaskOrder') ?? q.task_order;
    q.reservation_activity_sid = activityParam(ctx, ws, f, 'ReservationActivitySid') ?? q.reservation_activity_sid;
    q.assignment_activity_sid = activityParam(ctx, ws, f, 'AssignmentActivitySid') ?? q.assignment_activity_sid;
  };

  r.add('GET', queuesPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const name = first(req.query, 'FriendlyName');
    if (first(req.query, 'EvaluateWorkerAttributes') !== undefined || first(req.query, 'WorkerSid') !== undefined) {
      throw invalid('EvaluateWorkerAttributes and WorkerSid filters are not supported by the emulator');
    }
    const order = ordering(first(req.query, 'Ordering'), ['DateCreated']);
    const items = inWorkspace(ctx.state().queues, ws).filter((q) => (name === undefined ? true : q.friendly_name === name));
    if (order[0]?.[1] === -1) items.reverse();
    const wire = items.map((q) => queueWire(ctx, q));
    return listReply(req, 'task_queues', childUrl(ws.sid, 'TaskQueues'), wire, {
      FriendlyName: name,
      Ordering: first(req.query, 'Ordering'),
    });
  });

  r.add('POST', queuesPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const name = required(req.form, 'FriendlyName');
    const q = createQueue(ctx.state(), ws.sid, name, Date.now());
    try {
      applyQueue(ws, q, req.form);
    } catch (err) {
      delete ctx.state().queues[q.sid];
      throw err;
    }
    ctx.changed();
    return json(201, queueWire(ctx, q));
  });

  r.add('GET', `${queuesPath}/{Sid}`, (req) =>
    json(200, queueWire(ctx, childOf(ctx.state().queues, workspaceOf(ctx, req), 'TaskQueues', req.params.Sid))),
  );

  r.add('POST', `${queuesPath}/{Sid}`, (req) => {
    const ws = workspaceOf(ctx, req);
    const q = childOf(ctx.state().queues, ws, 'TaskQueues', req.params.Sid);
    const before = { ...q };
    try {
      applyQueue(ws, q, req.form);
    } catch (err) {
      Object.assign(q, before);
      throw err;
    }
    q.updated = Date.now();
    ctx.changed();
    return json(200, queueWire(ctx, q));
  });

  r.add('DELETE', `${queuesPath}/{Sid}`, (req) => {
    const ws = workspaceOf(ctx, req);
    const q = childOf(ctx.state().queues, ws, 'TaskQueues', req.params.Sid);
    expireTasks(ctx);
    const s = ctx.state();
    if (Object.values(s.tasks).some((t) => t.task_queue_sid === q.sid && isActive(t))) {
      throw invalid(`TaskQueue ${q.sid} has active Tasks and cannot be deleted`);
    }
    if (
      Object.values(s.workflows).some(
        (f) => f.workspace_sid === ws.sid && workflowQueues(ctx, ws, f.configuration).includes(q.sid),
      )
    ) {
      throw invalid(`TaskQueue ${q.sid} is referenced by a Workflow and cannot be deleted`);
    }
    delete s.queues[q.sid];
    ctx.changed();
    return { status: 204 };
  });
}
