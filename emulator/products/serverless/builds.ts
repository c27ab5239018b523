/**
 * Builds (/v1/Services/{ServiceSid}/Builds) and their Status: create, list, fetch. A build is `building`
 * for one lifecycle step after its creation, then `completed`, or `failed` when packaging refuses it
 * (build-checks.ts); the reason is in the request log, as Twilio's debugger shows it. The status is
 * worked out when read, so a build still building when the emulator stops finishes after a restart.
 */
import { json } from '../../core/router';
import type { Table } from '../../core/state';
import { all, first, iso8601, newSid, notFound } from '../../core/wire';
import { checkBuildRequest, DEFAULT_RUNTIME, packagingFailure, parseDependencies } from './build-checks';
import { BuildRecord, invalid, listPage, ROUTE, SERVERLESS_BASE, ServerlessContext, VersionRecord } from './model';

export type BuildStatus = 'building' | 'completed' | 'failed';

export function buildStatus(b: BuildRecord, now = Date.now()): BuildStatus {
  if (now < b.ready_at) return 'building';
  return b.failure ? 'failed' : 'completed';
}

export function registerBuilds(ctx: ServerlessContext): void {
  const { emu, tables } = ctx;
  const base = (serviceSid: string): string => `${SERVERLESS_BASE}/Services/${serviceSid}/Builds`;

  const versionWire = (v: VersionRecord, parent: 'function_sid' | 'asset_sid'): Record<string, unknown> => ({
    sid: v.sid,
    account_sid: emu.accountSid,
    service_sid: v.service_sid,
    [parent]: v.parent_sid,
    date_created: iso8601(v.created),
    path: v.path,
    visibility: v.visibility,
  });

  const versionsOf = (table: Table<VersionRecord>, sids: readonly string[]): VersionRecord[] =>
    sids.flatMap((sid) => table.get(sid) ?? []);

  const wire = (b: BuildRecord): Record<string, unknown> => {
    const url = `${base(b.service_sid)}/${b.sid}`;
    const status = buildStatus(b);
    return {
      sid: b.sid,
      account_sid: emu.accountSid,
      service_sid: b.service_sid,
      status,
      asset_versions: versionsOf(tables.assetVersions, b.asset_versions).map((v) => versionWire(v, 'asset_sid')),
      function_versions: versionsOf(tables.functionVersions, b.function_versions).map((v) => versionWire(v, 'function_sid')),
      dependencies: b.dependencies,
      runtime: b.runtime,
      date_created: iso8601(b.created),
      date_updated: iso8601(status === 'building' ? b.created : b.ready_at),
      url,
      links: { build_status: `${url}/Status` },
    };
  };

  const buildOf = (params: Record<string, string>): BuildRecord => {
    const service = ctx.service(params.ServiceSid);
    const b = tables.builds.get(params.Sid);
    if (!b || b.service_sid !== service.sid) throw notFound(`/v1/Services/${service.sid}/Builds/${params.Sid}`);
    return b;
  };

  /** The versions a build names, each of this service, or a refusal naming the first unknown one. */
  const named = (table: Table<VersionRecord>, sids: string[], serviceSid: string, kind: string): VersionRecord[] =>
    sids.map((sid) => {
      const v = table.get(sid);
      if (!v || v.service_sid !== serviceSid) throw invalid(`${kind} Version ${sid} was not found in this Service`);
      return v;
    });

  emu.router.add('POST', `${ROUTE}/{ServiceSid}/Builds`, (req) => {
    const service = ctx.service(req.params.ServiceSid);
    const functions = named(tables.functionVersions, all(req.form, 'FunctionVersions'), service.sid, 'Function');
    const assets = named(tables.assetVersions, all(req.form, 'AssetVersions'), service.sid, 'Asset');
    const dependencies = parseDependencies(first(req.form, 'Dependencies'));
    const runtime = first(req.form, 'Runtime') || DEFAULT_RUNTIME;
    checkBuildRequest(functions, assets, dependencies, runtime);
    const now = Date.now();
    const b: BuildRecord = {
      sid: newSid('ZB'),
      service_sid: service.sid,
      function_versions: functions.map((v) => v.sid),
      asset_versions: assets.map((v) => v.sid),
      dependencies,
      runtime,
      failure: packagingFailure(functions, assets),
      ready_at: now + emu.stepMs,
      created: now,
      seq: ctx.nextSeq(),
    };
    tables.builds.save(b);
    const failure = b.failure;
    if (failure)
      emu.schedule(emu.stepMs, () =>
        emu.reportError({ method: 'POST', url: `${base(service.sid)}/${b.sid}`, status: 400, ...failure }),
      );
    return json(201, wire(b));
  });

  emu.router.add('GET', `${ROUTE}/{ServiceSid}/Builds`, (req) => {
    const service = ctx.service(req.params.ServiceSid);
    return listPage(req, tables.builds, { service: service.sid }, 'builds', base(service.sid), wire);
  });

  emu.router.add('GET', `${ROUTE}/{ServiceSid}/Builds/{Sid}`, (req) => json(200, wire(buildOf(req.params))));

  emu.router.add('GET', `${ROUTE}/{ServiceSid}/Builds/{Sid}/Status`, (req) => {
    const b = buildOf(req.params);
    return json(200, {
      sid: b.sid,
      account_sid: emu.accountSid,
      service_sid: b.service_sid,
      status: buildStatus(b),
      url: `${base(b.service_sid)}/${b.sid}/Status`,
    });
  });
}
