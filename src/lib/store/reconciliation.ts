/**
 * Where reconciliation has got to, per source of Twilio records. Sync Map `reconciliation`, item key =
 * the source (`messages`, `calls`, `recordings`). Each item holds the watermark (everything Twilio
 * created before it is repaired already) and, while a sweep is under way across invocations, the page
 * it resumes from.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { Json, SyncMapRef } from './sync';

export type ReconciledSource = 'messages' | 'calls' | 'recordings';

export interface SweepProgress extends Json {
  /** The oldest creation time this sweep covers (ISO 8601). */
  since: string;
  /** When the sweep began: the watermark it earns once it is through. */
  startedAt: string;
  /** Twilio's URL of the page to read next; null for the first page. */
  pageUrl: string | null;
  /** Creation time of the oldest record seen that was not final yet: the watermark cannot pass it. */
  openSince: string | null;
}

export interface ReconciliationState extends Json {
  source: ReconciledSource;
  watermark: string | null;
  sweep: SweepProgress | null;
  updatedAt: string;
}

function map(client: TwilioClient, env: ServiceEnv): SyncMapRef<ReconciliationState> {
  return new SyncMapRef<ReconciliationState>(client, env, 'reconciliation', 0);
}

export async function readReconciliationState(
  client: TwilioClient,
  env: ServiceEnv,
  source: ReconciledSource,
): Promise<ReconciliationState> {
  return (await map(client, env).get(source))?.data ?? { source, watermark: null, sweep: null, updatedAt: '' };
}

export async function saveReconciliationState(client: TwilioClient, env: ServiceEnv, state: ReconciliationState): Promise<void> {
  // Last writer wins: two sweeps of the same source do the same idempotent work, so either state is right.
  await map(client, env).upsert(state.source, () => state);
}
