/**
 * Activities: /v1/Workspaces/{WorkspaceSid}/Activities[/{Sid}]. Only FriendlyName can change; an Activity
 * the workspace, a Worker or a TaskQueue still uses cannot be deleted.
 */
import { json } from '../../core/router';
import { first, newSid } from '../../core/wire';
import { PREFIX, TaskRouterContext } from './context';
import { childOf, inWorkspace, uniqueName, workspaceOf } from './lookups';
import type { ActivityRecord } from './model';
import { boolean, invalid, required } from './params';
import { activityWire, childUrl, listReply } from './wire';

export function registerActivities(ctx: TaskRouterContext): void {
  const r = ctx.router;
  const activitiesPath = `${PREFIX}/{WorkspaceSid}/Activities`;

  r.add('GET', activitiesPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const name = first(req.query, 'FriendlyName');
    const available = boolean(req.query, 'Available');
    const items = inWorkspace(ctx.state().activities, ws)
      .filter((a) => (name === undefined ? true : a.friendly_name === name))
      .filter((a) => (available === undefined ? true : a.available === available))
      .map((a) => activityWire(ctx, a));
    return listReply(req, 'activities', childUrl(ws.sid, 'Activities'), items, {
      FriendlyName: name,
      Available: first(req.query, 'Available'),
    });
  });

  r.add('POST', activitiesPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const name = required(req.form, 'FriendlyName');
    uniqueName(ctx, ctx.state().activities, ws, name, 'Activity', undefined);
    const now = Date.now();
    const a: ActivityRecord = {
      sid: newSid('WA'),
      workspace_sid: ws.sid,
      friendly_name: name,
      available: boolean(req.form, 'Available') ?? false,
      created: now,
      updated: now,
    };
    ctx.state().activities[a.sid] = a;
    ctx.changed();
    return json(201, activityWire(ctx, a));
  });

  r.add('GET', `${activitiesPath}/{Sid}`, (req) =>
    json(200, activityWire(ctx, childOf(ctx.state().activities, workspaceOf(ctx, req), 'Activities', req.params.Sid))),
  );

  r.add('POST', `${activitiesPath}/{Sid}`, (req) => {
    const ws = workspaceOf(ctx, req);
    const a = childOf(ctx.state().activities, ws, 'Activities', req.params.Sid);
    const name = first(req.form, 'FriendlyName');
    if (name !== undefined) {
      if (name === '') throw invalid('FriendlyName must not be empty');
      uniqueName(ctx, ctx.state().activities, ws, name, 'Activity', a.sid);
      a.friendly_name = name;
    }
    a.updated = Date.now();
    ctx.changed();
    return json(200, activityWire(ctx, a));
  });

  r.add('DELETE', `${activitiesPath}/{Sid}`, (req) => {
    const ws = workspaceOf(ctx, req);
    const a = childOf(ctx.state().activities, ws, 'Activities', req.params.Sid);
    const s = ctx.state();
    const inUse =
      ws.default_activity_sid === a.sid ||
      ws.timeout_activity_sid === a.sid ||
      Object.values(s.workers).some((w) => w.activity_sid === a.sid) ||
      Object.values(s.queues).some((q) => q.assignment_activity_sid === a.sid || q.reservation_activity_sid === a.sid);
    if (inUse) throw invalid(`Activity ${a.sid} is in use by the workspace, a Worker or a TaskQueue and cannot be deleted`);
    delete s.activities[a.sid];
    ctx.changed();
    return { status: 204 };
  });
}
