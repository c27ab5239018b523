/** Reads and writes env files (`.env`, the deploy's `.env.deploy`) without touching process.env. */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'dotenv';

export function readEnvFile(file = join(__dirname, '..', '.env')): Record<string, string> {
  return existsSync(file) ? parse(readFileSync(file)) : {};
}

/** Writes `variables` as an env file only its owner may read (it holds secrets); values quoted as JSON. */
export function writeEnvFile(file: string, variables: Readonly<Record<string, string>>): void {
  const lines = Object.entries(variables).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
}
