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

let discoveredWorkspace: string | undefined;

/** TASKROUTER_WORKSPACE_SID, or the account's Flex workspace (looked up once per warm container). */
async function workspaceSid(client: TwilioClient, env: ServiceEnv): Promise<string> {
  if (env.TASKROUTER_WORKSPACE_SID) return env.TASKROUTER_WORKSPACE_SID;
  if (discoveredWorkspace) return discoveredWorkspace;
  const [first] = (await client.taskrouter.v1.workspaces.page({ pageSize: 1 })).instances;
  if (!first) throw new ApiError(500, 'CONFIGURATION_ERROR', 'No TaskRouter workspace exists; set TASKROUTER_WORKSPACE_SID');
  discoveredWorkspace = first.sid;
  return first.sid;
}

function parseAttributes(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** The newest tasks of the workspace. */
export async function recentTasks(client: TwilioClient, env: ServiceEnv, limit: number): Promise<TaskLogEntry[]> {
  const sid = await workspaceSid(client, env);
  const page = await client.taskrouter.v1.workspaces(sid).tasks.page({ pageSize: limit, ordering: 'DateCreated:desc' });
  return page.instances.map((t) => ({
    sid: t.sid,
    status: t.assignmentStatus,
    created_time: isoOrNull(t.dateCreated),
    attributes: parseAttributes(t.attributes),
  }));
}
