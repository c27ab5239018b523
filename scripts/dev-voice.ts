/**
 * Browser calling for `npm start` against the emulator: a TwiML App whose Voice URL is the service's
 * `/api/twilio/voice` (calls placed from a Voice SDK device run it) and a standard API key to sign the
 * devices' Access Tokens. Both are found by friendly name and reused, so restarts keep the same SIDs:
 * the key's secret, which Twilio shows only once, is read back from the emulator's state through its
 * control API (`GET /_emulator/keys/{Sid}`). Never run against a real account.
 */
import type { ServiceEnv } from '../src/lib/runtime/env';
import { twilioClient } from '../src/lib/runtime/twilio-client';

export const DEV_APP_NAME = 'Browser calling (npm start)';
export const DEV_KEY_NAME = 'Voice SDK access tokens (npm start)';

export interface VoiceSettings {
  TWILIO_APP_SID?: string;
  TWILIO_API_KEY?: string;
  TWILIO_API_SECRET?: string;
}

/**
 * The app and key for the variables `env` leaves unset (the app when TWILIO_APP_SID is unset, the key
 * when neither TWILIO_API_KEY nor TWILIO_API_SECRET is set), pointing the app at `functionsUrl`.
 */
export async function provisionVoice(env: ServiceEnv, functionsUrl: string): Promise<VoiceSettings> {
  const emulator = env.TWILIO_EMULATOR_URL;
  if (!emulator) throw new Error('Browser calling is provisioned against the local emulator only');
  const client = twilioClient(env);
  const out: VoiceSettings = {};
  if (!env.TWILIO_APP_SID) {
    const settings = {
      voiceUrl: `${functionsUrl}/api/twilio/voice`,
      voiceMethod: 'POST',
      statusCallback: `${functionsUrl}/webhooks/twilio/call-status`,
      statusCallbackMethod: 'POST',
    };
    const [existing] = await client.applications.list({ friendlyName: DEV_APP_NAME, limit: 1 });
    const app = existing
      ? existing.voiceUrl === settings.voiceUrl && existing.statusCallback === settings.statusCallback
        ? existing
        : await client.applications(existing.sid).update(settings)
      : await client.applications.create({ friendlyName: DEV_APP_NAME, ...settings });
    out.TWILIO_APP_SID = app.sid;
  }
  if (!env.TWILIO_API_KEY && !env.TWILIO_API_SECRET) {
    const existing = (await client.keys.list()).find((k) => k.friendlyName === DEV_KEY_NAME);
    if (existing) {
      const res = await fetch(`${emulator}/_emulator/keys/${existing.sid}`);
      if (!res.ok) throw new Error(`The emulator answered ${res.status} for the secret of key ${existing.sid}`);
      out.TWILIO_API_KEY = existing.sid;
      out.TWILIO_API_SECRET = ((await res.json()) as { secret: string }).secret;
    } else {
      const key = await client.newKeys.create({ friendlyName: DEV_KEY_NAME });
      out.TWILIO_API_KEY = key.sid;
      out.TWILIO_API_SECRET = key.secret;
    }
  }
  return out;
}
