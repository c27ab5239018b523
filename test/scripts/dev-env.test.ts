import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'dotenv';
import { localSettings, LocalSettings, withEmulatorDefaults } from '../../scripts/dev-env';

const ROOT = join(__dirname, '..', '..');
const example = parse(readFileSync(join(ROOT, '.env.example')));
const account = { ACCOUNT_SID: `AC${'a'.repeat(32)}`, AUTH_TOKEN: 'real-token' };

function settings(fileEnv: Record<string, string>, processEnv: Record<string, string | undefined> = {}): LocalSettings {
  const s = localSettings(fileEnv, processEnv, ROOT);
  if ('problems' in s) throw new Error(s.problems.join('\n'));
  return s;
}

const problems = (fileEnv: Record<string, string>, processEnv: Record<string, string | undefined> = {}): string[] => {
  const s = localSettings(fileEnv, processEnv, ROOT);
  return 'problems' in s ? s.problems : [];
};

describe('npm start settings', () => {
  it('runs a plain copy of .env.example against the emulator, on ports clear of a Flex plugin', () => {
    const s = settings(example);
    expect(s.twilio).toBe('embedded');
    expect([s.port, s.emulatorPort]).toEqual([3030, 3031]);
    // Every empty line of .env.example is unset, not an empty string.
    expect(s.env).toEqual({ SOFTPHONE_IDENTITY: 'softphone' });
  });

  it('treats an empty value in the environment as unset too', () => {
    expect(settings({ ...example, ...account }, { ACCOUNT_SID: '', AUTH_TOKEN: ' ' }).twilio).toBe('embedded');
    expect(settings(example, { PORT: '4000', EMULATOR_PORT: '' })).toMatchObject({ port: 4000, emulatorPort: 3031 });
  });

  it('uses a real account only with both credentials, and then adds no local default', () => {
    const s = settings({ ...example, ...account });
    expect(s.twilio).toBe('account');
    expect(s.env).toEqual({ ...account, SOFTPHONE_IDENTITY: 'softphone' });
    expect(problems({ ...example, ACCOUNT_SID: account.ACCOUNT_SID })).toEqual([
      'ACCOUNT_SID is set but AUTH_TOKEN is empty: fill in both for your Twilio account, or neither for the local emulator',
    ]);
  });

  it('uses an emulator named by TWILIO_EMULATOR_URL', () => {
    const s = settings({ ...example, TWILIO_EMULATOR_URL: 'http://127.0.0.1:4031' });
    expect(s.twilio).toBe('external');
    expect(s.env.TWILIO_EMULATOR_URL).toBe('http://127.0.0.1:4031');
  });

  it('names the variable of a bad port', () => {
    expect(problems(example, { PORT: 'abc' })).toEqual(['PORT must be a port number (1-65535), not "abc"']);
    expect(problems(example, { PORT: '4000', EMULATOR_PORT: '4000' })).toEqual([
      'PORT and EMULATOR_PORT are both 4000; give them different ports',
    ]);
  });
});

describe('emulator defaults', () => {
  const numbers = [
    { phone_number: '+14155550100', sms_url: 'http://localhost:3030/api/receive-sms' },
    { phone_number: '+14155550111', sms_url: 'http://localhost:3030/webhook/incoming-message' },
  ];

  it("fill in what .env leaves unset, sending from the softphone's line", () => {
    const { env, filled } = withEmulatorDefaults({ SOFTPHONE_IDENTITY: 'agent-7' }, numbers);
    expect(env).toMatchObject({
      TWILIO_PHONE_NUMBER: '+14155550111',
      TWILIO_WHATSAPP_NUMBER: '+14155550111',
      SOFTPHONE_IDENTITY: 'agent-7',
      API_USERNAME: 'dev',
    });
    expect(filled).toEqual(['TWILIO_PHONE_NUMBER', 'TWILIO_WHATSAPP_NUMBER', 'API_USERNAME', 'API_PASSWORD', 'JWT_SECRET']);
  });

  it('keep what .env sets', () => {
    const { env } = withEmulatorDefaults({ TWILIO_PHONE_NUMBER: '+14155550100' }, numbers);
    expect(env.TWILIO_PHONE_NUMBER).toBe('+14155550100');
    expect(env.TWILIO_WHATSAPP_NUMBER).toBe('+14155550111');
  });
});
