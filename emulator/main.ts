/**
 * `npm run emulator`: the local Twilio on its own. Settings come from the environment, with the defaults
 * of `npm start` (scripts/dev-env.ts): EMULATOR_PORT (3031), EMULATOR_STATE_DIR (.emulator-state),
 * FUNCTIONS_BASE_URL (http://localhost:3030), EMULATOR_STEP_MS (250).
 */
import { startEmulator } from './index';

async function main(): Promise<void> {
  const port = Number(process.env.EMULATOR_PORT || 3031);
  const emu = await startEmulator({
    port,
    stateDir: process.env.EMULATOR_STATE_DIR || '.emulator-state',
    functionsBaseUrl: process.env.FUNCTIONS_BASE_URL || 'http://localhost:3030',
    stepMs: Number(process.env.EMULATOR_STEP_MS || 250),
  }).catch((err: unknown) => {
    if ((err as { code?: unknown }).code !== 'EADDRINUSE') throw err;
    console.error(`Port ${port} is in use: set EMULATOR_PORT to a free port (EMULATOR_PORT=${port + 100} npm run emulator).`);
    process.exit(1);
  });
  console.log(`Twilio emulator listening on ${emu.baseUrl}`);
  // Closing the server and its timers lets the process end on its own, with the state flushed.
  const stop = (): void => {
    void emu.close();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
