/**
 * The gateway's view of what was deployed (emulator/gateway/deployed-build.ts): for a domain, the
 * environment's variables and the build of its latest deployment, with the uploaded content. A build never
 * changes once made, so its decoded content is kept for the few builds served lately rather than decoded
 * again on every request; variables can change at any time and are read each time.
 */
import type { DeployedAsset, DeployedEnvironment, DeployedEnvironments, DeployedFunction } from '../../gateway/deployed-build';
import type { BuildRecord, ServerlessTables, VersionRecord } from './model';

/** Builds whose content stays decoded: a few environments' live builds. */
const DECODED_BUILDS = 8;

interface DecodedBuild {
  functions: DeployedFunction[];
  assets: DeployedAsset[];
}

export function deployedEnvironments(tables: ServerlessTables): DeployedEnvironments {
  const decoded = new Map<string, DecodedBuild>();
  const versions = (sids: readonly string[], table: ServerlessTables['functionVersions']): VersionRecord[] =>
    sids.flatMap((sid) => table.get(sid) ?? []);

  const contentOf = (build: BuildRecord): DecodedBuild => {
    let d = decoded.get(build.sid);
    if (d) {
      decoded.delete(build.sid); // most recently used last
    } else {
      d = {
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
      };
    }
    decoded.set(build.sid, d);
    if (decoded.size > DECODED_BUILDS) decoded.delete(decoded.keys().next().value as string);
    return d;
  };

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
        ...contentOf(build),
        dependencies: Object.fromEntries(build.dependencies.map((d) => [d.name, d.version])),
        runtime: build.runtime,
      };
    },
  };
}
