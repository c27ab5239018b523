/**
 * The Account resource (API 2010): `GET /2010-04-01/Accounts/{Sid}.json`, the call SDKs and tools make to
 * check credentials. The emulator has one account, a full (paid) one that is always active. Another
 * account's SID answers 404, as Twilio answers for an account the credentials do not own.
 */
import type { Emulator } from '../core/emulator';
import { json } from '../core/router';
import { rfc2822 } from '../core/wire';

/** The subresources Twilio lists on an account, each relative to the account's own URI. */
const SUBRESOURCES: Record<string, string> = {
  addresses: 'Addresses',
  conferences: 'Conferences',
  signing_keys: 'SigningKeys',
  transcriptions: 'Transcriptions',
  connect_apps: 'ConnectApps',
  sip: 'SIP',
  authorized_connect_apps: 'AuthorizedConnectApps',
  usage: 'Usage',
  keys: 'Keys',
  applications: 'Applications',
  recordings: 'Recordings',
  short_codes: 'SMS/ShortCodes',
  calls: 'Calls',
  notifications: 'Notifications',
  incoming_phone_numbers: 'IncomingPhoneNumbers',
  queues: 'Queues',
  messages: 'Messages',
  outgoing_caller_ids: 'OutgoingCallerIds',
  available_phone_numbers: 'AvailablePhoneNumbers',
  balance: 'Balance',
};

export function registerAccounts(emu: Emulator): void {
  // The account is as old as the emulator's state: created on first use, kept across restarts.
  const state = (): { created: number } => emu.state.slice('account', () => ({ created: Date.now() }));

  emu.router.add('GET', '/api/2010-04-01/Accounts/{AccountSid}.json', () => {
    const base = `/2010-04-01/Accounts/${emu.accountSid}`;
    const created = rfc2822(state().created);
    return json(200, {
      auth_token: emu.authToken,
      date_created: created,
      date_updated: created,
      friendly_name: 'Local emulator account',
      owner_account_sid: emu.accountSid,
      sid: emu.accountSid,
      status: 'active',
      subresource_uris: Object.fromEntries(Object.entries(SUBRESOURCES).map(([key, path]) => [key, `${base}/${path}.json`])),
      type: 'Full',
      uri: `${base}.json`,
    });
  });
}
