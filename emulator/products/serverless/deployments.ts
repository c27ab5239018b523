/**
 * Deployments (/v1/Services/{ServiceSid}/Environments/{EnvironmentSid}/Deployments): create and list. A
 * deployment puts a completed build of the service live in the environment: the environment's `build_sid`
 * becomes the build's, and the gateway serves it from then on.
 */
import { json } from '../../core/router';
import { first, newSid, notFound } from '../../core/wire';
import { buildStatus } from './builds';
import {
  DeploymentRecord,
  EnvironmentRecord,
  dates,
  invalid,
  listPage,
  ROUTE,
  SERVERLESS_BASE,
  ServerlessContext,
} from './model';

const PATH = `${ROUTE}/{ServiceSid}/Environments/{EnvironmentSid}/Deployments`;

export function registerDeployments(ctx: ServerlessContext): void {
  const { emu, tables } = ctx;
  const base = (e: EnvironmentRecord): string => `${SERVERLESS_BASE}/Services/${e.service_sid}/Environments/${e.sid}/Deployments`;

  const wire = (d: DeploymentRecord): Record<string, unknown> => ({
    sid: d.sid,
    account_sid: emu.accountSid,
    service_sid: d.service_sid,
    environment_sid: d.environment_sid,
    build_sid: d.build_sid,
    ...dates(d),
    url: `${SERVERLESS_BASE}/Services/${d.service_sid}/Environments/${d.environment_sid}/Deployments/${d.sid}`,
  });

  const environmentOf = (params: Record<string, string>): EnvironmentRecord =>
    ctx.environment(ctx.service(params.ServiceSid), params.EnvironmentSid);

  emu.router.add('POST', PATH, (req) => {
    const e = environmentOf(req.params);
    const buildSid = first(req.form, 'BuildSid');
    if (!buildSid) throw invalid('BuildSid is required');
    const build = tables.builds.get(buildSid);
    if (!build || build.service_sid !== e.service_sid) throw invalid(`Build ${buildSid} was not found in this Service`);
    const status = buildStatus(build);
    if (status !== 'completed') throw invalid(`Build ${buildSid} is ${status}; only a completed Build can be deployed`);
    const now = Date.now();
    const d: DeploymentRecord = {
      sid: newSid('ZD'),
      service_sid: e.service_sid,
      environment_sid: e.sid,
      build_sid: build.sid,
      created: now,
      seq: ctx.nextSeq(),
    };
    tables.deployments.save(d);
    e.build_sid = build.sid;
    e.updated = now;
    tables.environments.save(e);
    return json(201, wire(d));
  });

  emu.router.add('GET', PATH, (req) => {
    const e = environmentOf(req.params);
    return listPage(req, tables.deployments, { environment: e.sid }, 'deployments', base(e), wire);
  });

  emu.router.add('GET', `${PATH}/{Sid}`, (req) => {
    const e = environmentOf(req.params);
    const d = tables.deployments.get(req.params.Sid);
    if (!d || d.environment_sid !== e.sid)
      throw notFound(`/v1/Services/${e.service_sid}/Environments/${e.sid}/Deployments/${req.params.Sid}`);
    return json(200, wire(d));
  });
}
