/**
 * `npm start`: build, serve the functions on the Serverless Toolkit's local server (127.0.0.1), rebuild and
 * reload when src/ changes, and print one line per request. With no Twilio credentials it also starts the
 * local Twilio emulator and wires the functions to it; with real credentials in .env it serves against Twilio.
 * Settings: scripts/dev-env.ts.
 */
import { existsSync, FSWatcher, readdirSync, watch } from 'fs';
import { join } from 'path';
import { buildAll } from './build';
import { PRODUCTION_VARIABLES } from './deploy-check';
import { LocalSettings, localSettings, withEmulatorDefaults } from './dev-env';
import { provisionVoice } from './dev-voice';
import { provisionVerify } from './dev-verify';
import { readEnvFile } from './env-file';
import { RunningServer, startFunctions } from './local-server';
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, startEmulator, Emulator } from '../emulator';

const ROOT = join(__dirname, '..');
const REBUILD_DEBOUNCE_MS = 150;

/** A failure `npm start` explains in one line, without a stack trace. */
class StartError extends Error {}

/** Starts a server on `port`, turning "port in use" into the variable to change. */
async function onPort<T>(variable: string, port: number, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'EADDRINUSE')
      throw new StartError(`Port ${port} is in use: set ${variable} to a free port (${variable}=${port + 100} npm start).`);
    if (code === 'EACCES') throw new StartError(`Port ${port} is not allowed for this user: set ${variable} to another port.`);
    throw err;
  }
}

interface IncomingNumber {
  sid: string;
  phone_number: string;
  sms_url: string;
  voice_url: string;
}

/**
 * The emulator's numbers. Webhooks that still point at another local port (state kept from an earlier run)
 * are pointed at this run's functions, so inbound traffic reaches them.
 */
async function emulatorNumbers(emulatorUrl: string, sid: string, token: string, functionsUrl: string): Promise<IncomingNumber[]> {
  const base = `${emulatorUrl}/api/2010-04-01/Accounts/${sid}/IncomingPhoneNumbers`;
  const headers = { Authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}` };
  const res = await fetch(`${base}.json?PageSize=100`, { headers });
  if (!res.ok)
    throw new StartError(
      `The emulator at ${emulatorUrl} answered ${res.status} to the account's numbers; check TWILIO_EMULATOR_URL.`,
    );
  const numbers = ((await res.json()) as { incoming_phone_numbers: IncomingNumber[] }).incoming_phone_numbers;
  const local = /^http:\/\/(localhost|127\.0\.0\.1):\d+(?=\/)/;
  for (const n of numbers) {
    const update = { SmsUrl: n.sms_url.replace(local, functionsUrl), VoiceUrl: n.voice_url.replace(local, functionsUrl) };
    if (update.SmsUrl === n.sms_url && update.VoiceUrl === n.voice_url) continue;
    await fetch(`${base}/${n.sid}.json`, { method: 'POST', headers, body: new URLSearchParams(update) });
    Object.assign(n, { sms_url: update.SmsUrl, voice_url: update.VoiceUrl });
  }
  return numbers;
}

function banner(
  s: LocalSettings,
  fns: RunningServer,
  env: Record<string, string>,
  numbers: IncomingNumber[],
  filled: string[],
): string {
  const lines = [
    '',
    `Functions:   ${fns.url}   landing page ${fns.url}/`,
    `Console:     ${fns.url}/console   agents and admins in the browser${s.twilio === 'account' ? '' : ' (dev sign-in offered)'}`,
    `API docs:    ${fns.url}/docs   Swagger UI on ${fns.url}/openapi.json`,
    ...(s.twilio === 'account'
      ? []
      : ['Deploy rehearsal: `npm run deploy -- --emulator` deploys this build to the emulator, which serves it at its domain']),
  ];
  if (s.twilio === 'account') {
    lines.push(`Twilio:      REAL account ${env.ACCOUNT_SID.slice(0, 10)}...`);
    for (const v of PRODUCTION_VARIABLES.filter((p) => p.need === 'required' && !env[p.name]))
      lines.push(`  not set: ${v.name} (${v.whenUnset})`);
    return lines.join('\n');
  }
  const emu = env.TWILIO_EMULATOR_URL;
  lines.push(
    `Twilio:      local emulator ${emu} (account ${env.ACCOUNT_SID})`,
    `  request log  ${emu}/_emulator/requests`,
    `  call view    ${emu}/_emulator/calls`,
    'Numbers:',
    ...numbers.map((n) => `  ${n.phone_number}  sms -> ${n.sms_url}  voice -> ${n.voice_url}`),
  );
  if (filled.length)
    lines.push(
      `Emulator defaults for what .env leaves empty: ${filled.map((k) => `${k}=${k.includes('SECRET') ? '(set)' : env[k]}`).join(', ')}`,
    );
  const to = numbers[0]?.phone_number ?? '+14155550100';
  lines.push(
    'Dev Flex token:',
    `  curl -s -X POST ${emu}/_emulator/flex-token -H 'Content-Type: application/json' -d '{"identity":"alice","roles":["admin"]}'`,
    'Voice SDK device (a token from /api/twilio/access-token):',
    `  curl -s -X POST ${emu}/_emulator/devices -H 'Content-Type: application/json' -d '{"token":"<access token>"}'`,
    'Inbound SMS:',
    `  curl -s -X POST ${emu}/_emulator/inbound-sms -H 'Content-Type: application/json' -d '{"From":"+14155559999","To":"${to}","Body":"Hello"}'`,
  );
  return lines.join('\n');
}

