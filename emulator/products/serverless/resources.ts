/**
 * Functions and Assets (/v1/Services/{ServiceSid}/Functions, /Assets) and their Versions. Both kinds work
 * alike: a named resource (create, list, fetch, rename) whose content arrives as a Version, uploaded as
 * multipart/form-data (`Path`, `Visibility`, `Content`) to the upload host serverless-upload.twilio.com;
 * versions are listed and fetched on serverless.twilio.com, and a Function Version's code is read back
 * from its `/Content`.
 */
import { json } from '../../core/router';
import type { Table } from '../../core/state';
import { parseMultipart } from '../../core/multipart';
import { first, iso8601, newSid, notFound } from '../../core/wire';
import {
  dates,
  invalid,
  listPage,
  ResourceRecord,
  ROUTE,
  SERVERLESS_BASE,
  ServerlessContext,
  UPLOAD_ROUTE,
  VersionRecord,
  Visibility,
} from './model';

interface Kind {
  /** Path segment: Functions or Assets. */
  plural: 'Functions' | 'Assets';
  /** As Twilio names the parent in a version's fields and links: function or asset. */
  singular: 'function' | 'asset';
  resources: Table<ResourceRecord>;
  versions: Table<VersionRecord>;
}

/** Twilio's API reference: FriendlyName and Path "a maximum of 255 characters". */
const MAX_NAME = 255;
const MAX_PATH = 255;
/** What the upload host reads of one body: above the largest file Twilio hosts (25 MB per Asset). */
const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;
const VISIBILITIES: readonly Visibility[] = ['public', 'protected', 'private'];

export function registerResources(ctx: ServerlessContext, kind: Kind): void {
  const { emu } = ctx;
  const { plural, singular, resources, versions } = kind;
  /** The path parameter naming a version's parent: FunctionSid or AssetSid. */
  const parentName = singular === 'function' ? 'FunctionSid' : 'AssetSid';
  const base = (serviceSid: string): string => `${SERVERLESS_BASE}/Services/${serviceSid}/${plural}`;
  const resourcePath = `${ROUTE}/{ServiceSid}/${plural}`;

  const wire = (r: ResourceRecord): Record<string, unknown> => ({
    sid: r.sid,
    account_sid: emu.accountSid,
    service_sid: r.service_sid,
    friendly_name: r.friendly_name,
    ...dates(r),
    url: `${base(r.service_sid)}/${r.sid}`,
    links: { [`${singular}_versions`]: `${base(r.service_sid)}/${r.sid}/Versions` },
  });

  const versionUrl = (v: VersionRecord): string => `${base(v.service_sid)}/${v.parent_sid}/Versions/${v.sid}`;
  const wireVersion = (v: VersionRecord): Record<string, unknown> => ({
    sid: v.sid,
    account_sid: emu.accountSid,
    service_sid: v.service_sid,
    [`${singular}_sid`]: v.parent_sid,
    path: v.path,
    visibility: v.visibility,
    date_created: iso8601(v.created),
    url: versionUrl(v),
    ...(singular === 'function' ? { links: { function_version_content: `${versionUrl(v)}/Content` } } : {}),
  });

  const resourceOf = (params: Record<string, string>, param: string): ResourceRecord => {
    const service = ctx.service(params.ServiceSid);
    const r = resources.get(params[param]);
    if (!r || r.service_sid !== service.sid) throw notFound(`/v1/Services/${service.sid}/${plural}/${params[param]}`);
    return r;
  };

  const versionOf = (params: Record<string, string>): VersionRecord => {
    const r = resourceOf(params, parentName);
    const v = versions.get(params.Sid);
    if (!v || v.parent_sid !== r.sid) throw notFound(`/v1/Services/${r.service_sid}/${plural}/${r.sid}/Versions/${params.Sid}`);
    return v;
  };

  const friendlyName = (value: string | undefined): string => {
    if (!value?.trim() || value.length > MAX_NAME) throw invalid(`FriendlyName must be 1 to ${MAX_NAME} characters`);
    return value;
  };

  emu.router.add('POST', resourcePath, (req) => {
    const service = ctx.service(req.params.ServiceSid);
    const now = Date.now();
    const r: ResourceRecord = {
      sid: newSid('ZH'),
      service_sid: service.sid,
      friendly_name: friendlyName(first(req.form, 'FriendlyName')),
      created: now,
      updated: now,
      seq: ctx.nextSeq(),
    };
    resources.save(r);
    return json(201, wire(r));
  });

  emu.router.add('GET', resourcePath, (req) => {
    const service = ctx.service(req.params.ServiceSid);
    return listPage(req, resources, { service: service.sid }, plural.toLowerCase(), base(service.sid), wire);
  });

  emu.router.add('GET', `${resourcePath}/{Sid}`, (req) => json(200, wire(resourceOf(req.params, 'Sid'))));

  emu.router.add('POST', `${resourcePath}/{Sid}`, (req) => {
    const r = resourceOf(req.params, 'Sid');
    r.friendly_name = friendlyName(first(req.form, 'FriendlyName'));
    r.updated = Date.now();
    resources.save(r);
    return json(200, wire(r));
  });

  const versionsPath = `${resourcePath}/{${parentName}}/Versions`;

  emu.router.add(
    'POST',
    `${UPLOAD_ROUTE}/{ServiceSid}/${plural}/{${parentName}}/Versions`,
    (req) => {
      const r = resourceOf(req.params, parentName);
      const parts = parseMultipart(String(req.headers['content-type'] ?? ''), req.body);
      const field = (name: string): string | undefined => parts.find((p) => p.name === name)?.data.toString('utf8');
      const content = parts.find((p) => p.name === 'Content');
      let path = field('Path');
      const visibility = field('Visibility') as Visibility | undefined;
      if (!path) throw invalid('Path is required');
      if (!path.startsWith('/')) path = `/${path}`; // Twilio prepends the slash a path lacks
      if (path.length > MAX_PATH) throw invalid(`Path must be at most ${MAX_PATH} characters`);
      if (!visibility || !VISIBILITIES.includes(visibility))
        throw invalid(`Visibility must be one of ${VISIBILITIES.join(', ')}`);
      if (!content) throw invalid('Content is required');
      const v: VersionRecord = {
        sid: newSid('ZN'),
        service_sid: r.service_sid,
        parent_sid: r.sid,
        path,
        visibility,
        content: content.data.toString('base64'),
        size: content.data.length,
        created: Date.now(),
        seq: ctx.nextSeq(),
      };
      versions.save(v);
      return json(201, wireVersion(v));
    },
    { maxBodyBytes: MAX_UPLOAD_BYTES },
  );

  emu.router.add('GET', versionsPath, (req) => {
    const r = resourceOf(req.params, parentName);
    return listPage(
      req,
      versions,
      { parent: r.sid },
      `${singular}_versions`,
      `${base(r.service_sid)}/${r.sid}/Versions`,
      wireVersion,
    );
  });

  emu.router.add('GET', `${versionsPath}/{Sid}`, (req) => json(200, wireVersion(versionOf(req.params))));

  if (singular === 'function')
    emu.router.add('GET', `${versionsPath}/{Sid}/Content`, (req) => {
      const v = versionOf(req.params);
      return json(200, {
        sid: v.sid,
        account_sid: emu.accountSid,
        service_sid: v.service_sid,
        function_sid: v.parent_sid,
        content: Buffer.from(v.content, 'base64').toString('utf8'),
        url: `${versionUrl(v)}/Content`,
      });
    });
}
