/**
 * Workers: /v1/Workspaces/{WorkspaceSid}/Workers[/{Sid}], and the look-up IAM uses to put a worker_sid in
 * a Flex token. Only the match-everyone target expression (1==1) is understood when a list filters by one.
 */
import type { Emulator } from '../../core/emulator';
import { json } from '../../core/router';
import { first, newSid, readPage } from '../../core/wire';
import { PREFIX, TaskRouterContext, taskRouterTables } from './context';
import { ListQuery, listPage, NOTHING } from './listing';
import { activityParam, childOf, inWorkspaceBySid, namedInWorkspace, uniqueName, workspaceOf } from './lookups';
import type { ActivityRecord, WorkerRecord, WorkspaceRecord } from './model';
import { boolean, friendlyName, invalid, jsonObject, ordering, required, SortKey, sortBy } from './params';
import { inWorkspace } from './tables';
import { childUrl, listReply, workerWire } from './wire';

/**
 * The SID of the Worker whose contact_uri is `client:<identity>` (or whose friendly_name is the identity),
 * the oldest when several answer to it.
 */
export function workerSidForIdentity(emu: Emulator, identity: string): string | null {
  return taskRouterTables(emu).workers.page({ eq: { identity }, limit: 1 }).items[0]?.sid ?? null;
}

/** Only the match-everyone expression is understood; anything else would silently give wrong answers. */
const everyone = (e: string): boolean => /^\s*1\s*==\s*1\s*$/.test(e);

/** DateCreated ascending (the default) is the table's order; any other ordering sorts the matches. */
function workerOrder(order: [SortKey, 1 | -1][]): Pick<ListQuery<WorkerRecord>, 'sort'> {
  if (order.length === 0 || (order.length === 1 && order[0][0] === 'DateCreated' && order[0][1] === 1)) return {};
  return { sort: (items) => sortBy(items, order, (w, key) => (key === 'DateStatusChanged' ? [w.status_changed] : [w.created])) };
}

export function registerWorkers(ctx: TaskRouterContext): void {
  const r = ctx.router;
  const workersPath = `${PREFIX}/{WorkspaceSid}/Workers`;
  const { activities, queues, workers } = ctx.tables;

  /** The Activities the Worker filters allow (undefined: any); an empty list allows none. */
  const allowedActivities = (ws: WorkspaceRecord, sid?: string, name?: string, available?: boolean): string[] | undefined => {
    if (sid === undefined && name === undefined && available === undefined) return undefined;
    const candidates =
      name !== undefined
        ? [namedInWorkspace(activities, ws, name)]
        : sid !== undefined
          ? [inWorkspaceBySid(activities, ws, sid)]
          : activities.page({ eq: { Available: inWorkspace(ws.sid, String(available)) }, limit: Infinity }).items;
    return candidates
      .filter((a): a is ActivityRecord => a !== undefined)
      .filter((a) => (sid === undefined || a.sid === sid) && (available === undefined || a.available === available))
      .map((a) => a.sid);
  };

  r.add('GET', workersPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const q = req.query;
    const activityName = first(q, 'ActivityName');
    const activitySid = first(q, 'ActivitySid');
    const available = boolean(q, 'Available');
    const name = first(q, 'FriendlyName');
    const expression = first(q, 'TargetWorkersExpression');
    const queueSid = first(q, 'TaskQueueSid');
    const queueName = first(q, 'TaskQueueName');
    if (expression !== undefined && !everyone(expression)) {
      throw invalid('TargetWorkersExpression is not evaluated by the emulator (only 1==1)');
    }
    let noQueue = false;
    if (queueSid !== undefined || queueName !== undefined) {
      const queue =
        queueSid !== undefined ? inWorkspaceBySid(queues, ws, queueSid) : namedInWorkspace(queues, ws, queueName as string);
      const found = queue && (queueName === undefined || queue.friendly_name === queueName) ? queue : undefined;
      if (found && !everyone(found.target_workers)) {
        throw invalid(`TaskQueue ${found.sid} targets "${found.target_workers}", which the emulator does not evaluate`);
      }
      noQueue = !found;
    }
    if (noQueue) return listReply('workers', childUrl(ws.sid, 'Workers'), readPage(q), NOTHING, (w) => workerWire(ctx, w));
    const order = ordering(first(q, 'Ordering'), ['DateCreated', 'DateStatusChanged']);
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
    const request = readPage(q);
    const eq: Record<string, string> = { workspace: ws.sid };
    if (name !== undefined) eq.FriendlyName = inWorkspace(ws.sid, name);
    const allowed = allowedActivities(ws, activitySid, activityName, available);
    const found = listPage(
      workers,
      { eq, ...(allowed ? { anyOf: { index: 'ActivitySid', values: allowed } } : {}), ...workerOrder(order) },
      request,
    );
    return listReply('workers', childUrl(ws.sid, 'Workers'), request, found, (w) => workerWire(ctx, w), filters);
  });

  r.add('POST', workersPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const name = required(req.form, 'FriendlyName');
    if (name.length > 64) throw invalid('FriendlyName must be at most 64 characters');
    uniqueName(ctx, workers, ws, name, 'Worker');
    const attributes = first(req.form, 'Attributes') ?? '{}';
    jsonObject(attributes, 'Attributes');
    const activity = activityParam(ctx, ws, req.form, 'ActivitySid') ?? ws.default_activity_sid;
    const now = Date.now();
    const w: WorkerRecord = {
      sid: newSid('WK'),
      seq: ctx.nextSeq(),
      workspace_sid: ws.sid,
      friendly_name: name,
      attributes,
      activity_sid: activity,
      status_changed: now,
      created: now,
      updated: now,
    };
    workers.save(w);
    return json(201, workerWire(ctx, w));
  });

  r.add('GET', `${workersPath}/{Sid}`, (req) =>
    json(200, workerWire(ctx, childOf(workers, workspaceOf(ctx, req), 'Workers', req.params.Sid))),
  );

  r.add('POST', `${workersPath}/{Sid}`, (req) => {
    const ws = workspaceOf(ctx, req);
    const w = childOf(workers, ws, 'Workers', req.params.Sid);
    const f = req.form;
    const attributes = first(f, 'Attributes');
    const activity = activityParam(ctx, ws, f, 'ActivitySid');
    boolean(f, 'RejectPendingReservations');
    const name = friendlyName(f);
    if (name !== undefined) uniqueName(ctx, workers, ws, name, 'Worker', w.sid);
    if (attributes !== undefined) jsonObject(attributes, 'Attributes');
    const now = Date.now();
    if (name !== undefined) w.friendly_name = name;
    if (attributes !== undefined) w.attributes = attributes;
    if (activity !== undefined && activity !== w.activity_sid) {
      w.activity_sid = activity;
      w.status_changed = now;
    }
    w.updated = now;
    workers.save(w);
    return json(200, workerWire(ctx, w));
  });

  r.add('DELETE', `${workersPath}/{Sid}`, (req) => {
    workers.delete(childOf(workers, workspaceOf(ctx, req), 'Workers', req.params.Sid).sid);
    return { status: 204 };
  });
}
