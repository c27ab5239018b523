/**
 * The gateway's view of what was deployed (emulator/gateway/deployed-build.ts): for a domain, the
 * environment's variables and the build of its latest deployment, with the uploaded content.
 */
import type { DeployedEnvironment, DeployedEnvironments } from '../../gateway/deployed-build';
import type { ServerlessTables, VersionRecord } from './model';

export function deployedEnvironments(tables: ServerlessTables): DeployedEnvironments {
  const versions = (sids: readonly string[], table: ServerlessTables['functionVersions']): VersionRecord[] =>
    sids.flatMap((sid) => table.get(sid) ?? []);
  return {
    byDomain(domainName: string): DeployedEnvironment | undefined {
      const e = tables.environments.page({ eq: { domain: domainName.toLowerCase() }, limit: 1 }).items[0];
      const build = e?.build_sid ? tables.builds.get(e.build_sid) : undefined;
      if (!e || !build) return undefined;
      const variables: Record<string, string> = {};
      for (const v of tables.variables.page({ eq: { environment: e.sid }, limit: Infinity }).items) variables[v.key] = v.value;
      return {
        serviceSid: e.service_sid,
        environmentSid: e.sid,
        buildSid: build.sid,
        domainName: e.domain_name,
        variables,
        functions: versions(build.function_versions, tables.functionVersions).map((v) => ({
          path: v.path,
          visibility: v.visibility,
          content: Buffer.from(v.content, 'base64').toString('utf8'),
        })),
        assets: versions(build.asset_versions, tables.assetVersions).map((v) => ({
          path: v.path,
          visibility: v.visibility,
          content: Buffer.from(v.content, 'base64'),
        })),
        dependencies: Object.fromEntries(build.dependencies.map((d) => [d.name, d.version])),
        runtime: build.runtime,
      };
    },
  };
}
