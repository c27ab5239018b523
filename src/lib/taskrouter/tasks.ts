/**
 * TaskRouter task history for the Flex plugin.
 */
import { ApiError } from '../runtime/errors';
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { isoOrNull } from '../time';

export interface TaskLogEntry {
  sid: string;
  status: string;
  created_time: string | null;
  attributes: unknown;
}

/** The account's first workspace, looked up once per warm container when none is configured. */
let discoveredWorkspace: string | undefined;

async function discoverWorkspace(client: TwilioClient): Promise<string> {
  const [first] = (await client.taskrouter.v1.workspaces.page({ pageSize: 1 })).instances;
  if (!first) throw new ApiError(500, 'CONFIGURATION_ERROR', 'No TaskRouter workspace exists; set TASKROUTER_WORKSPACE_SID');
  discoveredWorkspace = first.sid;
  return first.sid;
}

function isNotFound(err: unknown): boolean {
  return (err as { status?: unknown } | null)?.status === 404;
}

function parseAttributes(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

async function tasksOf(client: TwilioClient, workspaceSid: string, limit: number): Promise<TaskLogEntry[]> {
  const page = await client.taskrouter.v1.workspaces(workspaceSid).tasks.page({ pageSize: limit, ordering: 'DateCreated:desc' });
  return page.instances.map((t) => ({
    sid: t.sid,
    status: t.assignmentStatus,
    created_time: isoOrNull(t.dateCreated),
    attributes: parseAttributes(t.attributes),
  }));
}

/** The newest tasks of TASKROUTER_WORKSPACE_SID, or of the account's first workspace. */
export async function recentTasks(client: TwilioClient, env: ServiceEnv, limit: number): Promise<TaskLogEntry[]> {
  if (env.TASKROUTER_WORKSPACE_SID) return tasksOf(client, env.TASKROUTER_WORKSPACE_SID, limit);
  const remembered = discoveredWorkspace;
  if (!remembered) return tasksOf(client, await discoverWorkspace(client), limit);
  try {
    return await tasksOf(client, remembered, limit);
  } catch (err) {
    // The remembered workspace was deleted (or the account's workspaces recreated): look again, once.
    if (!isNotFound(err)) throw err;
    discoveredWorkspace = undefined;
    return tasksOf(client, await discoverWorkspace(client), limit);
  }
}
