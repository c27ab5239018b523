/**
 * Workflows: /v1/Workspaces/{WorkspaceSid}/Workflows[/{Sid}]. The Configuration must be a JSON object whose
 * task_routing names queues of the workspace; its filter expressions are stored, not evaluated. A Workflow
 * with active Tasks cannot be deleted.
 */
import { json } from '../../core/router';
import { first, Params, readPage } from '../../core/wire';
import { PREFIX, TaskRouterContext } from './context';
import { listPage } from './listing';
import { childOf, uniqueName, workflowQueues, workspaceOf } from './lookups';
import type { WorkflowRecord, WorkspaceRecord } from './model';
import { createWorkflow } from './model';
import { friendlyName, integer, invalid, required, url } from './params';
import { inWorkspace } from './tables';
import { childUrl, listReply, workflowWire } from './wire';

export function registerWorkflows(ctx: TaskRouterContext): void {
  const r = ctx.router;
  const workflowsPath = `${PREFIX}/{WorkspaceSid}/Workflows`;
  const { workflows } = ctx.tables;

  /** Applies the form's settings to `f`, a copy that is saved only when the whole form holds. */
  const applyWorkflow = (ws: WorkspaceRecord, f: WorkflowRecord, form: Params): void => {
    const name = friendlyName(form);
    if (name !== undefined) {
      uniqueName(ctx, workflows, ws, name, 'Workflow', f.sid);
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
    const request = readPage(req.query);
    const eq: Record<string, string> = { workspace: ws.sid };
    if (name !== undefined) eq.FriendlyName = inWorkspace(ws.sid, name);
    const found = listPage(workflows, { eq }, request);
    return listReply('workflows', childUrl(ws.sid, 'Workflows'), request, found, (f) => workflowWire(ctx, f), {
      FriendlyName: name,
    });
  });

  r.add('POST', workflowsPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const name = required(req.form, 'FriendlyName');
    const configuration = required(req.form, 'Configuration');
    workflowQueues(ctx, ws, configuration);
    uniqueName(ctx, workflows, ws, name, 'Workflow');
    const f = createWorkflow(ws.sid, name, configuration, Date.now(), ctx.nextSeq);
    applyWorkflow(ws, f, req.form);
    workflows.save(f);
    return json(201, workflowWire(ctx, f));
  });

  r.add('GET', `${workflowsPath}/{Sid}`, (req) =>
    json(200, workflowWire(ctx, childOf(workflows, workspaceOf(ctx, req), 'Workflows', req.params.Sid))),
  );

  r.add('POST', `${workflowsPath}/{Sid}`, (req) => {
    const ws = workspaceOf(ctx, req);
    const f = { ...childOf(workflows, ws, 'Workflows', req.params.Sid) };
    applyWorkflow(ws, f, req.form);
    f.updated = Date.now();
    workflows.save(f);
    return json(200, workflowWire(ctx, f));
  });

  r.add('DELETE', `${workflowsPath}/{Sid}`, (req) => {
    const ws = workspaceOf(ctx, req);
    const f = childOf(workflows, ws, 'Workflows', req.params.Sid);
    if (ctx.tables.tasks.count({ activeInWorkflow: f.sid }) > 0) {
      throw invalid(`Workflow ${f.sid} has active Tasks and cannot be deleted`);
    }
    workflows.delete(f.sid);
    return { status: 204 };
  });
}
