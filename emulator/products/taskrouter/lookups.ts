/**
 * How a request finds its records: the workspace in its path, a child resource of it (404 when absent or
 * in another workspace), and the references a form makes to other resources (400 when they do not hold).
 * Every look-up goes through a key or an index.
 */
import type { EmuRequest } from '../../core/router';
import type { Table } from '../../core/state';
import { notFound, Params } from '../../core/wire';
import type { TaskRouterContext } from './context';
import { routedQueues, TaskChannelRecord, WorkspaceRecord } from './model';
import { invalid, sidParam } from './params';
import { inWorkspace } from './tables';

export function workspaceOf(ctx: TaskRouterContext, req: EmuRequest): WorkspaceRecord {
  const sid = req.params.WorkspaceSid ?? req.params.Sid;
  const w = ctx.tables.workspaces.get(sid);
  if (!w) throw notFound(`/v1/Workspaces/${sid}`);
  return w;
}

/** A record of the workspace, or undefined when it is absent or in another workspace. */
export function inWorkspaceBySid<T extends { workspace_sid: string }>(
  table: Table<T>,
  ws: WorkspaceRecord,
  sid: string,
): T | undefined {
  const rec = table.get(sid);
  return rec && rec.workspace_sid === ws.sid ? rec : undefined;
}

/** A child resource of the request's workspace, 404 when it is absent or in another workspace. */
export function childOf<T extends { workspace_sid: string }>(table: Table<T>, ws: WorkspaceRecord, kind: string, sid: string): T {
  const rec = inWorkspaceBySid(table, ws, sid);
  if (!rec) throw notFound(`/v1/Workspaces/${ws.sid}/${kind}/${sid}`);
  return rec;
}

/** The record of the workspace with this FriendlyName (unique per workspace), if any. */
export function namedInWorkspace<T extends { workspace_sid: string; friendly_name: string }>(
  table: Table<T>,
  ws: WorkspaceRecord,
  name: string,
): T | undefined {
  return table.page({ eq: { FriendlyName: inWorkspace(ws.sid, name) }, limit: 1 }).items[0];
}

export function activityParam(ctx: TaskRouterContext, ws: WorkspaceRecord, params: Params, key: string): string | undefined {
  const sid = sidParam(params, key, 'WA');
  if (sid === undefined) return undefined;
  if (!inWorkspaceBySid(ctx.tables.activities, ws, sid)) throw invalid(`${key} ${sid} is not an Activity of workspace ${ws.sid}`);
  return sid;
}

/** A TaskChannel of the workspace named by sid or unique name (`voice`, `sms` ...). */
export function channelParam(ctx: TaskRouterContext, ws: WorkspaceRecord, value: string): string {
  const c = findChannel(ctx, ws, value);
  if (!c) throw invalid(`TaskChannel ${value} does not exist in workspace ${ws.sid}`);
  return c.sid;
}

export function findChannel(ctx: TaskRouterContext, ws: WorkspaceRecord, value: string): TaskChannelRecord | undefined {
  const { channels } = ctx.tables;
  return (
    inWorkspaceBySid(channels, ws, value) ?? channels.page({ eq: { UniqueName: inWorkspace(ws.sid, value) }, limit: 1 }).items[0]
  );
}

/** FriendlyName is unique per workspace among Activities, TaskQueues, Workflows and Workers; `self` may keep its own. */
export function uniqueName<T extends { workspace_sid: string; friendly_name: string; sid: string }>(
  ctx: TaskRouterContext,
  table: Table<T>,
  ws: WorkspaceRecord,
  name: string,
  noun: string,
  self?: string,
): void {
  const holders = table.page({ eq: { FriendlyName: inWorkspace(ws.sid, name) }, limit: 2 }).items;
  if (holders.some((x) => x.sid !== self)) {
    throw invalid(`${noun} named ${name} already exists for workspace ${ws.sid} for account ${ctx.account}`);
  }
}

/** The queues a Workflow configuration routes to; every one must be a queue of the workspace. */
export function workflowQueues(ctx: TaskRouterContext, ws: WorkspaceRecord, configuration: string): string[] {
  const queues = routedQueues(configuration);
  for (const q of queues) {
    if (!inWorkspaceBySid(ctx.tables.queues, ws, q))
      throw invalid(`Configuration routes to TaskQueue ${q}, which is not in workspace ${ws.sid}`);
  }
  return queues;
}
