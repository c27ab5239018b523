/**
 * The Task lifecycle as the REST API allows it: which AssignmentStatus changes a client may ask for, which
 * Tasks are active (they keep their TaskQueue and Workflow from being deleted), and when a waiting Task
 * is canceled because its Timeout passed (the Tasks table does it, see ./tables.ts).
 */
import { TASK_STATUSES, TaskRecord, TaskStatus } from './model';
import { invalid } from './params';

export const isActive = (t: TaskRecord): boolean => t.assignment_status !== 'canceled' && t.assignment_status !== 'completed';

/** Waiting for a Worker: TaskRouter cancels such a Task once its Timeout passes ("Task TTL Exceeded"). */
export const isWaiting = (t: TaskRecord): boolean => t.assignment_status === 'pending' || t.assignment_status === 'reserved';

/** When a waiting Task's Timeout passes, counted from its creation. */
export const deadline = (t: TaskRecord): number => t.created + t.timeout * 1000;

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
