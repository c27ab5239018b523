import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import twilio from 'twilio';
import { DEV_APP_NAME, provisionVoice } from '../../scripts/dev-voice';
import { startTestEmulator, TestEmulator } from '../support/emulator';

const envOf = (t: TestEmulator) => ({ ACCOUNT_SID: t.emu.accountSid, AUTH_TOKEN: t.emu.authToken, TWILIO_EMULATOR_URL: t.url });

describe("npm start's browser calling setup", () => {
  it('makes a TwiML App for /api/twilio/voice and an API key once, and reuses them after a restart', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'emu-dev-voice-'));
    const first = await startTestEmulator({ stateDir });
    let made: Awaited<ReturnType<typeof provisionVoice>>;
    try {
      made = await provisionVoice(envOf(first), 'http://localhost:3030');
      expect(made.TWILIO_APP_SID).toMatch(/^AP[0-9a-f]{32}$/);
      expect(made.TWILIO_API_KEY).toMatch(/^SK[0-9a-f]{32}$/);
      const app = await first.client.applications(made.TWILIO_APP_SID as string).fetch();
      expect(app).toMatchObject({ friendlyName: DEV_APP_NAME, voiceUrl: 'http://localhost:3030/api/twilio/voice' });
      expect(await provisionVoice(envOf(first), 'http://localhost:3030')).toEqual(made);
    } finally {
      await first.close();
    }
    const second = await startTestEmulator({ stateDir });
    try {
      // Another port for the functions: the same app, pointed there; the same key and secret.
      expect(await provisionVoice(envOf(second), 'http://localhost:4030')).toEqual(made);
      expect((await second.client.applications(made.TWILIO_APP_SID as string).fetch()).voiceUrl).toBe(
        'http://localhost:4030/api/twilio/voice',
      );
      expect(await second.client.applications.list()).toHaveLength(1);
      expect(await second.client.keys.list()).toHaveLength(1);
      // The secret signs tokens the emulator's devices accept.
      const token = new twilio.jwt.AccessToken(
        second.emu.accountSid,
        made.TWILIO_API_KEY as string,
        made.TWILIO_API_SECRET as string,
        {
          identity: 'dev',
        },
      );
      token.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ incomingAllow: true, outgoingApplicationSid: made.TWILIO_APP_SID }));
      expect((await second.control('POST', '/_emulator/devices', { token: token.toJwt() })).status).toBe(201);
    } finally {
      await second.close();
    }
  });

  it('leaves alone what .env sets', async () => {
    const t = await startTestEmulator();
    try {
      const set = { TWILIO_APP_SID: `AP${'1'.repeat(32)}`, TWILIO_API_KEY: `SK${'2'.repeat(32)}` };
      expect(await provisionVoice({ ...envOf(t), ...set }, 'http://localhost:3030')).toEqual({});
      expect(await t.client.applications.list()).toEqual([]);
      expect(await t.client.keys.list()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
