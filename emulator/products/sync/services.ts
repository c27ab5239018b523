/**
 * Sync Services: /v1/Services and /v1/Services/{Sid}. Deleting a service deletes its objects.
 */
import { json } from '../../core/router';
import { bool, first, pageV1, Params } from '../../core/wire';
import { dropItems, itemKey, newService, SyncContext } from './context';
import { SYNC_BASE, ServiceRecord, wireService } from './model';
import { readSyncPage, syncError } from './params';

function applySettings(s: ServiceRecord, form: Params): void {
  const friendly = first(form, 'FriendlyName');
  if (friendly !== undefined) s.friendly_name = friendly;
  const webhook = first(form, 'WebhookUrl');
  if (webhook !== undefined) {
    if (webhook !== '' && !/^https?:\/\/\S+$/.test(webhook))
      throw syncError(400, 20001, `WebhookUrl is not a valid URL: ${webhook}`);
    s.webhook_url = webhook === '' ? null : webhook;
  }
  type Flag = 'webhooks_from_rest_enabled' | 'reachability_webhooks_enabled' | 'acl_enabled' | 'reachability_debouncing_enabled';
  const flags: [Flag, string][] = [
    ['webhooks_from_rest_enabled', 'WebhooksFromRestEnabled'],
    ['reachability_webhooks_enabled', 'ReachabilityWebhooksEnabled'],
    ['acl_enabled', 'AclEnabled'],
    ['reachability_debouncing_enabled', 'ReachabilityDebouncingEnabled'],
  ];
  for (const [field, param] of flags) {
    const v = bool(form, param);
    if (v !== undefined) s[field] = v;
  }
  const window = first(form, 'ReachabilityDebouncingWindow');
  if (window !== undefined) {
    const ms = Number(window);
    if (!Number.isInteger(ms) || ms < 1000 || ms > 30000) {
      throw syncError(400, 20001, 'ReachabilityDebouncingWindow must be an integer between 1000 and 30000');
    }
    s.reachability_debouncing_window = ms;
  }
}

export function registerServices(ctx: SyncContext): void {
  const wire = (s: ServiceRecord): Record<string, unknown> => wireService(ctx.emu.accountSid, s);

  ctx.route('POST', '/Services', (req, now) => {
    const s = newService(ctx.nextSeq(), now);
    applySettings(s, req.form);
    ctx.tables.services.save(s);
    return json(201, wire(s));
  });

  ctx.route('GET', '/Services', (req) => {
    const request = readSyncPage(req.query);
    const found = ctx.tables.services.page({ offset: request.page * request.pageSize, limit: request.pageSize });
    return json(200, pageV1('services', `${SYNC_BASE}/Services`, found.items.map(wire), request, {}, found.more));
  });

  ctx.route('GET', '/Services/{Sid}', (req) => json(200, wire(ctx.service(req.params.Sid))));

  ctx.route('POST', '/Services/{Sid}', (req, now) => {
    const s = ctx.service(req.params.Sid);
    applySettings(s, req.form);
    s.updated = now;
    ctx.tables.services.save(s);
    return json(200, wire(s));
  });

  ctx.route('DELETE', '/Services/{Sid}', (req) => {
    const s = ctx.service(req.params.Sid);
    const t = ctx.tables;
    const inService = { eq: { service: s.sid }, limit: Infinity };
    for (const d of t.documents.page(inService).items) t.documents.delete(d.sid);
    for (const m of t.maps.page(inService).items) {
      t.maps.delete(m.sid);
      dropItems(t.mapItems, m.sid, (i) => itemKey(i.parent, i.key));
    }
    for (const l of t.lists.page(inService).items) {
      t.lists.delete(l.sid);
      dropItems(t.listItems, l.sid, (i) => itemKey(i.parent, i.index));
    }
    t.services.delete(s.sid);
    return { status: 204 };
  });
}
