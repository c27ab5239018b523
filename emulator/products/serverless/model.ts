/**
 * What the Serverless API's route modules share: the records (services, environments, functions and
 * assets with their versions, builds, deployments, variables), their tables, how a path's service and
 * environment are found (by sid or unique name, as Twilio allows), and the v1 list page.
 */
import type { Emulator } from '../../core/emulator';
import { EmuReply, EmuRequest, json } from '../../core/router';
import type { Table } from '../../core/state';
import { iso8601, notFound, pageV1, readPage, TwilioApiError } from '../../core/wire';

export const SERVERLESS_BASE = 'https://serverless.twilio.com/v1';
/** Routes of serverless.twilio.com/v1 and of its upload host serverless-upload.twilio.com/v1. */
export const ROUTE = '/serverless/v1/Services';
export const UPLOAD_ROUTE = '/serverless-upload/v1/Services';

export type Visibility = 'public' | 'protected' | 'private';

export interface ServiceRecord {
  sid: string;
  unique_name: string;
  friendly_name: string;
  include_credentials: boolean;
  ui_editable: boolean;
  /** The unique name and a random part: every environment's domain starts with it. */
  domain_base: string;
  created: number;
  updated: number;
  seq: number;
}

export interface EnvironmentRecord {
  sid: string;
  service_sid: string;
  unique_name: string;
  domain_suffix: string | null;
  domain_name: string;
  /** The build of the latest deployment; null until the first one. */
  build_sid: string | null;
  created: number;
  updated: number;
  seq: number;
}

/** A Function or an Asset: a name whose content lives in its versions. */
export interface ResourceRecord {
  sid: string;
  service_sid: string;
  friendly_name: string;
  created: number;
  updated: number;
  seq: number;
}

export interface VersionRecord {
  sid: string;
  service_sid: string;
  /** The Function's or Asset's sid. */
  parent_sid: string;
  path: string;
  visibility: Visibility;
  /** The uploaded bytes, base64 (records are JSON). */
  content: string;
  size: number;
  created: number;
  seq: number;
}

export interface Dependency {
  name: string;
  version: string;
}

export interface BuildRecord {
  sid: string;
  service_sid: string;
  function_versions: string[];
  asset_versions: string[];
  dependencies: Dependency[];
  runtime: string;
  /** Why packaging fails (known at creation, shown once the build leaves `building`), or null. */
  failure: { code: number; message: string } | null;
  /** When the build leaves `building` (one lifecycle step after its creation). */
  ready_at: number;
  created: number;
  seq: number;
}

export interface DeploymentRecord {
  sid: string;
  service_sid: string;
  environment_sid: string;
  build_sid: string;
  created: number;
  seq: number;
}

export interface VariableRecord {
  sid: string;
  service_sid: string;
  environment_sid: string;
  key: string;
  value: string;
  created: number;
  updated: number;
  seq: number;
}

export interface ServerlessTables {
  services: Table<ServiceRecord>;
  environments: Table<EnvironmentRecord>;
  functions: Table<ResourceRecord>;
  assets: Table<ResourceRecord>;
  functionVersions: Table<VersionRecord>;
  assetVersions: Table<VersionRecord>;
  builds: Table<BuildRecord>;
  deployments: Table<DeploymentRecord>;
  variables: Table<VariableRecord>;
}

export interface ServerlessContext {
  readonly emu: Emulator;
  readonly tables: ServerlessTables;
  /** Creation order, for stable listings when two records share a millisecond. */
  nextSeq(): number;
  /** The service a path names by sid or unique name, or Twilio's 20404. */
  service(id: string): ServiceRecord;
  /** The environment of that service a path names by sid or unique name, or 20404. */
  environment(service: ServiceRecord, id: string): EnvironmentRecord;
}

/** Twilio answers the Serverless API's refusals with 400 and 20001. */
export const invalid = (message: string): TwilioApiError => new TwilioApiError(400, 20001, message);

export const dates = (r: { created: number; updated?: number }): { date_created: string; date_updated: string } => ({
  date_created: iso8601(r.created),
  date_updated: iso8601(r.updated ?? r.created),
});

