/**
 * Simulated Voice SDK devices (control API, not Twilio's): what a browser running `@twilio/voice-sdk`
 * does, driven over HTTP, so that browser calling can be tested without a browser.
 *
 *   POST   /_emulator/devices {token}                      registers a device, after checking the Access
 *          Token as Twilio would (./access-token.ts: 401 with Twilio's code when it is refused) -> 201
 *          {device_sid, identity, incoming, outgoing_application_sid, expires}. A device registers for
 *          incoming calls when its token allows them (`grants.voice.incoming.allow`).
 *   GET    /_emulator/devices?identity&PageSize&Page       devices, newest first, each with `incoming`: the
 *          calls ringing its identity (a <Dial><Client> leg, or an API call to client:<identity>)
 *   DELETE /_emulator/devices/{DeviceSid}                  unregisters (204)
 *   POST   /_emulator/devices/{identity}/answer {call_sid?, duration?}  answers the call ringing the
 *          identity (the newest, unless call_sid names one); `duration` = emulated talk seconds
 *   POST   /_emulator/devices/{identity}/decline {call_sid?}            declines it (the leg ends busy)
 *   POST   /_emulator/devices/{identity}/connect {To?, params?}         `device.connect({params})`: a call
 *          from client:<identity> through the TwiML App of its token -> 200 {call_sid}
 * Answer and decline need a device of that identity registered for incoming calls (404 otherwise, 409
 * when nothing rings it); connect needs one whose token names an outgoing application (403 otherwise;
 * 400 / 21218 when that app does not exist). A device expires with its token, as a browser's
 * registration ends when its token does.
 *
 * Devices live in the `devices` table: they survive a restart, as a browser stays registered while
 * the emulator restarts, and `POST /_emulator/reset` forgets them.
 */
import { randomBytes } from 'crypto';
import type { Emulator } from '../../core/emulator';
import { EmuRequest, json } from '../../core/router';
import { badParam, first, readPage, TwilioApiError } from '../../core/wire';
import type { ApplicationsApi } from '../applications';
import type { KeysApi } from '../keys';
import type { ClientCalls } from '../voice/client-calls';
import { callSummary } from '../voice/model';
import { AccessTokenError, verifyAccessToken, VoiceGrant } from './access-token';

interface DeviceRecord {
  sid: string;
  identity: string;
  key_sid: string;
  incoming: boolean;
  outgoing_application_sid: string | null;
  outgoing_params: Record<string, string>;
  /** Epoch ms: the token's expiry. */
  expires: number;
  created: number;
  /** Breaks ties within a millisecond. */
  ord: number;
}

/** Parameters Twilio itself sets on a connect's voice request: a device's params cannot replace them. */
const RESERVED = new Set(['AccountSid', 'ApiVersion', 'ApplicationSid', 'CallSid', 'CallStatus', 'Caller', 'Direction', 'From']);

const body = (req: EmuRequest): Record<string, unknown> =>
  req.json && typeof req.json === 'object' && !Array.isArray(req.json) ? (req.json as Record<string, unknown>) : {};

