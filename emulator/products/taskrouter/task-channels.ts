/**
 * TaskChannels: /v1/Workspaces/{WorkspaceSid}/TaskChannels[/{Sid}], read only (every workspace has Flex's
 * six); a channel is addressed by sid or by unique name, as Tasks name it.
 */
import { json } from '../../core/router';
import { notFound } from '../../core/wire';
import { PREFIX, TaskRouterContext } from './context';
import { inWorkspace, workspaceOf } from './lookups';
import { channelWire, childUrl, listReply } from './wire';

export function registerTaskChannels(ctx: TaskRouterContext): void {
  const r = ctx.router;
  const channelsPath = `${PREFIX}/{WorkspaceSid}/TaskChannels`;

  r.add('GET', channelsPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const items = inWorkspace(ctx.state().channels, ws).map((c) => channelWire(ctx, c));
    return listReply(req, 'channels', childUrl(ws.sid, 'TaskChannels'), items);
  });

  r.add('GET', `${channelsPath}/{Sid}`, (req) => {
    const ws = workspaceOf(ctx, req);
    const c = Object.values(ctx.state().channels).find(
      (x) => x.workspace_sid === ws.sid && (x.sid === req.params.Sid || x.unique_name === req.params.Sid),
    );
    if (!c) throw notFound(`/v1/Workspaces/${ws.sid}/TaskChannels/${req.params.Sid}`);
    return json(200, channelWire(ctx, c));
  });
}