/** One v1 page of a table's records under the indexed filter `eq`, oldest first. */
export function listPage<T extends object>(
  req: EmuRequest,
  table: Table<T>,
  eq: Record<string, string>,
  key: string,
  url: string,
  wire: (r: T) => unknown,
): EmuReply {
  const request = readPage(req.query);
  const found = table.page({ eq, offset: request.page * request.pageSize, limit: request.pageSize });
  return json(200, pageV1(key, url, found.items.map(wire), request, {}, found.more));
}

const byService = <T extends { service_sid: string }>(r: T): string => r.service_sid;
const uniqueKey = (parent: string, name: string): string => `${parent}\u0000${name}`;

export function createContext(emu: Emulator): ServerlessContext {
  const counter = (): { seq: number } => emu.state.slice('serverless-sequence', () => ({ seq: 1 }));
  const ordered = { position: (r: { seq: number }) => r.seq };
  const tables: ServerlessTables = {
    services: emu.state.table<ServiceRecord>('serverless-services', {
      key: (s) => s.sid,
      ...ordered,
      indexes: { unique: (s) => s.unique_name },
    }),
    environments: emu.state.table<EnvironmentRecord>('serverless-environments', {
      key: (e) => e.sid,
      ...ordered,
      indexes: {
        service: byService,
        unique: (e) => uniqueKey(e.service_sid, e.unique_name),
        domain: (e) => e.domain_name.toLowerCase(),
      },
    }),
    functions: emu.state.table<ResourceRecord>('serverless-functions', {
      key: (f) => f.sid,
      ...ordered,
      indexes: { service: byService },
    }),
    assets: emu.state.table<ResourceRecord>('serverless-assets', {
      key: (a) => a.sid,
      ...ordered,
      indexes: { service: byService },
    }),
    functionVersions: emu.state.table<VersionRecord>('serverless-function-versions', {
      key: (v) => v.sid,
      ...ordered,
      indexes: { parent: (v) => v.parent_sid },
    }),
    assetVersions: emu.state.table<VersionRecord>('serverless-asset-versions', {
      key: (v) => v.sid,
      ...ordered,
      indexes: { parent: (v) => v.parent_sid },
    }),
    builds: emu.state.table<BuildRecord>('serverless-builds', { key: (b) => b.sid, ...ordered, indexes: { service: byService } }),
    deployments: emu.state.table<DeploymentRecord>('serverless-deployments', {
      key: (d) => d.sid,
      ...ordered,
      indexes: { environment: (d) => d.environment_sid },
    }),
    variables: emu.state.table<VariableRecord>('serverless-variables', {
      key: (v) => v.sid,
      ...ordered,
      indexes: { environment: (v) => v.environment_sid, key: (v) => uniqueKey(v.environment_sid, v.key) },
    }),
  };
  return {
    emu,
    tables,
    nextSeq() {
      const c = counter();
      const seq = c.seq++;
      emu.state.changed('serverless-sequence');
      return seq;
    },
    service(id) {
      const s = tables.services.get(id) ?? tables.services.page({ eq: { unique: id }, limit: 1 }).items[0];
      if (!s) throw notFound(`/v1/Services/${id}`);
      return s;
    },
    environment(service, id) {
      const bySid = tables.environments.get(id);
      const e =
        bySid?.service_sid === service.sid
          ? bySid
          : tables.environments.page({ eq: { unique: uniqueKey(service.sid, id) }, limit: 1 }).items[0];
      if (!e) throw notFound(`/v1/Services/${service.sid}/Environments/${id}`);
      return e;
    },
  };
}

/** Whether another variable of the environment already has this key. */
export const variableKeyTaken = (tables: ServerlessTables, environmentSid: string, key: string): boolean =>
  tables.variables.count({ key: uniqueKey(environmentSid, key) }) > 0;

/** Whether another environment of the service already has this unique name. */
export const environmentNameTaken = (tables: ServerlessTables, serviceSid: string, name: string): boolean =>
  tables.environments.count({ unique: uniqueKey(serviceSid, name) }) > 0;
