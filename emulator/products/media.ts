/**
 * Message Media (API 2010), per https://www.twilio.com/docs/messaging/api/media-resource:
 *
 *   GET    /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media.json        list (DateCreated filters)
 *   GET    /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/{Sid}.json  fetch
 *   DELETE /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/{Sid}.json  delete
 *   GET    /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/{Sid}       the content
 *
 * Twilio stores a Media item for each MediaUrl of a message it sends and for each attachment of a message
 * it receives; deleting the message deletes its media. The content URL needs the account's credentials
 * and redirects (307) to a short-lived URL, valid for 4 hours, that serves the file without credentials
 * (https://help.twilio.com/articles/223183748). Here that URL is `/_emulator/media/{MessageSid}/{Sid}`, signed with the
 * auth token; what it serves is generated (./media-files.ts).
 */
import { createHmac, timingSafeEqual } from 'crypto';
import type { Emulator } from '../core/emulator';
import { EmuRequest, json } from '../core/router';
import { first, newSid, notFound, page2010, readPage, rfc2822, TwilioApiError } from '../core/wire';
import { contentTypeOf, mediaContent, MediaContentType } from './media-files';
import { inRange, timeRange } from '../core/date-filters';

export interface MediaRecord {
  sid: string;
  parent_sid: string;
  content_type: MediaContentType;
  /** Place among its message's attachments (0-9): items created in one millisecond keep the order sent. */
  ord: number;
  created: number;
  updated: number;
}

export interface MediaApi {
  /** Stores one media item per URL of a new message, in the order given. */
  attach(messageSid: string, urls: string[], at: number): void;
  /** Forgets a deleted message's media. */
  detach(messageSid: string): void;
  /** What an inbound message's webhook says about its media: MediaUrl0, MediaContentType0, ... */
  webhookParams(messageSid: string): Record<string, string>;
}

/** As many as the messages kept could carry in a year of heavy local use; the oldest go first. */
const MEDIA_RETAINED = 250_000;

/** How long a content URL that a media fetch redirects to stays valid. */
const CONTENT_URL_TTL_MS = 4 * 3600_000;

export function registerMedia(emu: Emulator): MediaApi {
  /** Media in creation order, found by message: a message has at most 10, so its group is never long. */
  const media = emu.state.table<MediaRecord>('media', {
    key: (m) => m.sid,
    position: (m) => m.created * 16 + m.ord,
    indexes: { message: (m) => m.parent_sid },
    retain: MEDIA_RETAINED,
  });
  const messagePath = (messageSid: string): string => `/2010-04-01/Accounts/${emu.accountSid}/Messages/${messageSid}`;
  const base = '/api/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media';

  const wire = (m: MediaRecord): Record<string, unknown> => ({
    account_sid: emu.accountSid,
    content_type: m.content_type,
    date_created: rfc2822(m.created),
    date_updated: rfc2822(m.updated),
    parent_sid: m.parent_sid,
    sid: m.sid,
    uri: `${messagePath(m.parent_sid)}/Media/${m.sid}.json`,
  });

  const mediaOf = (messageSid: string): MediaRecord[] => media.page({ eq: { message: messageSid }, limit: Infinity }).items;

  const get = (req: EmuRequest, suffix: string): MediaRecord => {
    const m = media.get(req.params.Sid);
    if (!m || m.parent_sid !== req.params.MessageSid)
      throw notFound(`${messagePath(req.params.MessageSid)}/Media/${req.params.Sid}${suffix}`);
    return m;
  };

  const signature = (messageSid: string, sid: string, expires: number): string =>
    createHmac('sha256', emu.authToken).update(`${messageSid}/${sid}:${expires}`).digest('hex');

  const api: MediaApi = {
    attach(messageSid, urls, at) {
      urls.forEach((url, ord) => {
        media.save({
          sid: newSid('ME'),
          parent_sid: messageSid,
          content_type: contentTypeOf(url),
          ord,
          created: at,
          updated: at,
        });
      });
    },
    detach(messageSid) {
      for (const m of mediaOf(messageSid)) media.delete(m.sid);
    },
    webhookParams(messageSid) {
      const params: Record<string, string> = {};
      mediaOf(messageSid).forEach((m, i) => {
        params[`MediaUrl${i}`] = `${emu.baseUrl}/api${messagePath(messageSid)}/Media/${m.sid}`;
        params[`MediaContentType${i}`] = m.content_type;
      });
      return params;
    },
  };

  emu.router.add('GET', `${base}.json`, (req) => {
    const created = timeRange(req.query, 'DateCreated');
    const items = mediaOf(req.params.MessageSid)
      .filter((m) => inRange(created, m.created))
      .map(wire);
    const filters = {
      DateCreated: first(req.query, 'DateCreated'),
      'DateCreated<': first(req.query, 'DateCreated<'),
      'DateCreated>': first(req.query, 'DateCreated>'),
    };
    return json(
      200,
      page2010('media_list', `${messagePath(req.params.MessageSid)}/Media.json`, items, readPage(req.query), filters),
    );
  });

  emu.router.add('GET', `${base}/{Sid}.json`, (req) => json(200, wire(get(req, '.json'))));

  emu.router.add('DELETE', `${base}/{Sid}.json`, (req) => {
    const m = get(req, '.json');
    media.delete(m.sid);
    return { status: 204 };
  });

  // Registered after the `.json` routes, which match first.
  emu.router.add('GET', `${base}/{Sid}`, (req) => {
    const m = get(req, '');
    const expires = Date.now() + CONTENT_URL_TTL_MS;
    const query = `Expires=${expires}&Signature=${signature(m.parent_sid, m.sid, expires)}`;
    const location = `${emu.baseUrl}/_emulator/media/${m.parent_sid}/${m.sid}?${query}`;
    return { status: 307, headers: { Location: location } };
  });

  emu.router.add(
    'GET',
    '/_emulator/media/{MessageSid}/{Sid}',
    (req) => {
      const expires = Number(first(req.query, 'Expires'));
      const given = Buffer.from(first(req.query, 'Signature') ?? '');
      const expected = Buffer.from(signature(req.params.MessageSid, req.params.Sid, expires));
      if (!Number.isFinite(expires) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new TwilioApiError(403, 20003, 'This media URL is not valid; fetch the media again for a new one.');
      }
      if (expires < Date.now()) throw new TwilioApiError(403, 20003, 'This media URL has expired; fetch the media again.');
      const m = get(req, '');
      const data = mediaContent(m.content_type);
      return { status: 200, raw: { contentType: m.content_type, data }, headers: { 'Content-Length': String(data.length) } };
    },
    { auth: false },
  );

  return api;
}