export function registerDevices(emu: Emulator, deps: { keys: KeysApi; applications: ApplicationsApi; calls: ClientCalls }): void {
  let ord = 0;
  const position = (d: DeviceRecord): string => `${String(d.created).padStart(15, '0')}.${String(d.ord).padStart(9, '0')}`;
  const devices = emu.state.table<DeviceRecord>('devices', {
    key: (d) => d.sid,
    position,
    indexes: { identity: (d) => d.identity, incoming: (d) => (d.incoming ? d.identity : undefined) },
    expires: (d) => d.expires,
  });
  const open = { auth: false };

  const view = (d: DeviceRecord): Record<string, unknown> => ({
    device_sid: d.sid,
    identity: d.identity,
    incoming: d.incoming,
    outgoing_application_sid: d.outgoing_application_sid,
    expires: new Date(d.expires).toISOString(),
    ...(d.incoming ? { ringing: deps.calls.ringing(d.identity).map(callSummary) } : {}),
  });

  /** The newest device of `identity` registered for incoming calls. */
  const receiver = (identity: string): DeviceRecord => {
    const d = devices.page({ eq: { incoming: identity }, desc: true, limit: 1 }).items[0];
    if (!d) throw new TwilioApiError(404, 20404, `No device of identity ${identity} is registered for incoming calls`);
    return d;
  };

  /** The ringing call to act on: the one named, or the newest ringing the identity. */
  const ringingCall = (identity: string, input: Record<string, unknown>): string => {
    const ringing = deps.calls.ringing(identity);
    const named = typeof input.call_sid === 'string' ? input.call_sid : null;
    const call = named ? ringing.find((c) => c.sid === named) : ringing[0];
    if (!call) throw new TwilioApiError(409, 20409, `Nothing is ringing ${identity}${named ? ` on call ${named}` : ''}`);
    return call.sid;
  };

  const outcome = (r: ReturnType<ClientCalls['answer']>, callSid: string) => {
    if (!r.ok) throw new TwilioApiError(r.status, r.status === 404 ? 20404 : r.status === 409 ? 20409 : 20001, r.message);
    return json(200, { call_sid: callSid, accepted: true });
  };

  emu.router.add(
    'POST',
    '/_emulator/devices',
    (req) => {
      const token = body(req).token;
      if (typeof token !== 'string' || !token) throw badParam('token is required: an Access Token with a VoiceGrant', 20001);
      let grant: VoiceGrant;
      try {
        grant = verifyAccessToken(token, emu.accountSid, deps.keys);
      } catch (err) {
        if (err instanceof AccessTokenError) return json(401, { ...err.body(), detail: err.detail });
        throw err;
      }
      const device: DeviceRecord = {
        sid: `DV${randomBytes(16).toString('hex')}`,
        identity: grant.identity,
        key_sid: grant.keySid,
        incoming: grant.incoming,
        outgoing_application_sid: grant.outgoingApplicationSid,
        outgoing_params: grant.outgoingParams,
        expires: grant.expires,
        created: Date.now(),
        ord: ord++,
      };
      return json(201, view(devices.save(device)));
    },
    open,
  );

  emu.router.add(
    'GET',
    '/_emulator/devices',
    (req) => {
      const identity = first(req.query, 'identity');
      const request = readPage(req.query, 100, 50);
      const found = devices.page({
        ...(identity !== undefined ? { eq: { identity } } : {}),
        desc: true,
        offset: request.page * request.pageSize,
        limit: request.pageSize,
      });
      return json(200, { devices: found.items.map(view), more: found.more });
    },
    open,
  );

  emu.router.add(
    'DELETE',
    '/_emulator/devices/{DeviceSid}',
    (req) => {
      if (!devices.delete(req.params.DeviceSid)) throw new TwilioApiError(404, 20404, `No device ${req.params.DeviceSid}`);
      return { status: 204 };
    },
    open,
  );

  emu.router.add(
    'POST',
    '/_emulator/devices/{Identity}/answer',
    (req) => {
      const identity = receiver(req.params.Identity).identity;
      const input = body(req);
      const seconds = typeof input.duration === 'number' && input.duration > 0 ? Math.round(input.duration) : null;
      const sid = ringingCall(identity, input);
      return outcome(deps.calls.answer(sid, identity, seconds), sid);
    },
    open,
  );

  emu.router.add(
    'POST',
    '/_emulator/devices/{Identity}/decline',
    (req) => {
      const identity = receiver(req.params.Identity).identity;
      const sid = ringingCall(identity, body(req));
      return outcome(deps.calls.decline(sid, identity), sid);
    },
    open,
  );

  emu.router.add(
    'POST',
    '/_emulator/devices/{Identity}/connect',
    (req) => {
      const identity = req.params.Identity;
      const caller = devices
        .page({ eq: { identity }, desc: true, limit: 20 })
        .items.find((d) => d.outgoing_application_sid !== null);
      if (!caller) {
        const known = devices.count({ identity }) > 0;
        if (!known) throw new TwilioApiError(404, 20404, `No device of identity ${identity} is registered`);
        throw new TwilioApiError(403, 20106, `The tokens of ${identity}'s devices grant no outgoing application`);
      }
      const appSid = caller.outgoing_application_sid as string;
      const app = deps.applications.get(appSid);
      if (!app) throw badParam(`The outgoing application ${appSid} of ${identity}'s token does not exist`, 21218);
      if (!app.voice_url) throw badParam(`The application ${appSid} has no VoiceUrl`, 21218);
      const input = body(req);
      const params: Record<string, string> = { ...caller.outgoing_params };
      const custom = input.params && typeof input.params === 'object' && !Array.isArray(input.params) ? input.params : {};
      for (const [k, v] of Object.entries(custom as Record<string, unknown>))
        if (!RESERVED.has(k)) params[k] = typeof v === 'string' ? v : JSON.stringify(v);
      if (typeof input.To === 'string') params.To = input.To;
      const call = deps.calls.connect(identity, app, params);
      return json(200, { call_sid: call.sid, device_sid: caller.sid, application_sid: app.sid });
    },
    open,
  );
}