/** Every folder under `dir`, itself included. */
function foldersUnder(dir: string): string[] {
  return [
    dir,
    ...readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? foldersUnder(join(dir, e.name)) : [])),
  ];
}

/**
 * Rebuilds on every change under src/ and client/src/ (the console bundles the typed client), debounced; a failed
 * build keeps the last good one serving. Each folder is watched on its own: a recursive watch on Linux loses
 * files that editors replace by renaming.
 */
function rebuildOnChange(fns: RunningServer): void {
  const roots = [join(ROOT, 'src'), join(ROOT, 'client', 'src')];
  const watched = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> = Promise.resolve();
  const rebuild = async (): Promise<void> => {
    try {
      const built = await buildAll();
      fns.reload();
      console.log(`src changed: rebuilt ${built.functions} functions in ${built.ms} ms and reloaded.`);
    } catch {
      console.log('src changed: the build failed (see above); still serving the last good build.');
    }
  };
  const onChange = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      watchFolders();
      building = building.then(rebuild);
    }, REBUILD_DEBOUNCE_MS);
  };
  const watchFolders = (): void => {
    const now = new Set(roots.flatMap((root) => (existsSync(root) ? foldersUnder(root) : [])));
    for (const [dir, w] of watched) {
      if (now.has(dir)) continue;
      w.close();
      watched.delete(dir);
    }
    for (const dir of now) if (!watched.has(dir)) watched.set(dir, watch(dir, onChange));
  };
  watchFolders();
}

async function main(): Promise<void> {
  const settings = localSettings(readEnvFile(), process.env, ROOT);
  if ('problems' in settings) throw new StartError(settings.problems.join('\n'));
  const functionsUrl = `http://localhost:${settings.port}`;
  const built = await buildAll();
  console.log(`Built ${built.functions} functions in ${built.ms} ms.`);

  let env = { ...settings.env };
  let emu: Emulator | undefined;
  let numbers: IncomingNumber[] = [];
  let filled: string[] = [];
  if (settings.twilio !== 'account') {
    if (settings.twilio === 'embedded') {
      const options = {
        port: settings.emulatorPort,
        stateDir: settings.stateDir,
        functionsBaseUrl: functionsUrl,
        stepMs: settings.stepMs,
      };
      emu = await onPort('EMULATOR_PORT', settings.emulatorPort, () => startEmulator(options));
      env.TWILIO_EMULATOR_URL = emu.baseUrl;
    }
    env.ACCOUNT_SID ??= emu?.accountSid ?? DEFAULT_ACCOUNT_SID;
    env.AUTH_TOKEN ??= emu?.authToken ?? DEFAULT_AUTH_TOKEN;
    numbers = await emulatorNumbers(env.TWILIO_EMULATOR_URL, env.ACCOUNT_SID, env.AUTH_TOKEN, functionsUrl);
    const voice = await provisionVoice(env, functionsUrl);
    const verify = await provisionVerify(env);
    ({ env, filled } = withEmulatorDefaults(env, numbers, { ...voice, ...verify }));
  }

  let fns: RunningServer;
  try {
    fns = await onPort('PORT', settings.port, () =>
      startFunctions({ env, port: settings.port, log: (line) => console.log(line) }),
    );
  } catch (err) {
    await emu?.close();
    throw err;
  }
  console.log(banner(settings, fns, env, numbers, filled));
  rebuildOnChange(fns);
  console.log(`Watching src/ and client/src/ for changes. One line per request follows.`);

  const stop = async (): Promise<void> => {
    await fns.close();
    if (emu) await emu.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof StartError ? err.message : err);
  process.exit(1);
});
