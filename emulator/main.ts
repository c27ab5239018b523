/**
 * `npm run emulator`: the local Twilio on its own. Settings come from the environment:
 * EMULATOR_PORT (3001), EMULATOR_STATE_DIR (.emulator-state), FUNCTIONS_BASE_URL (http://localhost:3000),
 * EMULATOR_STEP_MS (250).
 */
import { startEmulator } from './index';

async function main(): Promise<void> {
  const emu = await startEmulator({
    port: Number(process.env.EMULATOR_PORT ?? 3001),
    stateDir: process.env.EMULATOR_STATE_DIR ?? '.emulator-state',
    functionsBaseUrl: process.env.FUNCTIONS_BASE_URL ?? 'http://localhost:3000',
    stepMs: Number(process.env.EMULATOR_STEP_MS ?? 250),
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
