/**
 * Sync Documents: /v1/Services/{ServiceSid}/Documents[/{Sid}], where Sid may be the unique name.
 */
import { EmuReply, EmuRequest, json } from '../../core/router';
import { first, newSid, pageV1 } from '../../core/wire';
import { addressedObject, assertUniqueName, SyncContext } from './context';
import { DocumentRecord, serviceUrl, wireDocument } from './model';
import { checkIfMatch, expiryFrom, parseData, parseTtl, parseUniqueName, readSyncPage, syncError } from './params';

export function registerDocuments(ctx: SyncContext): void {
  const reply = (status: number, d: DocumentRecord): EmuReply =>
    json(status, wireDocument(ctx.emu.accountSid, d), { ETag: String(d.revision) });

  /** The addressed document, counted against its rate limit. */
  const documents = ctx.tables.documents;
  const get = (req: EmuRequest): DocumentRecord => addressedObject(ctx, 'Document', documents, req, 'Sid', 54100);

  ctx.route('POST', '/Services/{ServiceSid}/Documents', (req, now) => {
    const svc = ctx.service(req.params.ServiceSid);
    const uniqueName = parseUniqueName(req.form);
    const raw = first(req.form, 'Data');
    const data = raw === undefined ? {} : parseData(raw, 54101);
    const ttl = parseTtl(req.form, 'Ttl');
    assertUniqueName(documents, svc.sid, uniqueName);
    const d: DocumentRecord = {
      sid: newSid('ET'),
      service_sid: svc.sid,
      unique_name: uniqueName,
      revision: 0,
      data,
      created: now,
      updated: now,
      expires: ttl === undefined ? null : expiryFrom(now, ttl),
      seq: ctx.nextSeq(),
    };
    ctx.hit('Document', d.sid, 'write');
    documents.save(d);
    return reply(201, d);
  });

  ctx.route('GET', '/Services/{ServiceSid}/Documents', (req) => {
    const svc = ctx.service(req.params.ServiceSid);
    const request = readSyncPage(req.query);
    const found = documents.page({ eq: { service: svc.sid }, offset: request.page * request.pageSize, limit: request.pageSize });
    const page = found.items.map((d) => wireDocument(ctx.emu.accountSid, d));
    return json(200, pageV1('documents', `${serviceUrl(svc.sid)}/Documents`, page, request, {}, found.more));
  });

  ctx.route('GET', '/Services/{ServiceSid}/Documents/{Sid}', (req) => reply(200, get(req)));

  ctx.route('POST', '/Services/{ServiceSid}/Documents/{Sid}', (req, now) => {
    const d = get(req);
    checkIfMatch(req.headers['if-match'], d.revision, 54103, 'Document');
    const raw = first(req.form, 'Data');
    const ttl = parseTtl(req.form, 'Ttl');
    if (raw === undefined && ttl === undefined)
      throw syncError(400, 54010, 'Expected at least one of Data or Ttl, but none were provided.');
    if (raw !== undefined) d.data = parseData(raw, 54101);
    if (ttl !== undefined) d.expires = expiryFrom(now, ttl);
    d.revision += 1;
    d.updated = now;
    documents.save(d);
    return reply(200, d);
  });

  ctx.route('DELETE', '/Services/{ServiceSid}/Documents/{Sid}', (req) => {
    const d = get(req);
    checkIfMatch(req.headers['if-match'], d.revision, 54103, 'Document');
    documents.delete(d.sid);
    return { status: 204 };
  });
}
