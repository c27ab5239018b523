/**
 * The Task lifecycle as the REST API allows it, shared by Tasks and by the TaskQueues and Workflows that
 * refuse deletion while they hold active Tasks: which AssignmentStatus changes a client may ask for, and
 * the Timeout after which a waiting Task is canceled.
 */
import type { TaskRouterContext } from './context';
import { TASK_STATUSES, TaskRecord, TaskStatus } from './model';
import { invalid } from './params';

export const isActive = (t: TaskRecord): boolean => t.assignment_status !== 'canceled' && t.assignment_status !== 'completed';

/**
 * The AssignmentStatus changes the REST API accepts (TaskRouter's docs): `canceled` from pending or
 * reserved, `wrapping` from assigned, `completed` from assigned or wrapping. The rest belong to the
 * routing engine (pending -> reserved -> assigned) and are refused. Errors are 400 with code 20001 and
 * TaskRouter's wording.
 */
export function transition(t: TaskRecord, to: string, workspace: string, account: string): void {
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
 * Cancels pending/reserved Tasks older than their Timeout, as TaskRouter does ("Task TTL Exceeded").
 * There is no timer: it runs whenever Tasks are read, which is when the difference could be seen.
 */
export function expireTasks(ctx: TaskRouterContext, now = Date.now()): void {
  let any = false;
  for (const t of Object.values(ctx.state().tasks)) {
    const deadline = t.created + t.timeout * 1000;
    if ((t.assignment_status === 'pending' || t.assignment_status === 'reserved') && now >= deadline) {
      t.assignment_status = 'canceled';
      t.reason = 'Task TTL Exceeded';
      t.updated = deadline;
      any = true;
    }
  }
  if (any) ctx.changed();
}
