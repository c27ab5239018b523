/**
 * TaskRouter's answers as the SDK reads them (twilio_taskrouter_v1.json): one shape per resource, with
 * its `url` and `links`, and the page every list answers with.
 */
import { EmuReply, json } from '../../core/router';
import type { TablePage } from '../../core/state';
import { iso8601, PageRequest, pageV1 } from '../../core/wire';
import type { TaskRouterContext } from './context';
import type {
  ActivityRecord,
  TaskChannelRecord,
  TaskQueueRecord,
  TaskRecord,
  WorkerRecord,
  WorkflowRecord,
  WorkspaceRecord,
} from './model';

/** What the SDK addresses as https://taskrouter.twilio.com/v1; every `url` and `links` entry uses it. */
const HOST = 'https://taskrouter.twilio.com/v1';

export const workspacesUrl = `${HOST}/Workspaces`;
export const wsUrl = (ws: string): string => `${workspacesUrl}/${ws}`;
export const childUrl = (ws: string, kind: string, sid?: string): string => `${wsUrl(ws)}/${kind}${sid ? `/${sid}` : ''}`;

/** The page `request` asks for (`found`, see ./listing.ts) with the filters repeated in the paging links. */
export const listReply = <T>(
  key: string,
  baseUrl: string,
  request: PageRequest,
  found: TablePage<T>,
  wire: (record: T) => Record<string, unknown>,
  filters: Record<string, string | undefined> = {},
): EmuReply => json(200, pageV1(key, baseUrl, found.items.map(wire), request, filters, found.more));

export function workspaceWire(ctx: TaskRouterContext, w: WorkspaceRecord): Record<string, unknown> {
  const { activities } = ctx.tables;
  const u = wsUrl(w.sid);
  return {
    account_sid: ctx.account,
    date_created: iso8601(w.created),
    date_updated: iso8601(w.updated),
    default_activity_name: activities.get(w.default_activity_sid)?.friendly_name ?? null,
    default_activity_sid: w.default_activity_sid,
    event_callback_url: w.event_callback_url,
    events_filter: w.events_filter,
    friendly_name: w.friendly_name,
    multi_task_enabled: w.multi_task_enabled,
    sid: w.sid,
    timeout_activity_name: activities.get(w.timeout_activity_sid)?.friendly_name ?? null,
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
}

export const activityWire = (ctx: TaskRouterContext, a: ActivityRecord): Record<string, unknown> => ({
  account_sid: ctx.account,
  available: a.available,
  date_created: iso8601(a.created),
  date_updated: iso8601(a.updated),
  friendly_name: a.friendly_name,
  sid: a.sid,
  workspace_sid: a.workspace_sid,
  url: childUrl(a.workspace_sid, 'Activities', a.sid),
  links: { workspace: wsUrl(a.workspace_sid) },
});

export const channelWire = (ctx: TaskRouterContext, c: TaskChannelRecord): Record<string, unknown> => ({
  account_sid: ctx.account,
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

export function queueWire(ctx: TaskRouterContext, q: TaskQueueRecord): Record<string, unknown> {
  const { activities } = ctx.tables;
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
    account_sid: ctx.account,
    assignment_activity_sid: q.assignment_activity_sid,
    assignment_activity_name: q.assignment_activity_sid
      ? (activities.get(q.assignment_activity_sid)?.friendly_name ?? null)
      : null,
    date_created: iso8601(q.created),
    date_updated: iso8601(q.updated),
    friendly_name: q.friendly_name,
    max_reserved_workers: q.max_reserved_workers,
    reservation_activity_sid: q.reservation_activity_sid,
    reservation_activity_name: q.reservation_activity_sid
      ? (activities.get(q.reservation_activity_sid)?.friendly_name ?? null)
      : null,
    sid: q.sid,
    target_workers: q.target_workers,
    task_order: q.task_order,
    url: u,
    workspace_sid: q.workspace_sid,
    links,
  };
}

export function workflowWire(ctx: TaskRouterContext, f: WorkflowRecord): Record<string, unknown> {
  const u = childUrl(f.workspace_sid, 'Workflows', f.sid);
  return {
    account_sid: ctx.account,
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
}

export function workerWire(ctx: TaskRouterContext, w: WorkerRecord): Record<string, unknown> {
  const activity = ctx.tables.activities.get(w.activity_sid);
  const u = childUrl(w.workspace_sid, 'Workers', w.sid);
  return {
    account_sid: ctx.account,
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
}

export function taskWire(ctx: TaskRouterContext, t: TaskRecord): Record<string, unknown> {
  const { queues, channels, workflows } = ctx.tables;
  const u = childUrl(t.workspace_sid, 'Tasks', t.sid);
  const links: Record<string, string> = { reservations: `${u}/Reservations`, workspace: wsUrl(t.workspace_sid) };
  if (t.workflow_sid) links.workflow = childUrl(t.workspace_sid, 'Workflows', t.workflow_sid);
  if (t.task_queue_sid) links.task_queue = childUrl(t.workspace_sid, 'TaskQueues', t.task_queue_sid);
  return {
    account_sid: ctx.account,
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
    task_queue_friendly_name: t.task_queue_sid ? (queues.get(t.task_queue_sid)?.friendly_name ?? null) : null,
    task_channel_sid: t.task_channel_sid,
    task_channel_unique_name: channels.get(t.task_channel_sid)?.unique_name ?? null,
    timeout: t.timeout,
    workflow_sid: t.workflow_sid,
    workflow_friendly_name: t.workflow_sid ? (workflows.get(t.workflow_sid)?.friendly_name ?? null) : null,
    workspace_sid: t.workspace_sid,
    url: u,
    links,
    virtual_start_time: iso8601(t.virtual_start),
    ignore_capacity: t.ignore_capacity,
    routing_target: t.routing_target,
  };
}
