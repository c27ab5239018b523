/**
 * Workflows: /v1/Workspaces/{WorkspaceSid}/Workflows[/{Sid}]. The Configuration must be a JSON object whose
 * task_routing names queues of the workspace; its filter expressions are stored, not evaluated. A Workflow
 * with active Tasks cannot be deleted.
 */
import { json } from '../../core/router';
import { first, Params } from '../../core/wire';
import { PREFIX, TaskRouterContext } from './context';
import { childOf, inWorkspace, uniqueName, workflowQueues, workspaceOf } from './lookups';
import type { WorkflowRecord, WorkspaceRecord } from './model';
import { createWorkflow } from './model';
import { friendlyName, integer, invalid, required, url } from './params';
import { expireTasks, isActive } from './task-lifecycle';
import { childUrl, listReply, workflowWire } from './wire';

export function registerWorkflows(ctx: TaskRouterContext): void {
  const r = ctx.router;
  const workflowsPath = `${PREFIX}/{WorkspaceSid}/Workflows`;

  /** Applies the form's settings to `f`; the caller undoes a half-applied form when this throws. */
  const applyWorkflow = (ws: WorkspaceRecord, f: WorkflowRecord, form: Params): void => {
    const name = friendlyName(form);
    if (name !== undefined) {
      uniqueName(ctx, ctx.state().workflows, ws, name, 'Workflow', f.sid);
      f.friendly_name = name;
    }
    const configuration = first(form, 'Configuration');
    if (configuration !== undefined) {
      workflowQueues(ctx, ws, configuration);
      f.configuration = configuration;
    }
    const cb = url(first(form, 'AssignmentCallbackUrl'), 'AssignmentCallbackUrl');
    if (cb !== undefined) f.assignment_callback_url = cb || null;
    const fallback = url(first(form, 'FallbackAssignmentCallbackUrl'), 'FallbackAssignmentCallbackUrl');
    if (fallback !== undefined) f.fallback_assignment_callback_url = fallback || null;
    f.task_reservation_timeout = integer(form, 'TaskReservationTimeout', 1, 86_400) ?? f.task_reservation_timeout;
  };

  r.add('GET', workflowsPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const name = first(req.query, 'FriendlyName');
    const items = inWorkspace(ctx.state().workflows, ws)
      .filter((f) => (name === undefined ? true : f.friendly_name === name))
      .map((f) => workflowWire(ctx, f));
    return listReply(req, 'workflows', childUrl(ws.sid, 'Workflows'), items, { FriendlyName: name });
  });

  r.add('POST', workflowsPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const name = required(req.form, 'FriendlyName');
    const configuration = required(req.form, 'Configuration');
    workflowQueues(ctx, ws, configuration);
    uniqueName(ctx, ctx.state().workflows, ws, name, 'Workflow');
    const f = createWorkflow(ctx.state(), ws.sid, name, configuration, Date.now());
    try {
      applyWorkflow(ws, f, req.form);
    } catch (err) {
      delete ctx.state().workflows[f.sid];
      throw err;
    }
    ctx.changed();
    return json(201, workflowWire(ctx, f));
  });

  r.add('GET', `${workflowsPath}/{Sid}`, (req) =>
    json(200, workflowWire(ctx, childOf(ctx.state().workflows, workspaceOf(ctx, req), 'Workflows', req.params.Sid))),
  );

  r.add('POST', `${workflowsPath}/{Sid}`, (req) => {
    const ws = workspaceOf(ctx, req);
    const f = childOf(ctx.state().workflows, ws, 'Workflows', req.params.Sid);
    const before = { ...f };
    try {
      applyWorkflow(ws, f, req.form);
    } catch (err) {
      Object.assign(f, before);
      throw err;
    }
    f.updated = Date.now();
    ctx.changed();
    return json(200, workflowWire(ctx, f));
  });

  r.add('DELETE', `${workflowsPath}/{Sid}`, (req) => {
    const ws = workspaceOf(ctx, req);
    const f = childOf(ctx.state().workflows, ws, 'Workflows', req.params.Sid);
    expireTasks(ctx);
    if (Object.values(ctx.state().tasks).some((t) => t.workflow_sid === f.sid && isActive(t))) {
      throw invalid(`Workflow ${f.sid} has active Tasks and cannot be deleted`);
    }
    delete ctx.state().workflows[f.sid];
    ctx.changed();
    return { status: 204 };
  });
}
