/** Reads `.env` (if any) without touching process.env. */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'dotenv';

export function readEnvFile(file = join(__dirname, '..', '.env')): Record<string, string> {
  return existsSync(file) ? parse(readFileSync(file)) : {};
}
