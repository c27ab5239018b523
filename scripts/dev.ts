/**
 * `npm start`: build, then serve the functions on the Serverless Toolkit's local server.
 * With no Twilio credentials (or TWILIO_EMULATOR_URL set) it also starts the local Twilio emulator and
 * wires the functions to it; with real credentials in .env it serves against real Twilio.
 *
 * Settings: PORT (3000), EMULATOR_PORT (3001), EMULATOR_STATE_DIR (.emulator-state), EMULATOR_STEP_MS (250).
 */
import { join } from 'path';
import { buildAll } from './build';
import { readEnvFile } from './env-file';
import { startFunctions } from './local-server';
import { startEmulator, Emulator } from '../emulator';

async function main(): Promise<void> {
  const fileEnv = readEnvFile();
  const env: Record<string, string | undefined> = { ...fileEnv };
  for (const k of Object.keys(process.env))
    if (k in fileEnv || /^(TWILIO_|API_|JWT_|SOFTPHONE_|SYNC_|ALLOWED_)/.test(k)) env[k] = process.env[k];
  const port = Number(process.env.PORT ?? 3000);
  const functionsUrl = `http://localhost:${port}`;
  const useEmulator = !env.ACCOUNT_SID || !env.AUTH_TOKEN || Boolean(env.TWILIO_EMULATOR_URL);

  const built = await buildAll();
  console.log(`Built ${built.functions} functions in ${built.ms} ms.`);

  let emu: Emulator | undefined;
  if (useEmulator && !env.TWILIO_EMULATOR_URL) {
    emu = await startEmulator({
      port: Number(process.env.EMULATOR_PORT ?? 3001),
      stateDir: process.env.EMULATOR_STATE_DIR ?? join(__dirname, '..', '.emulator-state'),
      functionsBaseUrl: functionsUrl,
      stepMs: Number(process.env.EMULATOR_STEP_MS ?? 250),
    });
    Object.assign(env, {
      ACCOUNT_SID: emu.accountSid,
      AUTH_TOKEN: emu.authToken,
      TWILIO_EMULATOR_URL: emu.baseUrl,
    });
  }
  env.TWILIO_PHONE_NUMBER ??= '+14155550111';
  env.TWILIO_FROM_NUMBER ??= env.TWILIO_PHONE_NUMBER;
  env.SOFTPHONE_IDENTITY ??= 'softphone';

  const fns = await startFunctions({ env, port, host: '0.0.0.0', logs: true });
  const lines = [
    '',
    `Functions: ${fns.url}   (try ${fns.url}/api)`,
    useEmulator
      ? `Twilio:    local emulator at ${env.TWILIO_EMULATOR_URL} (account ${env.ACCOUNT_SID})`
      : `Twilio:    REAL account ${String(env.ACCOUNT_SID).slice(0, 10)}...`,
  ];
  if (emu) {
    const numbers = await fetch(`${emu.baseUrl}/api/2010-04-01/Accounts/${emu.accountSid}/IncomingPhoneNumbers.json`, {
      headers: { Authorization: `Basic ${Buffer.from(`${emu.accountSid}:${emu.authToken}`).toString('base64')}` },
    }).then(
      (r) => r.json() as Promise<{ incoming_phone_numbers: { phone_number: string; sms_url: string; voice_url: string }[] }>,
    );
    lines.push('Numbers:');
    for (const n of numbers.incoming_phone_numbers)
      lines.push(`  ${n.phone_number}  sms -> ${n.sms_url}  voice -> ${n.voice_url}`);
    lines.push(
      'Dev Flex token:',
      `  curl -s -X POST ${emu.baseUrl}/_emulator/flex-token -H 'Content-Type: application/json' -d '{"identity":"alice","roles":["admin"]}'`,
      'Inbound SMS:',
      `  curl -s -X POST ${emu.baseUrl}/_emulator/inbound-sms -H 'Content-Type: application/json' -d '{"From":"+14155559999","To":"+14155550100","Body":"Hello"}'`,
    );
  }
  console.log(lines.join('\n'));

  const stop = async (): Promise<void> => {
    await fns.close();
    if (emu) await emu.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
