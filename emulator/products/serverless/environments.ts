/**
 * Serverless Environments (/v1/Services/{ServiceSid}/Environments): create, list, fetch. An environment's
 * domain is built as Twilio builds it: the service's domain base (its unique name and a random part), then
 * the domain suffix, under twil.io: `thanos-3432-dev.twil.io`, or `thanos-3432.twil.io` without a suffix.
 * `build_sid` is the build of its latest deployment.
 */
import { json } from '../../core/router';
import { first, newSid } from '../../core/wire';
import {
  dates,
  EnvironmentRecord,
  environmentNameTaken,
  invalid,
  listPage,
  ROUTE,
  SERVERLESS_BASE,
  ServerlessContext,
} from './model';

/** Twilio's limits: 25 environments per service (API-only docs); UniqueName 100 and DomainSuffix 16 characters (API reference). */
const MAX_ENVIRONMENTS = 25;
const MAX_UNIQUE_NAME = 100;
const MAX_DOMAIN_SUFFIX = 16;
const SUFFIX = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export function registerEnvironments(ctx: ServerlessContext): void {
  const { emu, tables } = ctx;
  const base = (serviceSid: string): string => `${SERVERLESS_BASE}/Services/${serviceSid}/Environments`;

  const wire = (e: EnvironmentRecord): Record<string, unknown> => {
    const url = `${base(e.service_sid)}/${e.sid}`;
    return {
      sid: e.sid,
      account_sid: emu.accountSid,
      service_sid: e.service_sid,
      build_sid: e.build_sid,
      unique_name: e.unique_name,
      domain_suffix: e.domain_suffix,
      domain_name: e.domain_name,
      ...dates(e),
      url,
      links: { variables: `${url}/Variables`, deployments: `${url}/Deployments`, logs: `${url}/Logs` },
    };
  };

  emu.router.add('POST', `${ROUTE}/{ServiceSid}/Environments`, (req) => {
    const service = ctx.service(req.params.ServiceSid);
    const uniqueName = first(req.form, 'UniqueName');
    if (!uniqueName) throw invalid('UniqueName is required');
    if (uniqueName.length > MAX_UNIQUE_NAME) throw invalid(`UniqueName must be at most ${MAX_UNIQUE_NAME} characters`);
    const suffix = first(req.form, 'DomainSuffix') || null;
    if (suffix !== null && (suffix.length > MAX_DOMAIN_SUFFIX || !SUFFIX.test(suffix)))
      throw invalid(`DomainSuffix must be at most ${MAX_DOMAIN_SUFFIX} lowercase letters, digits and inner hyphens`);
    if (environmentNameTaken(tables, service.sid, uniqueName))
      throw invalid(`Environment with UniqueName ${uniqueName} already exists`);
    const domainName = `${service.domain_base}${suffix ? `-${suffix}` : ''}.twil.io`;
    if (tables.environments.count({ domain: domainName }) > 0)
      throw invalid(`An environment with DomainSuffix ${suffix ?? '(none)'} already exists`);
    if (tables.environments.count({ service: service.sid }) >= MAX_ENVIRONMENTS)
      throw invalid(`A service can have at most ${MAX_ENVIRONMENTS} environments`);
    const now = Date.now();
    const e: EnvironmentRecord = {
      sid: newSid('ZE'),
      service_sid: service.sid,
      unique_name: uniqueName,
      domain_suffix: suffix,
      domain_name: domainName,
      build_sid: null,
      created: now,
      updated: now,
      seq: ctx.nextSeq(),
    };
    tables.environments.save(e);
    return json(201, wire(e));
  });

  emu.router.add('GET', `${ROUTE}/{ServiceSid}/Environments`, (req) => {
    const service = ctx.service(req.params.ServiceSid);
    return listPage(req, tables.environments, { service: service.sid }, 'environments', base(service.sid), wire);
  });

  emu.router.add('GET', `${ROUTE}/{ServiceSid}/Environments/{Sid}`, (req) =>
    json(200, wire(ctx.environment(ctx.service(req.params.ServiceSid), req.params.Sid))),
  );
}
