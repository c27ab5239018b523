/**
 * Emulator fixtures for tests: a fresh emulator per test file on a free port, the real `twilio` SDK
 * pointed at it through the service's own client factory, and the contract check of every answer.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startEmulatorWithProducts, Emulator, EmulatorOptions, Exchange } from '../../emulator';
import type { DeployedEnvironments } from '../../emulator/gateway/deployed-build';
import { twilioClient, TwilioClient, RetryPolicy, DEFAULT_RETRY } from '../../src/lib/runtime/twilio-client';
import { contractViolations } from './contract';

export interface TestEmulator {
  emu: Emulator;
  url: string;
  client: TwilioClient;
  exchanges: Exchange[];
  /** What the emulator's Serverless API has deployed, as its gateway sees it. */
  deployments: DeployedEnvironments;
  /** A client with another retry policy (tests of retries). */
  clientWith(policy: Partial<RetryPolicy>): TwilioClient;
  /** Plain HTTP to the control API. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const exchanges: Exchange[] = [];
  // A state folder of its own unless the test gives one (restart tests), removed when the emulator closes.
  const ownStateDir = options.stateDir ? undefined : mkdtempSync(join(tmpdir(), 'emu-'));
  const { emu, products } = await startEmulatorWithProducts({
    port: 0,
    stateDir: ownStateDir,
    stepMs: 20,
    ...options,
    onExchange: (x) => {
      exchanges.push(x);
      options.onExchange?.(x);
    },
  });
  const env = { ACCOUNT_SID: emu.accountSid, AUTH_TOKEN: emu.authToken, TWILIO_EMULATOR_URL: emu.baseUrl };
  return {
    emu,
    url: emu.baseUrl,
    client: twilioClient(env),
    exchanges,
    deployments: products.deployments,
    clientWith: (policy) => twilioClient(env, { ...DEFAULT_RETRY, ...policy }),
    async control<T>(method: string, path: string, body?: unknown) {
      const res = await fetch(`${emu.baseUrl}${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    close: async () => {
      await emu.close();
      if (ownStateDir) rmSync(ownStateDir, { recursive: true, force: true });
    },
  };
}

/** Jest lifecycle: one emulator for the file, contract-checked after the last test. */
export function useEmulator(options: EmulatorOptions = {}): () => TestEmulator {
  let t: TestEmulator | undefined;
  beforeAll(async () => {
    t = await startTestEmulator(options);
  });
  afterAll(async () => {
    if (!t) return;
    await t.close();
    const problems = contractViolations(t.exchanges);
    if (problems.length) throw new Error(`OpenAPI contract violations:\n${problems.join('\n')}`);
  });
  return () => {
    if (!t) throw new Error('emulator not started');
    return t;
  };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
