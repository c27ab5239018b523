/**
 * Activities: /v1/Workspaces/{WorkspaceSid}/Activities[/{Sid}]. Only FriendlyName can change; an Activity
 * the workspace, a Worker or a TaskQueue still uses cannot be deleted.
 */
import { json } from '../../core/router';
import { first, newSid, readPage } from '../../core/wire';
import { PREFIX, TaskRouterContext } from './context';
import { listPage } from './listing';
import { childOf, uniqueName, workspaceOf } from './lookups';
import type { ActivityRecord } from './model';
import { boolean, invalid, required } from './params';
import { inWorkspace } from './tables';
import { activityWire, childUrl, listReply } from './wire';

export function registerActivities(ctx: TaskRouterContext): void {
  const r = ctx.router;
  const activitiesPath = `${PREFIX}/{WorkspaceSid}/Activities`;
  const { activities } = ctx.tables;

  r.add('GET', activitiesPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const name = first(req.query, 'FriendlyName');
    const available = boolean(req.query, 'Available');
    const request = readPage(req.query);
    const eq: Record<string, string> = { workspace: ws.sid };
    if (name !== undefined) eq.FriendlyName = inWorkspace(ws.sid, name);
    if (available !== undefined) eq.Available = inWorkspace(ws.sid, String(available));
    const found = listPage(activities, { eq }, request);
    return listReply('activities', childUrl(ws.sid, 'Activities'), request, found, (a) => activityWire(ctx, a), {
      FriendlyName: name,
      Available: first(req.query, 'Available'),
    });
  });

  r.add('POST', activitiesPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const name = required(req.form, 'FriendlyName');
    uniqueName(ctx, activities, ws, name, 'Activity');
    const now = Date.now();
    const a: ActivityRecord = {
      sid: newSid('WA'),
      seq: ctx.nextSeq(),
      workspace_sid: ws.sid,
      friendly_name: name,
      available: boolean(req.form, 'Available') ?? false,
      created: now,
      updated: now,
    };
    activities.save(a);
    return json(201, activityWire(ctx, a));
  });

  r.add('GET', `${activitiesPath}/{Sid}`, (req) =>
    json(200, activityWire(ctx, childOf(activities, workspaceOf(ctx, req), 'Activities', req.params.Sid))),
  );

  r.add('POST', `${activitiesPath}/{Sid}`, (req) => {
    const ws = workspaceOf(ctx, req);
    const a = childOf(activities, ws, 'Activities', req.params.Sid);
    const name = first(req.form, 'FriendlyName');
    if (name !== undefined) {
      if (name === '') throw invalid('FriendlyName must not be empty');
      uniqueName(ctx, activities, ws, name, 'Activity', a.sid);
      a.friendly_name = name;
    }
    a.updated = Date.now();
    activities.save(a);
    return json(200, activityWire(ctx, a));
  });

  r.add('DELETE', `${activitiesPath}/{Sid}`, (req) => {
    const ws = workspaceOf(ctx, req);
    const a = childOf(activities, ws, 'Activities', req.params.Sid);
    const inUse =
      ws.default_activity_sid === a.sid ||
      ws.timeout_activity_sid === a.sid ||
      ctx.tables.workers.count({ ActivitySid: a.sid }) > 0 ||
      ctx.tables.queues.count({ activity: a.sid }) > 0;
    if (inUse) throw invalid(`Activity ${a.sid} is in use by the workspace, a Worker or a TaskQueue and cannot be deleted`);
    activities.delete(a.sid);
    return { status: 204 };
  });
}
