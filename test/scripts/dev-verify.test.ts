import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEV_VERIFY_NAME, provisionVerify } from '../../scripts/dev-verify';
import { startTestEmulator, TestEmulator } from '../support/emulator';

const envOf = (t: TestEmulator) => ({ ACCOUNT_SID: t.emu.accountSid, AUTH_TOKEN: t.emu.authToken, TWILIO_EMULATOR_URL: t.url });

describe("npm start's Verify service for the SMS router", () => {
  it('makes one once and reuses it after a restart, and leaves alone one .env sets', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'emu-dev-verify-'));
    const first = await startTestEmulator({ stateDir });
    let sid: string | undefined;
    try {
      sid = (await provisionVerify(envOf(first))).TWILIO_VERIFY_SERVICE_SID;
      expect(sid).toMatch(/^VA[0-9a-f]{32}$/);
      expect((await first.client.verify.v2.services(sid as string).fetch()).friendlyName).toBe(DEV_VERIFY_NAME);
      expect(await provisionVerify({ ...envOf(first), TWILIO_VERIFY_SERVICE_SID: 'VA' + '1'.repeat(32) })).toEqual({});
    } finally {
      await first.close();
    }
    const second = await startTestEmulator({ stateDir });
    try {
      expect(await provisionVerify(envOf(second))).toEqual({ TWILIO_VERIFY_SERVICE_SID: sid });
      expect(await second.client.verify.v2.services.list()).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('refuses to run against a real account', async () => {
    await expect(provisionVerify({ ACCOUNT_SID: 'AC1', AUTH_TOKEN: 'x' })).rejects.toThrow('emulator only');
  });
});
