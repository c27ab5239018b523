/**
 * TaskRouter's records, one type per resource (each kind has its table, see ./tables.ts), plus how a
 * Workspace, TaskQueue or Workflow comes into being, which the REST handlers and the sample data share.
 * Times are epoch milliseconds.
 */
import { newSid } from '../../core/wire';
import { invalid, jsonObject } from './params';

export type TaskStatus = 'pending' | 'reserved' | 'assigned' | 'canceled' | 'completed' | 'wrapping';
export const TASK_STATUSES: readonly TaskStatus[] = ['pending', 'reserved', 'assigned', 'canceled', 'completed', 'wrapping'];
export type QueueOrder = 'FIFO' | 'LIFO';

/** Task Timeout in seconds: Twilio's default (one day) and its maximum (two weeks). */
export const DEFAULT_TASK_TIMEOUT = 86_400;
export const MAX_TASK_TIMEOUT = 1_209_600;

interface Stamped {
  sid: string;
  /** Creation order across every kind: lists keep records created within the same millisecond in order. */
  seq: number;
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

/** Records of every kind, as the sample data holds them. */
export interface TaskRouterRecords {
  workspaces: WorkspaceRecord[];
  activities: ActivityRecord[];
  channels: TaskChannelRecord[];
  queues: TaskQueueRecord[];
  workflows: WorkflowRecord[];
  workers: WorkerRecord[];
  tasks: TaskRecord[];
}

/** A Workspace as it comes into being, with the Activities and TaskChannels every Workspace has. */
export interface NewWorkspace {
  workspace: WorkspaceRecord;
  activities: ActivityRecord[];
  channels: TaskChannelRecord[];
}

/** The next value of the creation order (`seq`). */
export type NextSeq = () => number;

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

export function createWorkspace(friendlyName: string, at: number, nextSeq: NextSeq): NewWorkspace {
  const sid = newSid('WS');
  const activities = ACTIVITIES.map((a): ActivityRecord => ({
    sid: newSid('WA'),
    seq: nextSeq(),
    workspace_sid: sid,
    friendly_name: a.friendly_name,
    available: a.available,
    created: at,
    updated: at,
  }));
  const channels = CHANNELS.map((c): TaskChannelRecord => ({
    sid: newSid('TC'),
    seq: nextSeq(),
    workspace_sid: sid,
    friendly_name: c.friendly_name,
    unique_name: c.unique_name,
    channel_optimized_routing: false,
    created: at,
    updated: at,
  }));
  const workspace: WorkspaceRecord = {
    sid,
    seq: nextSeq(),
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
  return { workspace, activities, channels };
}

export function createQueue(workspace: string, friendlyName: string, at: number, nextSeq: NextSeq): TaskQueueRecord {
  return {
    sid: newSid('WQ'),
    seq: nextSeq(),
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
}

export function createWorkflow(
  workspace: string,
  friendlyName: string,
  configuration: string,
  at: number,
  nextSeq: NextSeq,
): WorkflowRecord {
  return {
    sid: newSid('WW'),
    seq: nextSeq(),
    workspace_sid: workspace,
    friendly_name: friendlyName,
    configuration,
    assignment_callback_url: null,
    fallback_assignment_callback_url: null,
    task_reservation_timeout: 120,
    created: at,
    updated: at,
  };
}

/** The configuration of a Workflow that sends every Task to one queue (the FIFO template's). */
export const defaultConfiguration = (queue: string): string =>
  JSON.stringify({ task_routing: { filters: [], default_filter: { queue } } });

/**
 * The queues a Workflow configuration routes to (its default_filter's and its filters' targets), in the
 * order it names them; 400 when the configuration is not shaped as TaskRouter expects.
 */
export function routedQueues(configuration: string): string[] {
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
  return queues;
}
