/**
 * TaskRouter v1: Workspaces with their Activities, TaskChannels, TaskQueues, Workflows, Workers and Tasks.
 *
 * A fresh emulator holds the workspace Flex creates ("Flex Task Assignment": activities Offline / Available /
 * Unavailable, the usual task channels, queue "Everyone", workflow "Assign to Anyone"), two sample Workers
 * (alice, available; bob, offline) and six sample Tasks in various states spread over the last days, so
 * "the last 50 tasks" is never empty (./sample.ts).
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
import type { Emulator } from '../../core/emulator';
import { registerActivities } from './activities';
import { createContext } from './context';
import { registerTaskChannels } from './task-channels';
import { registerTaskQueues } from './task-queues';
import { registerTasks } from './tasks';
import { registerWorkers } from './workers';
import { registerWorkflows } from './workflows';
import { registerWorkspaces } from './workspaces';

export { workerSidForIdentity } from './workers';

export function registerTaskRouter(emu: Emulator): void {
  const ctx = createContext(emu);
  registerWorkspaces(ctx);
  registerActivities(ctx);
  registerTaskChannels(ctx);
  registerTaskQueues(ctx);
  registerWorkflows(ctx);
  registerWorkers(ctx);
  registerTasks(ctx);
}
