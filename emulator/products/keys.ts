/**
 * Keys (API 2010): standard API keys (SK...) with their secrets, what Access Tokens are signed with.
 * As at Twilio, the secret is shown once, in the create answer; fetch and list never show it.
 *
 *   POST   /2010-04-01/Accounts/{AccountSid}/Keys.json          FriendlyName -> 201 {sid, friendly_name, secret, ...}
 *   GET    /2010-04-01/Accounts/{AccountSid}/Keys.json          oldest first, paged
 *   GET    /2010-04-01/Accounts/{AccountSid}/Keys/{Sid}.json
 *   POST   /2010-04-01/Accounts/{AccountSid}/Keys/{Sid}.json    FriendlyName
 *   DELETE /2010-04-01/Accounts/{AccountSid}/Keys/{Sid}.json    204; tokens signed with it stop working
 *
 * Control API (not Twilio's): `GET /_emulator/keys/{Sid}` answers the key with its secret, so that
 * `npm start` can reuse the key it made in an earlier run instead of making a new one each time.
 */
import { randomBytes } from 'crypto';
import type { Emulator } from '../core/emulator';
import { json, EmuRequest } from '../core/router';
import { first, newSid, notFound, page2010, readPage, rfc2822, TwilioApiError } from '../core/wire';

export interface KeyRecord {
  sid: string;
  friendly_name: string | null;
  secret: string;
  created: number;
  updated: number;
}

export interface KeysApi {
  get(sid: string): KeyRecord | undefined;
}

export function registerKeys(emu: Emulator): KeysApi {
  const keys = emu.state.table<KeyRecord>('keys', { key: (k) => k.sid, position: (k) => k.created });
  const base = '/api/2010-04-01/Accounts/{AccountSid}/Keys';
  const uri = (sid: string): string => `/2010-04-01/Accounts/${emu.accountSid}/Keys/${sid}.json`;

  const wire = (k: KeyRecord): Record<string, unknown> => ({
    sid: k.sid,
    friendly_name: k.friendly_name,
    date_created: rfc2822(k.created),
    date_updated: rfc2822(k.updated),
  });
  const get = (req: EmuRequest): KeyRecord => {
    const k = keys.get(req.params.Sid);
    if (!k) throw notFound(uri(req.params.Sid));
    return k;
  };
  const friendlyName = (req: EmuRequest): string | undefined => {
    const name = first(req.form, 'FriendlyName');
    if (name !== undefined && name.length > 64)
      throw new TwilioApiError(400, 20001, 'FriendlyName must be at most 64 characters');
    return name;
  };

  emu.router.add('POST', `${base}.json`, (req) => {
    const now = Date.now();
    const key: KeyRecord = {
      sid: newSid('SK'),
      friendly_name: friendlyName(req) ?? null,
      // 32 characters of base62-like text, as Twilio's secrets look.
      secret: randomBytes(24).toString('base64').replace(/[+/=]/g, 'x').slice(0, 32),
      created: now,
      updated: now,
    };
    keys.save(key);
    return json(201, { ...wire(key), secret: key.secret });
  });

  emu.router.add('GET', `${base}.json`, (req) => {
    const request = readPage(req.query);
    const found = keys.page({ offset: request.page * request.pageSize, limit: request.pageSize });
    const path = `/2010-04-01/Accounts/${emu.accountSid}/Keys.json`;
    return json(200, page2010('keys', path, found.items.map(wire), request, {}, found.more));
  });

  emu.router.add('GET', `${base}/{Sid}.json`, (req) => json(200, wire(get(req))));

  emu.router.add('POST', `${base}/{Sid}.json`, (req) => {
    const key = get(req);
    const name = friendlyName(req);
    if (name !== undefined) key.friendly_name = name;
    key.updated = Date.now();
    return json(200, wire(keys.save(key)));
  });

  emu.router.add('DELETE', `${base}/{Sid}.json`, (req) => {
    keys.delete(get(req).sid);
    return { status: 204 };
  });

  emu.router.add(
    'GET',
    '/_emulator/keys/{Sid}',
    (req) => {
      const key = keys.get(req.params.Sid);
      if (!key) throw new TwilioApiError(404, 20404, `No key ${req.params.Sid}`);
      return json(200, { ...wire(key), secret: key.secret });
    },
    { auth: false },
  );

  return { get: (sid) => keys.get(sid) };
}
