/**
 * TaskRouter's tables, one per resource kind. Every kind is listed in DateCreated order (creation order
 * within a millisecond, so a Workspace's six TaskChannels keep their order), and has an equality index
 * for each filter its list endpoint offers, so a listing reads only its page. Values that repeat across
 * workspaces (a status, a name) are indexed within their workspace; SIDs are unique on their own.
 *
 * A waiting Task (pending or reserved) expires at DateCreated + Timeout: the table's expiry heap finds the
 * due ones before any read of Tasks (O(expired), never a scan), and TaskRouter does not delete such a
 * Task but cancels it ("Task TTL Exceeded"), so the expired record is saved back canceled.
 */
import type { Emulator } from '../../core/emulator';
import type { Table } from '../../core/state';
import {
  ActivityRecord,
  NextSeq,
  routedQueues,
  TaskChannelRecord,
  TaskQueueRecord,
  TaskRecord,
  TaskRouterRecords,
  WorkerRecord,
  WorkflowRecord,
  WorkspaceRecord,
} from './model';
import { sampleRecords } from './sample';
import { deadline, isActive, isWaiting } from './task-lifecycle';

export interface TaskRouterTables {
  workspaces: Table<WorkspaceRecord>;
  activities: Table<ActivityRecord>;
  channels: Table<TaskChannelRecord>;
  queues: Table<TaskQueueRecord>;
  workflows: Table<WorkflowRecord>;
  workers: Table<WorkerRecord>;
  tasks: Table<TaskRecord>;
}

/** Listing order: DateCreated, then creation order. A string, so both fit one position. */
export const createdOrder = (r: { created: number; seq: number }): string =>
  `${String(r.created).padStart(15, '0')}.${String(r.seq).padStart(12, '0')}`;

/** An index value within one workspace (a FriendlyName, an AssignmentStatus ...). */
export const inWorkspace = (workspace: string, value: string): string => `${workspace}:${value}`;

/** Records of every kind are found by workspace (listings, and deleting a workspace with all it holds). */
const byWorkspace = { workspace: (r: { workspace_sid: string }) => r.workspace_sid };
const byName = {
  FriendlyName: (r: { workspace_sid: string; friendly_name: string }) => inWorkspace(r.workspace_sid, r.friendly_name),
};

/** The identities a Worker answers to in a Flex token: its contact_uri `client:<identity>` and its FriendlyName. */
function workerIdentities(w: WorkerRecord): string[] {
  let contact: unknown;
  try {
    contact = (JSON.parse(w.attributes) as Record<string, unknown>).contact_uri;
  } catch {
    contact = undefined;
  }
  const names = new Set([w.friendly_name]);
  if (typeof contact === 'string' && contact.startsWith('client:')) names.add(contact.slice('client:'.length));
  return [...names];
}

const unique = (values: (string | null)[]): string[] => [...new Set(values.filter((v): v is string => v !== null))];

/** Registers TaskRouter's tables (once, when the product registers). */
export function registerTables(emu: Emulator, nextSeq: NextSeq): TaskRouterTables {
  // The sample is one set of records spread over the tables. Tables are seeded in the order they are
  // registered (fresh start and reset): the first one's seed builds the sample, the others take their share.
  let sample: TaskRouterRecords | undefined;
  const seed =
    <K extends keyof TaskRouterRecords>(kind: K) =>
    (): TaskRouterRecords[K] => {
      if (kind === 'workspaces') sample = sampleRecords(Date.now(), nextSeq);
      const share = sample?.[kind] ?? [];
      if (kind === 'tasks') sample = undefined;
      return share;
    };
  const common = { key: (r: { sid: string }) => r.sid, position: createdOrder };

  const workspaces = emu.state.table<WorkspaceRecord>('taskrouter-workspaces', {
    ...common,
    indexes: { FriendlyName: (w) => w.friendly_name },
    seed: seed('workspaces'),
  });
  const activities = emu.state.table<ActivityRecord>('taskrouter-activities', {
    ...common,
    indexes: { ...byWorkspace, ...byName, Available: (a) => inWorkspace(a.workspace_sid, String(a.available)) },
    seed: seed('activities'),
  });
  const channels = emu.state.table<TaskChannelRecord>('taskrouter-channels', {
    ...common,
    indexes: { ...byWorkspace, UniqueName: (c) => inWorkspace(c.workspace_sid, c.unique_name) },
    seed: seed('channels'),
  });
  const queues = emu.state.table<TaskQueueRecord>('taskrouter-queues', {
    ...common,
    indexes: {
      ...byWorkspace,
      ...byName,
      activity: (q) => unique([q.assignment_activity_sid, q.reservation_activity_sid]),
    },
    seed: seed('queues'),
  });
  const workflows = emu.state.table<WorkflowRecord>('taskrouter-workflows', {
    ...common,
    // Only valid configurations are ever saved, so reading one back cannot fail.
    indexes: { ...byWorkspace, ...byName, routesTo: (f) => unique(routedQueues(f.configuration)) },
    seed: seed('workflows'),
  });
  const workers = emu.state.table<WorkerRecord>('taskrouter-workers', {
    ...common,
    indexes: { ...byWorkspace, ...byName, ActivitySid: (w) => w.activity_sid, identity: workerIdentities },
    seed: seed('workers'),
  });
  const tasks: Table<TaskRecord> = emu.state.table<TaskRecord>('taskrouter-tasks', {
    ...common,
    indexes: {
      ...byWorkspace,
      AssignmentStatus: (t) => inWorkspace(t.workspace_sid, t.assignment_status),
      Priority: (t) => inWorkspace(t.workspace_sid, String(t.priority)),
      WorkflowSid: (t) => t.workflow_sid ?? undefined,
      TaskQueueSid: (t) => t.task_queue_sid ?? undefined,
      RoutingTarget: (t) => (t.routing_target === null ? undefined : inWorkspace(t.workspace_sid, t.routing_target)),
      // What keeps a TaskQueue or a Workflow from being deleted.
      activeInQueue: (t) => (isActive(t) && t.task_queue_sid !== null ? t.task_queue_sid : undefined),
      activeInWorkflow: (t) => (isActive(t) && t.workflow_sid !== null ? t.workflow_sid : undefined),
    },
    expires: (t) => (isWaiting(t) ? deadline(t) : null),
    onExpired: (t) => {
      t.assignment_status = 'canceled';
      t.reason = 'Task TTL Exceeded';
      // It happened at the deadline, whenever the emulator notices.
      t.updated = deadline(t);
      tasks.save(t);
    },
    seed: seed('tasks'),
  });
  return { workspaces, activities, channels, queues, workflows, workers, tasks };
}
