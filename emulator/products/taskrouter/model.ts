/**
 * TaskRouter's persisted state: one record type per resource and the slice that holds them, plus how a
 * Workspace, TaskQueue or Workflow comes into being, which the REST handlers and the sample data share.
 * Times are epoch milliseconds.
 */
import { newSid } from '../../core/wire';

export type TaskStatus = 'pending' | 'reserved' | 'assigned' | 'canceled' | 'completed' | 'wrapping';
export const TASK_STATUSES: readonly TaskStatus[] = ['pending', 'reserved', 'assigned', 'canceled', 'completed', 'wrapping'];
export type QueueOrder = 'FIFO' | 'LIFO';

/** Task Timeout in seconds: Twilio's default (one day) and its maximum (two weeks). */
export const DEFAULT_TASK_TIMEOUT = 86_400;
export const MAX_TASK_TIMEOUT = 1_209_600;

interface Stamped {
  sid: string;
  created: number;
  updated: number;
}

export interface WorkspaceRecord extends Stamped {
  friendly_name: string;
  event_callback_url: string | null;
  events_filter: string | null;
  multi_task_enabled: boolean;
  prioritize_queue_order: QueueOrder;
  default_activity_sid: string;
  timeout_activity_sid: string;
}

export interface ActivityRecord extends Stamped {
  workspace_sid: string;
  friendly_name: string;
  available: boolean;
}

export interface TaskChannelRecord extends Stamped {
  workspace_sid: string;
  friendly_name: string;
  unique_name: string;
  channel_optimized_routing: boolean;
}

export interface TaskQueueRecord extends Stamped {
  workspace_sid: string;
  friendly_name: string;
  target_workers: string;
  max_reserved_workers: number;
  task_order: QueueOrder;
  reservation_activity_sid: string | null;
  assignment_activity_sid: string | null;
}

export interface WorkflowRecord extends Stamped {
  workspace_sid: string;
  friendly_name: string;
  configuration: string;
  assignment_callback_url: string | null;
  fallback_assignment_callback_url: string | null;
  task_reservation_timeout: number;
}

export interface WorkerRecord extends Stamped {
  workspace_sid: string;
  friendly_name: string;
  attributes: string;
  activity_sid: string;
  status_changed: number;
}

export interface TaskRecord extends Stamped {
  /** Creation order, to sort Tasks created within the same millisecond. */
  seq: number;
  workspace_sid: string;
  attributes: string;
  assignment_status: TaskStatus;
  priority: number;
  timeout: number;
  reason: string | null;
  workflow_sid: string | null;
  task_queue_sid: string | null;
  task_channel_sid: string;
  queue_entered: number | null;
  virtual_start: number;
  routing_target: string | null;
  ignore_capacity: boolean;
}

export interface TaskRouterState {
  seq: number;
  workspaces: Record<string, WorkspaceRecord>;
  activities: Record<string, ActivityRecord>;
  channels: Record<string, TaskChannelRecord>;
  queues: Record<string, TaskQueueRecord>;
  workflows: Record<string, WorkflowRecord>;
  workers: Record<string, WorkerRecord>;
  tasks: Record<string, TaskRecord>;
}

export const emptyState = (): TaskRouterState => ({
  seq: 0,
  workspaces: {},
  activities: {},
  channels: {},
  queues: {},
  workflows: {},
  workers: {},
  tasks: {},
});

/** What every new Workspace starts with, as Flex's does: the first Activity is its default and timeout one. */
const ACTIVITIES: { friendly_name: string; available: boolean }[] = [
  { friendly_name: 'Offline', available: false },
  { friendly_name: 'Available', available: true },
  { friendly_name: 'Unavailable', available: false },
];
const CHANNELS: { friendly_name: string; unique_name: string }[] = [
  { friendly_name: 'Default', unique_name: 'default' },
  { friendly_name: 'Voice', unique_name: 'voice' },
  { friendly_name: 'SMS', unique_name: 'sms' },
  { friendly_name: 'Chat', unique_name: 'chat' },
  { friendly_name: 'Video', unique_name: 'video' },
  { friendly_name: 'Email', unique_name: 'email' },
];

export function createWorkspace(s: TaskRouterState, friendlyName: string, at: number): WorkspaceRecord {
  const sid = newSid('WS');
  const activities = ACTIVITIES.map((a) => {
    const rec: ActivityRecord = {
      sid: newSid('WA'),
      workspace_sid: sid,
      friendly_name: a.friendly_name,
      available: a.available,
      created: at,
      updated: at,
    };
    s.activities[rec.sid] = rec;
    return rec;
  });
  for (const c of CHANNELS) {
    const rec: TaskChannelRecord = {
      sid: newSid('TC'),
      workspace_sid: sid,
      friendly_name: c.friendly_name,
      unique_name: c.unique_name,
      channel_optimized_routing: false,
      created: at,
      updated: at,
    };
    s.channels[rec.sid] = rec;
  }
  const w: WorkspaceRecord = {
    sid,
    friendly_name: friendlyName,
    event_callback_url: null,
    events_filter: null,
    multi_task_enabled: true,
    prioritize_queue_order: 'FIFO',
    default_activity_sid: activities[0].sid,
    timeout_activity_sid: activities[0].sid,
    created: at,
    updated: at,
  };
  s.workspaces[sid] = w;
  return w;
}

export function createQueue(s: TaskRouterState, workspace: string, friendlyName: string, at: number): TaskQueueRecord {
  const q: TaskQueueRecord = {
    sid: newSid('WQ'),
    workspace_sid: workspace,
    friendly_name: friendlyName,
    target_workers: '1==1',
    max_reserved_workers: 1,
    task_order: 'FIFO',
    reservation_activity_sid: null,
    assignment_activity_sid: null,
    created: at,
    updated: at,
  };
  s.queues[q.sid] = q;
  return q;
}

export function createWorkflow(
  s: TaskRouterState,
  workspace: string,
  friendlyName: string,
  configuration: string,
  at: number,
): WorkflowRecord {
  const f: WorkflowRecord = {
    sid: newSid('WW'),
    workspace_sid: workspace,
    friendly_name: friendlyName,
    configuration,
    assignment_callback_url: null,
    fallback_assignment_callback_url: null,
    task_reservation_timeout: 120,
    created: at,
    updated: at,
  };
  s.workflows[f.sid] = f;
  return f;
}

/** The configuration of a Workflow that sends every Task to one queue (the FIFO template's). */
export const defaultConfiguration = (queue: string): string =>
  JSON.stringify({ task_routing: { filters: [], default_filter: { queue } } });
