/**
 * Phone-mapping verification for `npm start` against the emulator: a Verify service for the SMS router,
 * found by friendly name and reused, so restarts keep the same SID. Never run against a real account.
 */
import type { ServiceEnv } from '../src/lib/runtime/env';
import { twilioClient } from '../src/lib/runtime/twilio-client';

export const DEV_VERIFY_NAME = 'SMS router (npm start)';

export interface VerifySettings {
  TWILIO_VERIFY_SERVICE_SID?: string;
}

/** The Verify service when `env` leaves TWILIO_VERIFY_SERVICE_SID unset. */
export async function provisionVerify(env: ServiceEnv): Promise<VerifySettings> {
  if (!env.TWILIO_EMULATOR_URL) throw new Error('Verify is provisioned against the local emulator only');
  if (env.TWILIO_VERIFY_SERVICE_SID) return {};
  const client = twilioClient(env);
  const existing = (await client.verify.v2.services.list({ limit: 100 })).find((v) => v.friendlyName === DEV_VERIFY_NAME);
  const service = existing ?? (await client.verify.v2.services.create({ friendlyName: DEV_VERIFY_NAME }));
  return { TWILIO_VERIFY_SERVICE_SID: service.sid };
}
