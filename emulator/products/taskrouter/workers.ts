/**
 * Workers: /v1/Workspaces/{WorkspaceSid}/Workers[/{Sid}], and the look-up IAM uses to put a worker_sid in
 * a Flex token. Only the match-everyone target expression (1==1) is understood when a list filters by one.
 */
import type { Emulator } from '../../core/emulator';
import { json } from '../../core/router';
import { first, newSid } from '../../core/wire';
import { PREFIX, TaskRouterContext, taskRouterState } from './context';
import { activityParam, childOf, inWorkspace, uniqueName, workspaceOf } from './lookups';
import type { WorkerRecord } from './model';
import { boolean, friendlyName, invalid, jsonObject, ordering, required, sortBy } from './params';
import { childUrl, listReply, workerWire } from './wire';

/** The SID of the Worker whose contact_uri is `client:<identity>` (or whose friendly_name is the identity). */
export function workerSidForIdentity(emu: Emulator, identity: string): string | null {
  const state = taskRouterState(emu);
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

export function registerWorkers(ctx: TaskRouterContext): void {
  const r = ctx.router;
  const workersPath = `${PREFIX}/{WorkspaceSid}/Workers`;

  r.add('GET', workersPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const q = req.query;
    const s = ctx.state();
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
      if (!queue) return listReply(req, 'workers', childUrl(ws.sid, 'Workers'), []);
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
    const wire = items.map((w) => workerWire(ctx, w));
    return listReply(req, 'workers', childUrl(ws.sid, 'Workers'), wire, filters);
  });

  r.add('POST', workersPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const name = required(req.form, 'FriendlyName');
    if (name.length > 64) throw invalid('FriendlyName must be at most 64 characters');
    uniqueName(ctx, ctx.state().workers, ws, name, 'Worker');
    const attributes = first(req.form, 'Attributes') ?? '{}';
    jsonObject(attributes, 'Attributes');
    const activity = activityParam(ctx, ws, req.form, 'ActivitySid') ?? ws.default_activity_sid;
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
    ctx.state().workers[w.sid] = w;
    ctx.changed();
    return json(201, workerWire(ctx, w));
  });

  r.add('GET', `${workersPath}/{Sid}`, (req) =>
    json(200, workerWire(ctx, childOf(ctx.state().workers, workspaceOf(ctx, req), 'Workers', req.params.Sid))),
  );

  r.add('POST', `${workersPath}/{Sid}`, (req) => {
    const ws = workspaceOf(ctx, req);
    const w = childOf(ctx.state().workers, ws, 'Workers', req.params.Sid);
    const f = req.form;
    const attributes = first(f, 'Attributes');
    const activity = activityParam(ctx, ws, f, 'ActivitySid');
    boolean(f, 'RejectPendingReservations');
    const name = friendlyName(f);
    if (name !== undefined) uniqueName(ctx, ctx.state().workers, ws, name, 'Worker', w.sid);
    if (attributes !== undefined) jsonObject(attributes, 'Attributes');
    const now = Date.now();
    if (name !== undefined) w.friendly_name = name;
    if (attributes !== undefined) w.attributes = attributes;
    if (activity !== undefined && activity !== w.activity_sid) {
      w.activity_sid = activity;
      w.status_changed = now;
    }
    w.updated = now;
    ctx.changed();
    return json(200, workerWire(ctx, w));
  });

  r.add('DELETE', `${workersPath}/{Sid}`, (req) => {
    const w = childOf(ctx.state().workers, workspaceOf(ctx, req), 'Workers', req.params.Sid);
    delete ctx.state().workers[w.sid];
    ctx.changed();
    return { status: 204 };
  });
}
