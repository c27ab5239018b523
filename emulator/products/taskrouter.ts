/**
 * TaskRouter v1: Workspaces with their Activities, TaskChannels, TaskQueues, Workflows, Workers and Tasks.
 *
 * A fresh emulator holds the workspace Flex creates ("Flex Task Assignment": activities Offline / Available /
 * Unavailable, the usual task channels, queue "Everyone", workflow "Assign to Anyone"), two sample Workers
 * (alice, available; bob, offline) and six sample Tasks in various states spread over the last days, so
 * "the last 50 tasks" is never empty.
 *
 * What is emulated and what is not:
 * - Task lifecycle as the REST API allows it: canceled only from pending/reserved, wrapping only from
 *   assigned, completed only from assigned/wrapping; anything else is 400 (code 20001, Twilio's wording).
 *   A pending/reserved Task older than its Timeout is canceled with reason "Task TTL Exceeded" (checked
 *   whenever Tasks are read). Completed/canceled Tasks are kept (Twilio deletes them after a while).
 * - No routing engine: a new Task stays `pending` in the queue its Workflow's `default_filter` (or first
 *   filter target) names; reservations, statistics and events are not emulated. Workflow filter expressions,
 *   EvaluateTaskAttributes and TargetWorkersExpression are not evaluated (400 when a list asks for them).
 * - Task lists default to ascending DateCreated, as Twilio documents; pass `Ordering=DateCreated:desc`
 *   for newest first.
 */
import type { Emulator } from '../core/emulator';
import { json, EmuRequest } from '../core/router';
import { all, badParam, first, iso8601, newSid, notFound, pageV1, Params, readPage } from '../core/wire';

const HOST = 'https://taskrouter.twilio.com/v1';
const PREFIX = '/taskrouter/v1/Workspaces';

export type TaskStatus = 'pending' | 'reserved' | 'assigned' | 'canceled' | 'completed' | 'wrapping';
const TASK_STATUSES: readonly TaskStatus[] = ['pending', 'reserved', 'assigned', 'canceled', 'completed', 'wrapping'];
type QueueOrder = 'FIFO' | 'LIFO';

interface Stamped {
  sid: string;
  created: number;
  updated: number;
}

interface WorkspaceRecord extends Stamped {
  friendly_name: string;
  event_callback_url: string | null;
  events_filter: string | null;
  multi_task_enabled: boolean;
  prioritize_queue_order: QueueOrder;
  default_activity_sid: string;
  timeout_activity_sid: string;
}

interface ActivityRecord extends Stamped {
  workspace_sid: string;
  friendly_name: string;
  available: boolean;
}

interface TaskChannelRecord extends Stamped {
  workspace_sid: string;
  friendly_name: string;
  unique_name: string;
  channel_optimized_routing: boolean;
}

interface TaskQueueRecord extends Stamped {
  workspace_sid: string;
  friendly_name: string;
  target_workers: string;
  max_reserved_workers: number;
  task_order: QueueOrder;
  reservation_activity_sid: string | null;
  assignment_activity_sid: string | null;
}

