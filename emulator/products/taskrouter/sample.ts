/**
 * The sample data a fresh emulator holds: the workspace Flex creates, two Workers and six Tasks in
 * various states spread over the last days, so "the last 50 tasks" is never empty.
 */
import { newSid } from '../../core/wire';
import {
  createQueue,
  createWorkflow,
  createWorkspace,
  DEFAULT_TASK_TIMEOUT,
  NextSeq,
  TaskRecord,
  TaskRouterRecords,
  TaskStatus,
  WorkerRecord,
} from './model';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The Flex workspace every fresh emulator has, with sample Workers and Tasks relative to `now`. */
export function sampleRecords(now: number, nextSeq: NextSeq): TaskRouterRecords {
  const born = now - 7 * DAY;
  const { workspace: ws, activities, channels } = createWorkspace('Flex Task Assignment', born, nextSeq);
  const queue = createQueue(ws.sid, 'Everyone', born, nextSeq);
  const workflow = createWorkflow(
    ws.sid,
    'Assign to Anyone',
    JSON.stringify({
      task_routing: {
        filters: [{ filter_friendly_name: 'Attributes', expression: '1==1', targets: [{ queue: queue.sid }] }],
        default_filter: { queue: queue.sid },
      },
    }),
    born,
    nextSeq,
  );
  const activity = (name: string): string => activities.find((a) => a.friendly_name === name)?.sid ?? ws.default_activity_sid;
  const channel = (unique: string): string => channels.find((c) => c.unique_name === unique)?.sid ?? '';
  const workers: WorkerRecord[] = [];
  const tasks: TaskRecord[] = [];
  const people: { name: string; full: string; activity: string; changed: number }[] = [
    { name: 'alice', full: 'Alice Example', activity: 'Available', changed: now - 2 * HOUR },
    { name: 'bob', full: 'Bob Example', activity: 'Offline', changed: now - 20 * HOUR },
  ];
  for (const p of people) {
    workers.push({
      sid: newSid('WK'),
      seq: nextSeq(),
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
    });
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
    tasks.push({
      sid: newSid('WT'),
      seq: nextSeq(),
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
    });
  }
  return { workspaces: [ws], activities, channels, queues: [queue], workflows: [workflow], workers, tasks };
}
