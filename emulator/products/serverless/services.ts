/**
 * Serverless Services (serverless.twilio.com/v1/Services): create, list, fetch (by sid or unique name)
 * and update. A deploy finds its service by unique name in the list; creating one whose name is taken
 * fails, which is how the Serverless Toolkit learns that it exists.
 */
import { randomInt } from 'crypto';
import { json } from '../../core/router';
import { bool, first, newSid } from '../../core/wire';
import { dates, invalid, listPage, ROUTE, SERVERLESS_BASE, ServerlessContext, ServiceRecord } from './model';

/** Twilio's Serverless API limits (docs, "Functions & Assets (API-only)": 10 services per account). */
const MAX_SERVICES = 10;
const MAX_UNIQUE_NAME = 50;
const MAX_FRIENDLY_NAME = 255;
/** The unique name starts every environment's domain name, so it must be a valid DNS label. */
const DOMAIN_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/;

export function registerServices(ctx: ServerlessContext): void {
  const { emu, tables } = ctx;
  const url = (sid: string): string => `${SERVERLESS_BASE}/Services/${sid}`;

  const wire = (s: ServiceRecord): Record<string, unknown> => ({
    sid: s.sid,
    account_sid: emu.accountSid,
    friendly_name: s.friendly_name,
    unique_name: s.unique_name,
    include_credentials: s.include_credentials,
    ui_editable: s.ui_editable,
    domain_base: s.domain_base,
    ...dates(s),
    url: url(s.sid),
    links: {
      functions: `${url(s.sid)}/Functions`,
      assets: `${url(s.sid)}/Assets`,
      environments: `${url(s.sid)}/Environments`,
      builds: `${url(s.sid)}/Builds`,
    },
  });

  const friendlyName = (value: string | undefined): string | undefined => {
    if (value !== undefined && (!value.trim() || value.length > MAX_FRIENDLY_NAME))
      throw invalid(`FriendlyName must be 1 to ${MAX_FRIENDLY_NAME} characters`);
    return value;
  };

  emu.router.add('POST', ROUTE, (req) => {
    const uniqueName = first(req.form, 'UniqueName');
    if (!uniqueName) throw invalid('UniqueName is required');
    if (uniqueName.length > MAX_UNIQUE_NAME || !DOMAIN_LABEL.test(uniqueName))
      throw invalid(`UniqueName must be at most ${MAX_UNIQUE_NAME} letters, digits and inner hyphens`);
    const name = friendlyName(first(req.form, 'FriendlyName'));
    if (name === undefined) throw invalid('FriendlyName is required');
    const includeCredentials = bool(req.form, 'IncludeCredentials') ?? true;
    const uiEditable = bool(req.form, 'UiEditable') ?? false;
    if (tables.services.count({ unique: uniqueName }) > 0) throw invalid(`Service with UniqueName ${uniqueName} already exists`);
    if (tables.services.count() >= MAX_SERVICES) throw invalid(`An account can have at most ${MAX_SERVICES} services`);
    const now = Date.now();
    const s: ServiceRecord = {
      sid: newSid('ZS'),
      unique_name: uniqueName,
      friendly_name: name,
      include_credentials: includeCredentials,
      ui_editable: uiEditable,
      domain_base: `${uniqueName.toLowerCase()}-${randomInt(1000, 10000)}`,
      created: now,
      updated: now,
      seq: ctx.nextSeq(),
    };
    tables.services.save(s);
    return json(201, wire(s));
  });

  emu.router.add('GET', ROUTE, (req) => listPage(req, tables.services, {}, 'services', `${SERVERLESS_BASE}/Services`, wire));

  emu.router.add('GET', `${ROUTE}/{Sid}`, (req) => json(200, wire(ctx.service(req.params.Sid))));

  emu.router.add('POST', `${ROUTE}/{Sid}`, (req) => {
    const s = ctx.service(req.params.Sid);
    const name = friendlyName(first(req.form, 'FriendlyName'));
    const includeCredentials = bool(req.form, 'IncludeCredentials');
    const uiEditable = bool(req.form, 'UiEditable');
    if (name !== undefined) s.friendly_name = name;
    if (includeCredentials !== undefined) s.include_credentials = includeCredentials;
    if (uiEditable !== undefined) s.ui_editable = uiEditable;
    s.updated = Date.now();
    tables.services.save(s);
    return json(200, wire(s));
  });
}
