/**
 * TaskChannels: /v1/Workspaces/{WorkspaceSid}/TaskChannels[/{Sid}], read only (every workspace has Flex's
 * six); a channel is addressed by sid or by unique name, as Tasks name it.
 */
import { json } from '../../core/router';
import { notFound, readPage } from '../../core/wire';
import { PREFIX, TaskRouterContext } from './context';
import { listPage } from './listing';
import { findChannel, workspaceOf } from './lookups';
import { channelWire, childUrl, listReply } from './wire';

export function registerTaskChannels(ctx: TaskRouterContext): void {
  const r = ctx.router;
  const channelsPath = `${PREFIX}/{WorkspaceSid}/TaskChannels`;

  r.add('GET', channelsPath, (req) => {
    const ws = workspaceOf(ctx, req);
    const request = readPage(req.query);
    const found = listPage(ctx.tables.channels, { eq: { workspace: ws.sid } }, request);
    return listReply('channels', childUrl(ws.sid, 'TaskChannels'), request, found, (c) => channelWire(ctx, c));
  });

  r.add('GET', `${channelsPath}/{Sid}`, (req) => {
    const ws = workspaceOf(ctx, req);
    const c = findChannel(ctx, ws, req.params.Sid);
    if (!c) throw notFound(`/v1/Workspaces/${ws.sid}/TaskChannels/${req.params.Sid}`);
    return json(200, channelWire(ctx, c));
  });
}