interface WorkflowRecord extends Stamped {
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

interface TaskRecord extends Stamped {
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

interface TaskRouterState {
  seq: number;
  workspaces: Record<string, WorkspaceRecord>;
  activities: Record<string, ActivityRecord>;
  channels: Record<string, TaskChannelRecord>;
  queues: Record<string, TaskQueueRecord>;
  workflows: Record<string, WorkflowRecord>;
  workers: Record<string, WorkerRecord>;
  tasks: Record<string, TaskRecord>;
}

const SLICE = 'taskrouter';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DEFAULT_TASK_TIMEOUT = 86_400;
const MAX_TASK_TIMEOUT = 1_209_600;

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

const emptyState = (): TaskRouterState => ({
  seq: 0,
  workspaces: {},
  activities: {},
  channels: {},
  queues: {},
  workflows: {},
  workers: {},
  tasks: {},
});

// ---- parameter parsing -------------------------------------------------------------------------------

const invalid = (message: string): Error => badParam(message, 20001);

function required(form: Params, key: string): string {
  const v = first(form, key);
  if (v === undefined || v === '') throw invalid(`Missing required parameter ${key} in the post body`);
  return v;
}

function integer(params: Params, key: string, min: number, max: number): number | undefined {
  const v = first(params, key);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    throw invalid(`Invalid value for ${key}: ${v} (an integer from ${min} to ${max} is expected)`);
  }
  return n;
}

function boolean(params: Params, key: string): boolean | undefined {
  const v = first(params, key);
  if (v === undefined) return undefined;
  const lower = v.toLowerCase();
  if (lower === 'true' || lower === '1' || lower === 'yes') return true;
  if (lower === 'false' || lower === '0' || lower === 'no') return false;
  throw invalid(`Invalid value for ${key}: ${v} (true or false is expected)`);
}

function queueOrder(params: Params, key: string): QueueOrder | undefined {
  const v = first(params, key);
  if (v === undefined) return undefined;
  if (v !== 'FIFO' && v !== 'LIFO') throw invalid(`Invalid value for ${key}: ${v} (FIFO or LIFO is expected)`);
  return v;
}

/** A JSON object as a string, as Twilio stores Attributes and Configuration. */
function jsonObject(value: string, key: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw invalid(`${key} must be a valid JSON object: ${value}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw invalid(`${key} must be a valid JSON object: ${value}`);
  return parsed as Record<string, unknown>;
}

function url(value: string | undefined, key: string): string | undefined {
  if (value === undefined || value === '') return value;
  if (!/^https?:\/\/\S+$/.test(value)) throw invalid(`${key} is not a valid URL: ${value}`);
  return value;
}

function sidParam(params: Params, key: string, prefix: string): string | undefined {
  const v = first(params, key);
  if (v === undefined) return undefined;
  if (!new RegExp(`^${prefix}[0-9a-fA-F]{32}$`).test(v)) throw invalid(`Invalid ${key}: ${v}`);
  return v;
}

type Direction = 1 | -1;
type SortKey = 'DateCreated' | 'Priority' | 'VirtualStartTime' | 'DateStatusChanged';

/** `Attribute:asc|desc[,Attribute:asc|desc]`, the attributes allowed for the resource. */
function ordering(value: string | undefined, allowed: readonly SortKey[]): [SortKey, Direction][] {
  if (value === undefined || value === '') return [];
  const keys = value.split(',').map((part): [SortKey, Direction] => {
    const [attr, dir = 'asc'] = part.trim().split(':');
    const key = allowed.find((k) => k === attr);
    if (!key || (dir !== 'asc' && dir !== 'desc')) {
      throw invalid(`Invalid Ordering: ${value} (use Attribute:asc or Attribute:desc with ${allowed.join(', ')})`);
    }
    return [key, dir === 'asc' ? 1 : -1];
  });
  const names = keys.map(([k]) => k);
  if (new Set(names).size !== names.length) throw invalid(`Invalid Ordering: ${value} (an attribute is repeated)`);
  if (names.includes('DateCreated') && names.includes('VirtualStartTime')) {
    throw invalid('Invalid Ordering: DateCreated and VirtualStartTime cannot be combined');
  }
  return keys;
}

// ---- the module ------------------------------------------------------------------------------------------

/** The SID of the Worker whose contact_uri is `client:<identity>` (or whose friendly_name is the identity). */
export function workerSidForIdentity(emu: Emulator, identity: string): string | null {
  const state = emu.state.slice<TaskRouterState>(SLICE, () => seed());
  for (const w of Object.values(state.workers)) {
    let contact: unknown;
    try {
      contact = (JSON.parse(w.attributes) as Record<string, unknown>).contact_uri;
    } catch {
      contact = undefined;
    }
    if (contact === `client:${identity}` || w.friendly_name === identity) return w.sid;
  }
  return null;
}

export function registerTaskRouter(emu: Emulator): void {
  const state = (): TaskRouterState => emu.state.slice<TaskRouterState>(SLICE, () => seed());
  const changed = (): void => emu.state.changed();
  const account = emu.accountSid;
  const r = emu.router;

  // URLs ------------------------------------------------------------------------------------------------
  const wsUrl = (ws: string): string => `${HOST}/Workspaces/${ws}`;
  const childUrl = (ws: string, kind: string, sid?: string): string => `${wsUrl(ws)}/${kind}${sid ? `/${sid}` : ''}`;

  // Wire shapes -----------------------------------------------------------------------------------------
  const workspaceWire = (w: WorkspaceRecord): Record<string, unknown> => {
    const s = state();
    const u = wsUrl(w.sid);
    return {
      account_sid: account,
      date_created: iso8601(w.created),
      date_updated: iso8601(w.updated),
      default_activity_name: s.activities[w.default_activity_sid]?.friendly_name ?? null,
      default_activity_sid: w.default_activity_sid,
      event_callback_url: w.event_callback_url,
      events_filter: w.events_filter,
      friendly_name: w.friendly_name,
      multi_task_enabled: w.multi_task_enabled,
      sid: w.sid,
      timeout_activity_name: s.activities[w.timeout_activity_sid]?.friendly_name ?? null,
      timeout_activity_sid: w.timeout_activity_sid,
      prioritize_queue_order: w.prioritize_queue_order,
      url: u,
      links: {
        activities: `${u}/Activities`,
        cumulative_statistics: `${u}/CumulativeStatistics`,
        events: `${u}/Events`,
        real_time_statistics: `${u}/RealTimeStatistics`,
        statistics: `${u}/Statistics`,
        task_channels: `${u}/TaskChannels`,
        task_queues: `${u}/TaskQueues`,
        tasks: `${u}/Tasks`,
        workers: `${u}/Workers`,
        workflows: `${u}/Workflows`,
      },
    };
  };

  const activityWire = (a: ActivityRecord): Record<string, unknown> => ({
    account_sid: account,
    available: a.available,
    date_created: iso8601(a.created),
    date_updated: iso8601(a.updated),
    friendly_name: a.friendly_name,
    sid: a.sid,
    workspace_sid: a.workspace_sid,
    url: childUrl(a.workspace_sid, 'Activities', a.sid),
    links: { workspace: wsUrl(a.workspace_sid) },
  });

  const channelWire = (c: TaskChannelRecord): Record<string, unknown> => ({
    account_sid: account,
    date_created: iso8601(c.created),
    date_updated: iso8601(c.updated),
    friendly_name: c.friendly_name,
    sid: c.sid,
    unique_name: c.unique_name,
    workspace_sid: c.workspace_sid,
    channel_optimized_routing: c.channel_optimized_routing,
    url: childUrl(c.workspace_sid, 'TaskChannels', c.sid),
    links: { workspace: wsUrl(c.workspace_sid) },
  });

  const queueWire = (q: TaskQueueRecord): Record<string, unknown> => {
    const s = state();
    const u = childUrl(q.workspace_sid, 'TaskQueues', q.sid);
    const links: Record<string, string> = {
      workspace: wsUrl(q.workspace_sid),
      statistics: `${u}/Statistics`,
      real_time_statistics: `${u}/RealTimeStatistics`,
      cumulative_statistics: `${u}/CumulativeStatistics`,
      list_statistics: `${childUrl(q.workspace_sid, 'TaskQueues')}/Statistics`,
    };
    if (q.assignment_activity_sid) links.assignment_activity = childUrl(q.workspace_sid, 'Activities', q.assignment_activity_sid);
    if (q.reservation_activity_sid)
      links.reservation_activity = childUrl(q.workspace_sid, 'Activities', q.reservation_activity_sid);
    return {
      account_sid: account,
      assignment_activity_sid: q.assignment_activity_sid,
      assignment_activity_name: q.assignment_activity_sid
        ? (s.activities[q.assignment_activity_sid]?.friendly_name ?? null)
        : null,
      date_created: iso8601(q.created),
      date_updated: iso8601(q.updated),
      friendly_name: q.friendly_name,
      max_reserved_workers: q.max_reserved_workers,
      reservation_activity_sid: q.reservation_activity_sid,
      reservation_activity_name: q.reservation_activity_sid
        ? (s.activities[q.reservation_activity_sid]?.friendly_name ?? null)
        : null,
      sid: q.sid,
      target_workers: q.target_workers,
      task_order: q.task_order,
      url: u,
      workspace_sid: q.workspace_sid,
      links,
    };
  };

  const workflowWire = (f: WorkflowRecord): Record<string, unknown> => {
    const u = childUrl(f.workspace_sid, 'Workflows', f.sid);
    return {
      account_sid: account,
      assignment_callback_url: f.assignment_callback_url,
      configuration: f.configuration,
      date_created: iso8601(f.created),
      date_updated: iso8601(f.updated),
      document_content_type: 'application/json',
      fallback_assignment_callback_url: f.fallback_assignment_callback_url,
      friendly_name: f.friendly_name,
      sid: f.sid,
      task_reservation_timeout: f.task_reservation_timeout,
      workspace_sid: f.workspace_sid,
      url: u,
      links: {
        statistics: `${u}/Statistics`,
        real_time_statistics: `${u}/RealTimeStatistics`,
        cumulative_statistics: `${u}/CumulativeStatistics`,
        workspace: wsUrl(f.workspace_sid),
      },
    };
  };

  const workerWire = (w: WorkerRecord): Record<string, unknown> => {
    const activity = state().activities[w.activity_sid];
    const u = childUrl(w.workspace_sid, 'Workers', w.sid);
    return {
      account_sid: account,
      activity_name: activity?.friendly_name ?? null,
      activity_sid: w.activity_sid,
      attributes: w.attributes,
      available: activity?.available ?? false,
      date_created: iso8601(w.created),
      date_status_changed: iso8601(w.status_changed),
      date_updated: iso8601(w.updated),
      friendly_name: w.friendly_name,
      sid: w.sid,
      workspace_sid: w.workspace_sid,
      url: u,
      links: {
        activity: childUrl(w.workspace_sid, 'Activities', w.activity_sid),
        channels: `${u}/Channels`,
        reservations: `${u}/Reservations`,
        statistics: `${u}/Statistics`,
        workspace: wsUrl(w.workspace_sid),
      },
    };
  };

  const taskWire = (t: TaskRecord): Record<string, unknown> => {
    const s = state();
    const u = childUrl(t.workspace_sid, 'Tasks', t.sid);
    const links: Record<string, string> = { reservations: `${u}/Reservations`, workspace: wsUrl(t.workspace_sid) };
    if (t.workflow_sid) links.workflow = childUrl(t.workspace_sid, 'Workflows', t.workflow_sid);
    if (t.task_queue_sid) links.task_queue = childUrl(t.workspace_sid, 'TaskQueues', t.task_queue_sid);
    return {
      account_sid: account,
      age: Math.max(0, Math.floor((Date.now() - t.created) / 1000)),
      assignment_status: t.assignment_status,
      attributes: t.attributes,
      addons: '{}',
      date_created: iso8601(t.created),
      date_updated: iso8601(t.updated),
      task_queue_entered_date: t.queue_entered === null ? null : iso8601(t.queue_entered),
      priority: t.priority,
      reason: t.reason,
      sid: t.sid,
      task_queue_sid: t.task_queue_sid,
      task_queue_friendly_name: t.task_queue_sid ? (s.queues[t.task_queue_sid]?.friendly_name ?? null) : null,
      task_channel_sid: t.task_channel_sid,
      task_channel_unique_name: s.channels[t.task_channel_sid]?.unique_name ?? null,
      timeout: t.timeout,
      workflow_sid: t.workflow_sid,
      workflow_friendly_name: t.workflow_sid ? (s.workflows[t.workflow_sid]?.friendly_name ?? null) : null,
      workspace_sid: t.workspace_sid,
      url: u,
      links,
      virtual_start_time: iso8601(t.virtual_start),
      ignore_capacity: t.ignore_capacity,
      routing_target: t.routing_target,
    };
  };

  // Lookups -----------------------------------------------------------------------------------------------
  const workspaceOf = (req: EmuRequest): WorkspaceRecord => {
    const sid = req.params.WorkspaceSid ?? req.params.Sid;
    const w = state().workspaces[sid];
    if (!w) throw notFound(`/v1/Workspaces/${sid}`);
    return w;
  };

  /** A child resource of the request's workspace, 404 when it is absent or in another workspace. */
  const childOf = <T extends { workspace_sid: string }>(
    map: Record<string, T>,
    ws: WorkspaceRecord,
    kind: string,
    sid: string,
  ): T => {
    const rec = map[sid];
    if (!rec || rec.workspace_sid !== ws.sid) throw notFound(`/v1/Workspaces/${ws.sid}/${kind}/${sid}`);
    return rec;
  };

  const inWorkspace = <T extends { workspace_sid: string; created: number }>(map: Record<string, T>, ws: WorkspaceRecord): T[] =>
    Object.values(map)
      .filter((x) => x.workspace_sid === ws.sid)
      .sort((a, b) => a.created - b.created);

  const activityParam = (ws: WorkspaceRecord, params: Params, key: string): string | undefined => {
    const sid = sidParam(params, key, 'WA');
    if (sid === undefined) return undefined;
    const a = state().activities[sid];
    if (!a || a.workspace_sid !== ws.sid) throw invalid(`${key} ${sid} is not an Activity of workspace ${ws.sid}`);
    return sid;
  };

  const channelParam = (ws: WorkspaceRecord, value: string): string => {
    const c = Object.values(state().channels).find(
      (x) => x.workspace_sid === ws.sid && (x.sid === value || x.unique_name === value),
    );
    if (!c) throw invalid(`TaskChannel ${value} does not exist in workspace ${ws.sid}`);
    return c.sid;
  };

  const uniqueName = <T extends { workspace_sid: string; friendly_name: string; sid: string }>(
    map: Record<string, T>,
    ws: WorkspaceRecord,
    name: string,
    noun: string,
    self?: string,
  ): void => {
    if (Object.values(map).some((x) => x.workspace_sid === ws.sid && x.friendly_name === name && x.sid !== self)) {
      throw invalid(`${noun} named ${name} already exists for workspace ${ws.sid} for account ${account}`);
    }
  };

  /** The queues a Workflow configuration routes to; every one must be a queue of the workspace. */
  const workflowQueues = (ws: WorkspaceRecord, configuration: string): string[] => {
    const config = jsonObject(configuration, 'Configuration');
    const routing = config.task_routing;
    if (!routing || typeof routing !== 'object' || Array.isArray(routing)) {
      throw invalid('Configuration must contain a task_routing object');
    }
    const { filters, default_filter: defaultFilter } = routing as Record<string, unknown>;
    const queues: string[] = [];
    if (
      defaultFilter &&
      typeof defaultFilter === 'object' &&
      'queue' in defaultFilter &&
      typeof defaultFilter.queue === 'string'
    ) {
      queues.push(defaultFilter.queue);
    }
    if (filters !== undefined && !Array.isArray(filters)) throw invalid('Configuration task_routing.filters must be an array');
    for (const f of (filters ?? []) as unknown[]) {
      const targets = f && typeof f === 'object' && 'targets' in f && Array.isArray(f.targets) ? (f.targets as unknown[]) : [];
      for (const t of targets)
        if (t && typeof t === 'object' && 'queue' in t && typeof t.queue === 'string') queues.push(t.queue);
    }
    for (const q of queues) {
      const rec = state().queues[q];
      if (!rec || rec.workspace_sid !== ws.sid)
        throw invalid(`Configuration routes to TaskQueue ${q}, which is not in workspace ${ws.sid}`);
    }
    return queues;
  };

  /** Cancels pending/reserved Tasks older than their Timeout, as TaskRouter does ("Task TTL Exceeded"). */
  const expireTasks = (now = Date.now()): void => {
    let any = false;
    for (const t of Object.values(state().tasks)) {
      const deadline = t.created + t.timeout * 1000;
      if ((t.assignment_status === 'pending' || t.assignment_status === 'reserved') && now >= deadline) {
        t.assignment_status = 'canceled';
        t.reason = 'Task TTL Exceeded';
        t.updated = deadline;
        any = true;
      }
    }
    if (any) changed();
  };

  const list = (
    req: EmuRequest,
    key: string,
    baseUrl: string,
    items: Record<string, unknown>[],
    filters: Record<string, string | undefined> = {},
  ) => json(200, pageV1(key, baseUrl, items, readPage(req.query), filters));

  // Workspaces --------------------------------------------------------------------------------------------
  r.add('GET', PREFIX, (req) => {
    const name = first(req.query, 'FriendlyName');
    const items = Object.values(state().workspaces)
      .filter((w) => (name === undefined ? true : w.friendly_name === name))
      .sort((a, b) => a.created - b.created)
      .map(workspaceWire);
    return list(req, 'workspaces', `${HOST}/Workspaces`, items, { FriendlyName: name });
  });

  r.add('POST', PREFIX, (req) => {
    const friendlyName = required(req.form, 'FriendlyName');
    if (friendlyName.length > 64) throw invalid('FriendlyName must be at most 64 characters');
    const template = first(req.form, 'Template') ?? 'NONE';
    if (template !== 'NONE' && template !== 'FIFO') throw invalid(`Invalid Template: ${template} (NONE or FIFO)`);
    const settings = {
      event_callback_url: url(first(req.form, 'EventCallbackUrl'), 'EventCallbackUrl') || null,
      events_filter: first(req.form, 'EventsFilter') || null,
      multi_task_enabled: boolean(req.form, 'MultiTaskEnabled') ?? true,
      prioritize_queue_order: queueOrder(req.form, 'PrioritizeQueueOrder') ?? 'FIFO',
    };
    const s = state();
    const w = Object.assign(createWorkspace(s, friendlyName, Date.now()), settings);
    if (template === 'FIFO') {
      const q = createQueue(s, w.sid, 'Sample Queue', w.created);
      createWorkflow(s, w.sid, 'Default Fifo Workflow', defaultConfiguration(q.sid), w.created);
    }
    changed();
    return json(201, workspaceWire(w));
  });

  r.add('GET', `${PREFIX}/{Sid}`, (req) => json(200, workspaceWire(workspaceOf(req))));

  r.add('POST', `${PREFIX}/{Sid}`, (req) => {
    const w = workspaceOf(req);
    const f = req.form;
    // Everything is checked before anything changes: a 400 leaves the workspace as it was.
    const name = first(f, 'FriendlyName');
    if (name !== undefined && (name === '' || name.length > 64)) throw invalid('FriendlyName must be 1 to 64 characters');
    const defaultActivity = activityParam(w, f, 'DefaultActivitySid');
    const timeoutActivity = activityParam(w, f, 'TimeoutActivitySid');
    const callback = url(first(f, 'EventCallbackUrl'), 'EventCallbackUrl');
    const eventsFilter = first(f, 'EventsFilter');
    const multiTask = boolean(f, 'MultiTaskEnabled');
    const order = queueOrder(f, 'PrioritizeQueueOrder');
    if (name !== undefined) w.friendly_name = name;
    if (defaultActivity !== undefined) w.default_activity_sid = defaultActivity;
    if (timeoutActivity !== undefined) w.timeout_activity_sid = timeoutActivity;
    if (callback !== undefined) w.event_callback_url = callback || null;
    if (eventsFilter !== undefined) w.events_filter = eventsFilter || null;
    if (multiTask !== undefined) w.multi_task_enabled = multiTask;
    if (order !== undefined) w.prioritize_queue_order = order;
    w.updated = Date.now();
    changed();
    return json(200, workspaceWire(w));
  });

  r.add('DELETE', `${PREFIX}/{Sid}`, (req) => {
    const w = workspaceOf(req);
    const s = state();
    delete s.workspaces[w.sid];
    for (const map of [s.activities, s.channels, s.queues, s.workflows, s.workers, s.tasks] as Record<
      string,
      { workspace_sid: string }
    >[]) {
      for (const [sid, rec] of Object.entries(map)) if (rec.workspace_sid === w.sid) delete map[sid];
    }
    changed();
    return { status: 204 };
  });

  // Activities --------------------------------------------------------------------------------------------
  const activitiesPath = `${PREFIX}/{WorkspaceSid}/Activities`;
  r.add('GET', activitiesPath, (req) => {
    const ws = workspaceOf(req);
    const name = first(req.query, 'FriendlyName');
    const available = boolean(req.query, 'Available');
    const items = inWorkspace(state().activities, ws)
      .filter((a) => (name === undefined ? true : a.friendly_name === name))
      .filter((a) => (available === undefined ? true : a.available === available))
      .map(activityWire);
    return list(req, 'activities', childUrl(ws.sid, 'Activities'), items, {
      FriendlyName: name,
      Available: first(req.query, 'Available'),
    });
  });
  r.add('POST', activitiesPath, (req) => {
    const ws = workspaceOf(req);
    const name = required(req.form, 'FriendlyName');
    uniqueName(state().activities, ws, name, 'Activity', undefined);
    const now = Date.now();
    const a: ActivityRecord = {
      sid: newSid('WA'),
      workspace_sid: ws.sid,
      friendly_name: name,
      available: boolean(req.form, 'Available') ?? false,
      created: now,
      updated: now,
    };
    state().activities[a.sid] = a;
    changed();
    return json(201, activityWire(a));
  });
  r.add('GET', `${activitiesPath}/{Sid}`, (req) =>
    json(200, activityWire(childOf(state().activities, workspaceOf(req), 'Activities', req.params.Sid))),
  );
  r.add('POST', `${activitiesPath}/{Sid}`, (req) => {
    const ws = workspaceOf(req);
    const a = childOf(state().activities, ws, 'Activities', req.params.Sid);
    const name = first(req.form, 'FriendlyName');
    if (name !== undefined) {
      if (name === '') throw invalid('FriendlyName must not be empty');
      uniqueName(state().activities, ws, name, 'Activity', a.sid);
      a.friendly_name = name;
    }
    a.updated = Date.now();
    changed();
    return json(200, activityWire(a));
  });
  r.add('DELETE', `${activitiesPath}/{Sid}`, (req) => {
    const ws = workspaceOf(req);
    const a = childOf(state().activities, ws, 'Activities', req.params.Sid);
    const s = state();
    const inUse =
      ws.default_activity_sid === a.sid ||
      ws.timeout_activity_sid === a.sid ||
      Object.values(s.workers).some((w) => w.activity_sid === a.sid) ||
      Object.values(s.queues).some((q) => q.assignment_activity_sid === a.sid || q.reservation_activity_sid === a.sid);
    if (inUse) throw invalid(`Activity ${a.sid} is in use by the workspace, a Worker or a TaskQueue and cannot be deleted`);
    delete s.activities[a.sid];
    changed();
    return { status: 204 };
  });

  // TaskChannels ------------------------------------------------------------------------------------------
  const channelsPath = `${PREFIX}/{WorkspaceSid}/TaskChannels`;
  r.add('GET', channelsPath, (req) => {
    const ws = workspaceOf(req);
    return list(req, 'channels', childUrl(ws.sid, 'TaskChannels'), inWorkspace(state().channels, ws).map(channelWire));
  });
  r.add('GET', `${channelsPath}/{Sid}`, (req) => {
    const ws = workspaceOf(req);
    const c = Object.values(state().channels).find(
      (x) => x.workspace_sid === ws.sid && (x.sid === req.params.Sid || x.unique_name === req.params.Sid),
    );
    if (!c) throw notFound(`/v1/Workspaces/${ws.sid}/TaskChannels/${req.params.Sid}`);
    return json(200, channelWire(c));
  });

  // TaskQueues --------------------------------------------------------------------------------------------
  const queuesPath = `${PREFIX}/{WorkspaceSid}/TaskQueues`;
  const applyQueue = (ws: WorkspaceRecord, q: TaskQueueRecord, f: Params): void => {
    const name = first(f, 'FriendlyName');
    if (name !== undefined) {
      if (name === '' || name.length > 64) throw invalid('FriendlyName must be 1 to 64 characters');
      uniqueName(state().queues, ws, name, 'Queue', q.sid);
      q.friendly_name = name;
    }
    const target = first(f, 'TargetWorkers');
    if (target !== undefined) q.target_workers = target || '1==1';
    q.max_reserved_workers = integer(f, 'MaxReservedWorkers', 1, 50) ?? q.max_reserved_workers;
    q.task_order = queueOrder(f, 'TaskOrder') ?? q.task_order;
    q.reservation_activity_sid = activityParam(ws, f, 'ReservationActivitySid') ?? q.reservation_activity_sid;
    q.assignment_activity_sid = activityParam(ws, f, 'AssignmentActivitySid') ?? q.assignment_activity_sid;
  };
  r.add('GET', queuesPath, (req) => {
    const ws = workspaceOf(req);
    const name = first(req.query, 'FriendlyName');
    if (first(req.query, 'EvaluateWorkerAttributes') !== undefined || first(req.query, 'WorkerSid') !== undefined) {
      throw invalid('EvaluateWorkerAttributes and WorkerSid filters are not supported by the emulator');
    }
    const order = ordering(first(req.query, 'Ordering'), ['DateCreated']);
    const items = inWorkspace(state().queues, ws).filter((q) => (name === undefined ? true : q.friendly_name === name));
    if (order[0]?.[1] === -1) items.reverse();
    return list(req, 'task_queues', childUrl(ws.sid, 'TaskQueues'), items.map(queueWire), {
      FriendlyName: name,
      Ordering: first(req.query, 'Ordering'),
    });
  });
  r.add('POST', queuesPath, (req) => {
    const ws = workspaceOf(req);
    const name = required(req.form, 'FriendlyName');
    const q = createQueue(state(), ws.sid, name, Date.now());
    try {
      applyQueue(ws, q, req.form);
    } catch (err) {
      delete state().queues[q.sid];
      throw err;
    }
    changed();
    return json(201, queueWire(q));
  });
  r.add('GET', `${queuesPath}/{Sid}`, (req) =>
    json(200, queueWire(childOf(state().queues, workspaceOf(req), 'TaskQueues', req.params.Sid))),
  );
  r.add('POST', `${queuesPath}/{Sid}`, (req) => {
    const ws = workspaceOf(req);
    const q = childOf(state().queues, ws, 'TaskQueues', req.params.Sid);
    const before = { ...q };
    try {
      applyQueue(ws, q, req.form);
    } catch (err) {
      Object.assign(q, before);
      throw err;
    }
    q.updated = Date.now();
    changed();
    return json(200, queueWire(q));
  });
  r.add('DELETE', `${queuesPath}/{Sid}`, (req) => {
    const ws = workspaceOf(req);
    const q = childOf(state().queues, ws, 'TaskQueues', req.params.Sid);
    expireTasks();
    const s = state();
    if (Object.values(s.tasks).some((t) => t.task_queue_sid === q.sid && isActive(t))) {
      throw invalid(`TaskQueue ${q.sid} has active Tasks and cannot be deleted`);
    }
    if (
      Object.values(s.workflows).some((f) => f.workspace_sid === ws.sid && workflowQueues(ws, f.configuration).includes(q.sid))
    ) {
      throw invalid(`TaskQueue ${q.sid} is referenced by a Workflow and cannot be deleted`);
    }
    delete s.queues[q.sid];
    changed();
    return { status: 204 };
  });

  // Workflows ---------------------------------------------------------------------------------------------
  const workflowsPath = `${PREFIX}/{WorkspaceSid}/Workflows`;
  const applyWorkflow = (ws: WorkspaceRecord, f: WorkflowRecord, form: Params): void => {
    const name = first(form, 'FriendlyName');
    if (name !== undefined) {
      if (name === '' || name.length > 64) throw invalid('FriendlyName must be 1 to 64 characters');
      uniqueName(state().workflows, ws, name, 'Workflow', f.sid);
      f.friendly_name = name;
    }
    const configuration = first(form, 'Configuration');
    if (configuration !== undefined) {
      workflowQueues(ws, configuration);
      f.configuration = configuration;
    }
    const cb = url(first(form, 'AssignmentCallbackUrl'), 'AssignmentCallbackUrl');
    if (cb !== undefined) f.assignment_callback_url = cb || null;
    const fallback = url(first(form, 'FallbackAssignmentCallbackUrl'), 'FallbackAssignmentCallbackUrl');
    if (fallback !== undefined) f.fallback_assignment_callback_url = fallback || null;
    f.task_reservation_timeout = integer(form, 'TaskReservationTimeout', 1, 86_400) ?? f.task_reservation_timeout;
  };
  r.add('GET', workflowsPath, (req) => {
    const ws = workspaceOf(req);
    const name = first(req.query, 'FriendlyName');
    const items = inWorkspace(state().workflows, ws)
      .filter((f) => (name === undefined ? true : f.friendly_name === name))
      .map(workflowWire);
    return list(req, 'workflows', childUrl(ws.sid, 'Workflows'), items, { FriendlyName: name });
  });
  r.add('POST', workflowsPath, (req) => {
    const ws = workspaceOf(req);
    const name = required(req.form, 'FriendlyName');
    const configuration = required(req.form, 'Configuration');
    workflowQueues(ws, configuration);
    uniqueName(state().workflows, ws, name, 'Workflow');
    const f = createWorkflow(state(), ws.sid, name, configuration, Date.now());
    try {
      applyWorkflow(ws, f, req.form);
    } catch (err) {
      delete state().workflows[f.sid];
      throw err;
    }
    changed();
    return json(201, workflowWire(f));
  });
  r.add('GET', `${workflowsPath}/{Sid}`, (req) =>
    json(200, workflowWire(childOf(state().workflows, workspaceOf(req), 'Workflows', req.params.Sid))),
  );
  r.add('POST', `${workflowsPath}/{Sid}`, (req) => {
    const ws = workspaceOf(req);
    const f = childOf(state().workflows, ws, 'Workflows', req.params.Sid);
    const before = { ...f };
    try {
      applyWorkflow(ws, f, req.form);
    } catch (err) {
      Object.assign(f, before);
      throw err;
    }
    f.updated = Date.now();
    changed();
    return json(200, workflowWire(f));
  });
  r.add('DELETE', `${workflowsPath}/{Sid}`, (req) => {
    const ws = workspaceOf(req);
    const f = childOf(state().workflows, ws, 'Workflows', req.params.Sid);
    expireTasks();
    if (Object.values(state().tasks).some((t) => t.workflow_sid === f.sid && isActive(t))) {
      throw invalid(`Workflow ${f.sid} has active Tasks and cannot be deleted`);
    }
    delete state().workflows[f.sid];
    changed();
    return { status: 204 };
  });

  // Workers -----------------------------------------------------------------------------------------------
  const workersPath = `${PREFIX}/{WorkspaceSid}/Workers`;
  r.add('GET', workersPath, (req) => {
    const ws = workspaceOf(req);
    const q = req.query;
    const s = state();
    const activityName = first(q, 'ActivityName');
    const activitySid = first(q, 'ActivitySid');
    const available = boolean(q, 'Available');
    const name = first(q, 'FriendlyName');
    const expression = first(q, 'TargetWorkersExpression');
    const queueSid = first(q, 'TaskQueueSid');
    const queueName = first(q, 'TaskQueueName');
    // Only the match-everyone expression is understood; anything else would silently give wrong answers.
    const everyone = (e: string): boolean => /^\s*1\s*==\s*1\s*$/.test(e);
    if (expression !== undefined && !everyone(expression)) {
      throw invalid('TargetWorkersExpression is not evaluated by the emulator (only 1==1)');
    }
    if (queueSid !== undefined || queueName !== undefined) {
      const queue = Object.values(s.queues).find(
        (x) =>
          x.workspace_sid === ws.sid &&
          (queueSid === undefined || x.sid === queueSid) &&
          (queueName === undefined || x.friendly_name === queueName),
      );
      if (queue && !everyone(queue.target_workers)) {
        throw invalid(`TaskQueue ${queue.sid} targets "${queue.target_workers}", which the emulator does not evaluate`);
      }
      if (!queue) return list(req, 'workers', childUrl(ws.sid, 'Workers'), []);
    }
    const order = ordering(first(q, 'Ordering'), ['DateCreated', 'DateStatusChanged']);
    const items = inWorkspace(s.workers, ws)
      .filter((w) => (activitySid === undefined ? true : w.activity_sid === activitySid))
      .filter((w) => (activityName === undefined ? true : s.activities[w.activity_sid]?.friendly_name === activityName))
      .filter((w) => (available === undefined ? true : (s.activities[w.activity_sid]?.available ?? false) === available))
      .filter((w) => (name === undefined ? true : w.friendly_name === name));
    sortBy(items, order, (w, key) => (key === 'DateStatusChanged' ? [w.status_changed] : [w.created]));
    const filters = {
      ActivityName: activityName,
      ActivitySid: activitySid,
      Available: first(q, 'Available'),
      FriendlyName: name,
      TargetWorkersExpression: expression,
      TaskQueueSid: queueSid,
      TaskQueueName: queueName,
      Ordering: first(q, 'Ordering'),
    };
    return list(req, 'workers', childUrl(ws.sid, 'Workers'), items.map(workerWire), filters);
  });
  r.add('POST', workersPath, (req) => {
    const ws = workspaceOf(req);
    const name = required(req.form, 'FriendlyName');
    if (name.length > 64) throw invalid('FriendlyName must be at most 64 characters');
    uniqueName(state().workers, ws, name, 'Worker');
    const attributes = first(req.form, 'Attributes') ?? '{}';
    jsonObject(attributes, 'Attributes');
    const activity = activityParam(ws, req.form, 'ActivitySid') ?? ws.default_activity_sid;
    const now = Date.now();
    const w: WorkerRecord = {
      sid: newSid('WK'),
      workspace_sid: ws.sid,
      friendly_name: name,
      attributes,
      activity_sid: activity,
      status_changed: now,
      created: now,
      updated: now,
    };
    state().workers[w.sid] = w;
    changed();
    return json(201, workerWire(w));
  });
  r.add('GET', `${workersPath}/{Sid}`, (req) =>
    json(200, workerWire(childOf(state().workers, workspaceOf(req), 'Workers', req.params.Sid))),
  );
  r.add('POST', `${workersPath}/{Sid}`, (req) => {
    const ws = workspaceOf(req);
    const w = childOf(state().workers, ws, 'Workers', req.params.Sid);
    const f = req.form;
    const name = first(f, 'FriendlyName');
    const attributes = first(f, 'Attributes');
    const activity = activityParam(ws, f, 'ActivitySid');
    boolean(f, 'RejectPendingReservations');
    if (name !== undefined) {
      if (name === '' || name.length > 64) throw invalid('FriendlyName must be 1 to 64 characters');
      uniqueName(state().workers, ws, name, 'Worker', w.sid);
    }
    if (attributes !== undefined) jsonObject(attributes, 'Attributes');
    const now = Date.now();
    if (name !== undefined) w.friendly_name = name;
    if (attributes !== undefined) w.attributes = attributes;
    if (activity !== undefined && activity !== w.activity_sid) {
      w.activity_sid = activity;
      w.status_changed = now;
    }
    w.updated = now;
    changed();
    return json(200, workerWire(w));
  });
  r.add('DELETE', `${workersPath}/{Sid}`, (req) => {
    const w = childOf(state().workers, workspaceOf(req), 'Workers', req.params.Sid);
    delete state().workers[w.sid];
    changed();
    return { status: 204 };
  });

  // Tasks -------------------------------------------------------------------------------------------------
  const tasksPath = `${PREFIX}/{WorkspaceSid}/Tasks`;
  r.add('GET', tasksPath, (req) => {
    const ws = workspaceOf(req);
    expireTasks();
    const q = req.query;
    const s = state();
    const statuses = all(q, 'AssignmentStatus').flatMap((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    );
    for (const st of statuses) {
      if (!TASK_STATUSES.includes(st as TaskStatus))
        throw invalid(`Invalid AssignmentStatus: ${st} (one of ${TASK_STATUSES.join(', ')})`);
    }
    if (first(q, 'EvaluateTaskAttributes') !== undefined)
      throw invalid('EvaluateTaskAttributes is not evaluated by the emulator');
    const priority = integer(q, 'Priority', 0, 2_147_483_647);
    const workflowSid = first(q, 'WorkflowSid');
    const workflowName = first(q, 'WorkflowName');
    const queueSid = first(q, 'TaskQueueSid');
    const queueName = first(q, 'TaskQueueName');
    const routingTarget = first(q, 'RoutingTarget');
    const hasAddons = boolean(q, 'HasAddons');
    const order = ordering(first(q, 'Ordering'), ['DateCreated', 'Priority', 'VirtualStartTime']);
    const items = Object.values(s.tasks)
      .filter((t) => t.workspace_sid === ws.sid)
      .filter((t) => (statuses.length ? statuses.includes(t.assignment_status) : true))
      .filter((t) => (priority === undefined ? true : t.priority === priority))
      .filter((t) => (workflowSid === undefined ? true : t.workflow_sid === workflowSid))
      .filter((t) =>
        workflowName === undefined
          ? true
          : t.workflow_sid !== null && s.workflows[t.workflow_sid]?.friendly_name === workflowName,
      )
      .filter((t) => (queueSid === undefined ? true : t.task_queue_sid === queueSid))
      .filter((t) =>
        queueName === undefined ? true : t.task_queue_sid !== null && s.queues[t.task_queue_sid]?.friendly_name === queueName,
      )
      .filter((t) => (routingTarget === undefined ? true : t.routing_target === routingTarget))
      .filter(() => hasAddons !== true); // no Task carries Add-ons in the emulator
    items.sort((a, b) => a.created - b.created || a.seq - b.seq);
    sortBy(items, order, (t, key) =>
      key === 'Priority' ? [t.priority] : key === 'VirtualStartTime' ? [t.virtual_start, t.seq] : [t.created, t.seq],
    );
    const filters = {
      AssignmentStatus: statuses.length ? statuses.join(',') : undefined,
      Priority: first(q, 'Priority'),
      WorkflowSid: workflowSid,
      WorkflowName: workflowName,
      TaskQueueSid: queueSid,
      TaskQueueName: queueName,
      RoutingTarget: routingTarget,
      HasAddons: first(q, 'HasAddons'),
      Ordering: first(q, 'Ordering'),
    };
    return list(req, 'tasks', childUrl(ws.sid, 'Tasks'), items.map(taskWire), filters);
  });

  r.add('POST', tasksPath, (req) => {
    const ws = workspaceOf(req);
    const f = req.form;
    const s = state();
    const attributes = first(f, 'Attributes') ?? '{}';
    jsonObject(attributes, 'Attributes');
    const priority = integer(f, 'Priority', 0, 2_147_483_647) ?? 0;
    const timeout = integer(f, 'Timeout', 1, MAX_TASK_TIMEOUT) ?? DEFAULT_TASK_TIMEOUT;
    const channel = channelParam(ws, first(f, 'TaskChannel') ?? 'default');
    const now = Date.now();
    let virtualStart = now;
    const vst = first(f, 'VirtualStartTime');
    if (vst !== undefined) {
      virtualStart = Date.parse(vst);
      if (Number.isNaN(virtualStart) || virtualStart > now || virtualStart < Date.UTC(1900, 0, 1)) {
        throw invalid(`Invalid VirtualStartTime: ${vst}`);
      }
    }
    const workflows = inWorkspace(s.workflows, ws);
    let workflow: WorkflowRecord | undefined;
    const workflowSid = sidParam(f, 'WorkflowSid', 'WW');
    if (workflowSid !== undefined) {
      workflow = workflows.find((x) => x.sid === workflowSid);
      if (!workflow) throw invalid(`Workflow ${workflowSid} does not exist in workspace ${ws.sid}`);
    }
    let queueSid = sidParam(f, 'TaskQueueSid', 'WQ');
    if (queueSid !== undefined && s.queues[queueSid]?.workspace_sid !== ws.sid) {
      throw invalid(`TaskQueue ${queueSid} does not exist in workspace ${ws.sid}`);
    }
    if (!workflow && queueSid === undefined) {
      if (workflows.length !== 1) {
        throw invalid(
          workflows.length
            ? 'WorkflowSid is required when the workspace has more than one Workflow'
            : `Workspace ${ws.sid} has no Workflow to route the Task`,
        );
      }
      workflow = workflows[0];
    }
    if (queueSid === undefined && workflow) queueSid = workflowQueues(ws, workflow.configuration)[0];
    const t: TaskRecord = {
      sid: newSid('WT'),
      seq: ++s.seq,
      workspace_sid: ws.sid,
      attributes,
      assignment_status: 'pending',
      priority,
      timeout,
      reason: null,
      workflow_sid: workflow?.sid ?? null,
      task_queue_sid: queueSid ?? null,
      task_channel_sid: channel,
      queue_entered: queueSid ? now : null,
      virtual_start: virtualStart,
      routing_target: first(f, 'RoutingTarget') ?? null,
      ignore_capacity: boolean(f, 'IgnoreCapacity') ?? false,
      created: now,
      updated: now,
    };
    s.tasks[t.sid] = t;
    changed();
    return json(201, taskWire(t));
  });

  const taskOf = (req: EmuRequest): TaskRecord => {
    expireTasks();
    return childOf(state().tasks, workspaceOf(req), 'Tasks', req.params.Sid);
  };

  r.add('GET', `${tasksPath}/{Sid}`, (req) => json(200, taskWire(taskOf(req))));

  r.add('POST', `${tasksPath}/{Sid}`, (req) => {
    const t = taskOf(req);
    const ws = workspaceOf(req);
    const f = req.form;
    const attributes = first(f, 'Attributes');
    if (attributes !== undefined) jsonObject(attributes, 'Attributes');
    const priority = integer(f, 'Priority', 0, 2_147_483_647);
    const channel = first(f, 'TaskChannel');
    const channelSid = channel === undefined ? undefined : channelParam(ws, channel);
    const vst = first(f, 'VirtualStartTime');
    const now = Date.now();
    let virtualStart: number | undefined;
    if (vst !== undefined) {
      virtualStart = Date.parse(vst);
      if (Number.isNaN(virtualStart) || virtualStart > now || virtualStart < Date.UTC(1900, 0, 1))
        throw invalid(`Invalid VirtualStartTime: ${vst}`);
    }
    const status = first(f, 'AssignmentStatus');
    const reason = first(f, 'Reason');
    if (status !== undefined) {
      transition(t, status, ws.sid, account);
      t.assignment_status = status as TaskStatus;
      if ((status === 'canceled' || status === 'completed') && reason !== undefined) t.reason = reason;
    }
    if (attributes !== undefined) t.attributes = attributes;
    if (priority !== undefined) t.priority = priority;
    if (channelSid !== undefined) t.task_channel_sid = channelSid;
    if (virtualStart !== undefined) t.virtual_start = virtualStart;
    t.updated = now;
    changed();
    return json(200, taskWire(t));
  });

  r.add('DELETE', `${tasksPath}/{Sid}`, (req) => {
    const t = taskOf(req);
    delete state().tasks[t.sid];
    changed();
    return { status: 204 };
  });
}

const isActive = (t: TaskRecord): boolean => t.assignment_status !== 'canceled' && t.assignment_status !== 'completed';

/**
 * The AssignmentStatus changes the REST API accepts (TaskRouter's docs): `canceled` from pending or
 * reserved, `wrapping` from assigned, `completed` from assigned or wrapping. The rest belong to the
 * routing engine (pending -> reserved -> assigned) and are refused. Errors are 400 with code 20001 and
 * TaskRouter's wording.
 */
function transition(t: TaskRecord, to: string, workspace: string, account: string): void {
  if (!TASK_STATUSES.includes(to as TaskStatus))
    throw invalid(`Invalid AssignmentStatus: ${to} (canceled, wrapping or completed)`);
  const where = `task ${t.sid} in workspace ${workspace} for account ${account}`;
  const from = t.assignment_status;
  switch (to) {
    case 'canceled':
      if (from !== 'pending' && from !== 'reserved')
        throw invalid(`Cannot cancel ${where} because it is not pending or reserved`);
      return;
    case 'wrapping':
      if (from !== 'assigned') throw invalid(`Cannot wrap up ${where} because it's not currently assigned`);
      return;
    case 'completed':
      if (from !== 'assigned' && from !== 'wrapping')
        throw invalid(`Cannot complete ${where} because it is not assigned or wrapping`);
      return;
    default:
      throw invalid(`AssignmentStatus cannot be set to ${to}; only canceled, wrapping or completed can be requested`);
  }
}

/**
 * Stable multi-key sort; each key's value is a tuple compared left to right. Without keys the current
 * order stays, and ties keep it too (callers pre-sort by their default, ascending creation).
 */
function sortBy<T>(items: T[], order: [SortKey, Direction][], value: (item: T, key: SortKey) => number[]): void {
  if (!order.length) return;
  items.sort((a, b) => {
    for (const [key, dir] of order) {
      const va = value(a, key);
      const vb = value(b, key);
      for (let i = 0; i < va.length; i++) {
        const d = va[i] - (vb[i] ?? 0);
        if (d !== 0) return d * dir;
      }
    }
    return 0;
  });
}

// ---- construction and the seed ---------------------------------------------------------------------------

function createWorkspace(s: TaskRouterState, friendlyName: string, at: number): WorkspaceRecord {
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

function createQueue(s: TaskRouterState, workspace: string, friendlyName: string, at: number): TaskQueueRecord {
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

function createWorkflow(
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

const defaultConfiguration = (queue: string): string =>
  JSON.stringify({ task_routing: { filters: [], default_filter: { queue } } });

/** The Flex workspace every fresh emulator has, with sample Workers and Tasks relative to `now`. */
function seed(now = Date.now()): TaskRouterState {
  const s = emptyState();
  const born = now - 7 * DAY;
  const ws = createWorkspace(s, 'Flex Task Assignment', born);
  const queue = createQueue(s, ws.sid, 'Everyone', born);
  const workflow = createWorkflow(
    s,
    ws.sid,
    'Assign to Anyone',
    JSON.stringify({
      task_routing: {
        filters: [{ filter_friendly_name: 'Attributes', expression: '1==1', targets: [{ queue: queue.sid }] }],
        default_filter: { queue: queue.sid },
      },
    }),
    born,
  );
  const activity = (name: string): string =>
    Object.values(s.activities).find((a) => a.workspace_sid === ws.sid && a.friendly_name === name)?.sid ??
    ws.default_activity_sid;
  const channel = (unique: string): string =>
    Object.values(s.channels).find((c) => c.workspace_sid === ws.sid && c.unique_name === unique)?.sid ?? '';
  const people: { name: string; full: string; activity: string; changed: number }[] = [
    { name: 'alice', full: 'Alice Example', activity: 'Available', changed: now - 2 * HOUR },
    { name: 'bob', full: 'Bob Example', activity: 'Offline', changed: now - 20 * HOUR },
  ];
  for (const p of people) {
    const w: WorkerRecord = {
      sid: newSid('WK'),
      workspace_sid: ws.sid,
      friendly_name: p.name,
      attributes: JSON.stringify({
        contact_uri: `client:${p.name}`,
        full_name: p.full,
        email: `${p.name}@example.com`,
        roles: ['agent'],
      }),
      activity_sid: activity(p.activity),
      status_changed: p.changed,
      created: born,
      updated: p.changed,
    };
    s.workers[w.sid] = w;
  }
  const samples: { ago: number; status: TaskStatus; from: string; type: 'voice' | 'sms'; reason?: string; took?: number }[] = [
    { ago: 3 * DAY + 2 * HOUR, status: 'completed', from: '+14155559999', type: 'voice', reason: 'Call ended', took: 7 * MINUTE },
    { ago: 2 * DAY + 5 * HOUR, status: 'canceled', from: '+14155550123', type: 'sms', reason: 'Customer left', took: 3 * MINUTE },
    {
      ago: 1 * DAY + 3 * HOUR,
      status: 'completed',
      from: '+14155559999',
      type: 'sms',
      reason: 'Conversation resolved',
      took: 12 * MINUTE,
    },
    { ago: 30 * MINUTE, status: 'assigned', from: '+14155550199', type: 'voice' },
    { ago: 5 * MINUTE, status: 'reserved', from: '+14155559999', type: 'voice' },
    { ago: 1 * MINUTE, status: 'pending', from: '+14155550142', type: 'sms' },
  ];
  for (const t of samples) {
    const created = now - t.ago;
    const rec: TaskRecord = {
      sid: newSid('WT'),
      seq: ++s.seq,
      workspace_sid: ws.sid,
      attributes: JSON.stringify({ from: t.from, to: '+14155550100', channelType: t.type, direction: 'inbound' }),
      assignment_status: t.status,
      priority: 0,
      timeout: DEFAULT_TASK_TIMEOUT,
      reason: t.reason ?? null,
      workflow_sid: workflow.sid,
      task_queue_sid: queue.sid,
      task_channel_sid: channel(t.type),
      queue_entered: created,
      virtual_start: created,
      routing_target: null,
      ignore_capacity: false,
      created,
      updated: created + (t.took ?? 0),
    };
    s.tasks[rec.sid] = rec;
  }
  return s;
}
