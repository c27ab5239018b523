/**
 * TaskQueues: /v1/Workspaces/{WorkspaceSid}/TaskQueues[/{Sid}]. TargetWorkers is stored, not evaluated. A
 * queue with active Tasks or one a Workflow routes to cannot be deleted.
 */
import { json } from '../../core/router';
import { first, Params, readPage } from '../../core/wire';
import { PREFIX, TaskRouterContext } from './context';
import { listPage } from './listing';
import { activityParam, childOf, uniqueName, workspaceOf } from './lookups';
import type { TaskQueueRecord, WorkspaceRecord } from './model';
import { createQueue } from './model';
import { friendlyName, integer, invalid, ordering, queueOrder, required } from './params';
import { inWorkspace } from './tables';
import { childUrl, listReply, queueWire } from './wire';

export function registerTaskQueues(ctx: TaskRouterContext): void {
  const r = ctx.router;
  const queuesPath = `${PREFIX}/{WorkspaceSid}/TaskQueues`;
  const { queues } = ctx.tables;

  /** Applies the form's settings to `q`, a copy that is saved only when the whole form holds. */
  const applyQueue = (ws: WorkspaceRecord, q: TaskQueueRecord, f: Params): void => {
    const name = friendlyName(f);
    if (name !== undefined) {
      uniqueName(ctx, queues, ws, name, 'Queue', q.sid);
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
    const request = readPage(req.query);
    const eq: Record<string, string> = { workspace: ws.sid };
    if (name !== undefined) eq.FriendlyName = inWorkspace(ws.sid, name);
    const found = listPage(queues, { eq, desc: order[0]?.[1] === -1 }, request);
    return listReply('task_queues', childUrl(ws.sid, 'TaskQueues'), request, found, (q) => queueWire(ctx, q), {
      FriendlyName: name,
      Ordering: first(req.query, 'Ordering'),
    });
  });

  r.add('POST', queuesPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const name = required(req.form, 'FriendlyName');
    const q = createQueue(ws.sid, name, Date.now(), ctx.nextSeq);
    applyQueue(ws, q, req.form);
    queues.save(q);
    return json(201, queueWire(ctx, q));
  });

  r.add('GET', `${queuesPath}/{Sid}`, (req) =>
    json(200, queueWire(ctx, childOf(queues, workspaceOf(ctx, req), 'TaskQueues', req.params.Sid))),
  );

  r.add('POST', `${queuesPath}/{Sid}`, (req) => {
    const ws = workspaceOf(ctx, req);
    const q = { ...childOf(queues, ws, 'TaskQueues', req.params.Sid) };
    applyQueue(ws, q, req.form);
    q.updated = Date.now();
    queues.save(q);
    return json(200, queueWire(ctx, q));
  });

  r.add('DELETE', `${queuesPath}/{Sid}`, (req) => {
    const ws = workspaceOf(ctx, req);
    const q = childOf(queues, ws, 'TaskQueues', req.params.Sid);
    if (ctx.tables.tasks.count({ activeInQueue: q.sid }) > 0) {
      throw invalid(`TaskQueue ${q.sid} has active Tasks and cannot be deleted`);
    }
    if (ctx.tables.workflows.count({ routesTo: q.sid }) > 0) {
      throw invalid(`TaskQueue ${q.sid} is referenced by a Workflow and cannot be deleted`);
    }
    queues.delete(q.sid);
    return { status: 204 };
  });
}
