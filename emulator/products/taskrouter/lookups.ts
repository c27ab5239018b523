/**
 * How a request finds its records: the workspace in its path, a child resource of it (404 when absent or
 * in another workspace), and the references a form makes to other resources (400 when they do not hold).
 */
import type { EmuRequest } from '../../core/router';
import { notFound, Params } from '../../core/wire';
import type { TaskRouterContext } from './context';
import type { WorkspaceRecord } from './model';
import { invalid, jsonObject, sidParam } from './params';

export function workspaceOf(ctx: TaskRouterContext, req: EmuRequest): WorkspaceRecord {
  const sid = req.params.WorkspaceSid ?? req.params.Sid;
  const w = ctx.state().workspaces[sid];
  if (!w) throw notFound(`/v1/Workspaces/${sid}`);
  return w;
}

/** A child resource of the request's workspace, 404 when it is absent or in another workspace. */
export function childOf<T extends { workspace_sid: string }>(
  map: Record<string, T>,
  ws: WorkspaceRecord,
  kind: string,
  sid: string,
): T {
  const rec = map[sid];
  if (!rec || rec.workspace_sid !== ws.sid) throw notFound(`/v1/Workspaces/${ws.sid}/${kind}/${sid}`);
  return rec;
}

/** A workspace's records of one kind, oldest first (the order lists default to). */
export const inWorkspace = <T extends { workspace_sid: string; created: number }>(
  map: Record<string, T>,
  ws: WorkspaceRecord,
): T[] =>
  Object.values(map)
    .filter((x) => x.workspace_sid === ws.sid)
    .sort((a, b) => a.created - b.created);

export function activityParam(ctx: TaskRouterContext, ws: WorkspaceRecord, params: Params, key: string): string | undefined {
  const sid = sidParam(params, key, 'WA');
  if (sid === undefined) return undefined;
  const a = ctx.state().activities[sid];
  if (!a || a.workspace_sid !== ws.sid) throw invalid(`${key} ${sid} is not an Activity of workspace ${ws.sid}`);
  return sid;
}

/** A TaskChannel of the workspace named by sid or unique name (`voice`, `sms` ...). */
export function channelParam(ctx: TaskRouterContext, ws: WorkspaceRecord, value: string): string {
  const c = Object.values(ctx.state().channels).find(
    (x) => x.workspace_sid === ws.sid && (x.sid === value || x.unique_name === value),
  );
  if (!c) throw invalid(`TaskChannel ${value} does not exist in workspace ${ws.sid}`);
  return c.sid;
}

/** FriendlyName is unique per workspace among Activities, TaskQueues, Workflows and Workers; `self` may keep its own. */
export function uniqueName<T extends { workspace_sid: string; friendly_name: string; sid: string }>(
  ctx: TaskRouterContext,
  map: Record<string, T>,
  ws: WorkspaceRecord,
  name: string,
  noun: string,
  self?: string,
): void {
  if (Object.values(map).some((x) => x.workspace_sid === ws.sid && x.friendly_name === name && x.sid !== self)) {
    throw invalid(`${noun} named ${name} already exists for workspace ${ws.sid} for account ${ctx.account}`);
  }
}

/** The queues a Workflow configuration routes to; every one must be a queue of the workspace. */
export function workflowQueues(ctx: TaskRouterContext, ws: WorkspaceRecord, configuration: string): string[] {
  const config = jsonObject(configuration, 'Configuration');
  const routing = config.task_routing;
  if (!routing || typeof routing !== 'object' || Array.isArray(routing)) {
    throw invalid('Configuration must contain a task_routing object');
  }
  const { filters, default_filter: defaultFilter } = routing as Record<string, unknown>;
  const queues: string[] = [];
  if (defaultFilter && typeof defaultFilter === 'object' && 'queue' in defaultFilter && typeof defaultFilter.queue === 'string') {
    queues.push(defaultFilter.queue);
  }
  if (filters !== undefined && !Array.isArray(filters)) throw invalid('Configuration task_routing.filters must be an array');
  for (const f of (filters ?? []) as unknown[]) {
    const targets = f && typeof f === 'object' && 'targets' in f && Array.isArray(f.targets) ? (f.targets as unknown[]) : [];
    for (const t of targets) if (t && typeof t === 'object' && 'queue' in t && typeof t.queue === 'string') queues.push(t.queue);
  }
  for (const q of queues) {
    const rec = ctx.state().queues[q];
    if (!rec || rec.workspace_sid !== ws.sid)
      throw invalid(`Configuration routes to TaskQueue ${q}, which is not in workspace ${ws.sid}`);
  }
  return queues;
}
