/**
 * The settings of `npm start`, from .env and the environment (which wins). An empty value is unset, so a
 * copy of .env.example runs against the local emulator. Local defaults fill in what .env leaves unset only
 * when the functions talk to an emulator, never against a real account.
 */
import { join } from 'path';
import { PRODUCTION_VARIABLES } from './deploy-check';
import type { VoiceSettings } from './dev-voice';
import type { VerifySettings } from './dev-verify';

/** Clear of a Flex plugin's dev server (3000). */
export const DEFAULT_PORT = 3030;
export const DEFAULT_EMULATOR_PORT = 3031;

const LOCAL_VARIABLES = ['TWILIO_EMULATOR_URL', 'PORT', 'EMULATOR_PORT', 'EMULATOR_STATE_DIR', 'EMULATOR_STEP_MS'];
const KNOWN = new Set([...PRODUCTION_VARIABLES.map((v) => v.name), ...LOCAL_VARIABLES]);

export interface LocalSettings {
  /** `embedded`: npm start runs the emulator; `external`: TWILIO_EMULATOR_URL names one; `account`: real Twilio. */
  twilio: 'embedded' | 'external' | 'account';
  /** The service's variables that are set (none empty). */
  env: Record<string, string>;
  port: number;
  emulatorPort: number;
  stateDir: string;
  stepMs: number;
}

function portFrom(name: string, value: string | undefined, fallback: number, problems: string[]): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (Number.isInteger(port) && port > 0 && port < 65536) return port;
  problems.push(`${name} must be a port number (1-65535), not "${value}"`);
  return fallback;
}

export function localSettings(
  fileEnv: Record<string, string>,
  processEnv: Record<string, string | undefined>,
  root: string,
): LocalSettings | { problems: string[] } {
  const merged: Record<string, string> = {};
  for (const source of [fileEnv, processEnv])
    for (const [k, v] of Object.entries(source)) {
      if (!KNOWN.has(k) || v === undefined) continue;
      if (v.trim() === '') delete merged[k];
      else merged[k] = v.trim();
    }
  const problems: string[] = [];
  const port = portFrom('PORT', merged.PORT, DEFAULT_PORT, problems);
  const emulatorPort = portFrom('EMULATOR_PORT', merged.EMULATOR_PORT, DEFAULT_EMULATOR_PORT, problems);
  const stepMs = Number(merged.EMULATOR_STEP_MS ?? 250);
  if (!Number.isFinite(stepMs) || stepMs < 0)
    problems.push(`EMULATOR_STEP_MS must be a number of milliseconds, not "${merged.EMULATOR_STEP_MS}"`);
  const twilio = merged.TWILIO_EMULATOR_URL ? 'external' : merged.ACCOUNT_SID || merged.AUTH_TOKEN ? 'account' : 'embedded';
  if (twilio === 'account' && !(merged.ACCOUNT_SID && merged.AUTH_TOKEN)) {
    const [set, empty] = merged.ACCOUNT_SID ? ['ACCOUNT_SID', 'AUTH_TOKEN'] : ['AUTH_TOKEN', 'ACCOUNT_SID'];
    problems.push(`${set} is set but ${empty} is empty: fill in both for your Twilio account, or neither for the local emulator`);
  }
  if (twilio === 'embedded' && port === emulatorPort)
    problems.push(`PORT and EMULATOR_PORT are both ${port}; give them different ports`);
  if (problems.length) return { problems };
  const env: Record<string, string> = {};
  for (const { name } of PRODUCTION_VARIABLES) if (merged[name]) env[name] = merged[name];
  if (merged.TWILIO_EMULATOR_URL) env.TWILIO_EMULATOR_URL = merged.TWILIO_EMULATOR_URL;
  return {
    twilio,
    env,
    port,
    emulatorPort,
    stateDir: merged.EMULATOR_STATE_DIR ?? join(root, '.emulator-state'),
    stepMs,
  };
}

export interface EmulatorNumber {
  phone_number: string;
  sms_url: string;
}

/**
 * What an emulator run fills in when .env leaves it unset, so every feature works out of the box: calls,
 * SMS and WhatsApp from the softphone's line (the emulator's number whose messages go to the softphone's
 * webhook: its own numbers are the only senders it accepts), the softphone identity, and basic auth and
 * bearer tokens with throwaway local secrets, and the emulator's TwiML App and API key for browser calling
 * (from ./dev-voice.ts), and the SMS router's Verify service (./dev-verify.ts). Returns the completed env and the
 * names it filled in.
 */
export function withEmulatorDefaults(
  env: Readonly<Record<string, string>>,
  numbers: readonly EmulatorNumber[],
  provisioned: VoiceSettings & VerifySettings = {},
): { env: Record<string, string>; filled: string[] } {
  const line = (numbers.find((n) => n.sms_url.endsWith('/webhook/incoming-message')) ?? numbers[0])?.phone_number;
  const defaults: Record<string, string> = {
    ...(line ? { TWILIO_PHONE_NUMBER: line, TWILIO_WHATSAPP_NUMBER: line } : {}),
    SOFTPHONE_IDENTITY: 'softphone',
    API_USERNAME: 'dev',
    API_PASSWORD: 'dev-password',
    JWT_SECRET: 'local-emulator-jwt-secret',
    ...provisioned,
  };
  const filled = Object.keys(defaults).filter((k) => env[k] === undefined);
  return { env: { ...defaults, ...env }, filled };
}
