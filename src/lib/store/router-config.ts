/**
 * The SMS router's configuration as admins set it. Sync Map `sms-router-config`, item key = the config key
 * (one of the known keys; the service refuses others). Written only by admins, read once a minute per
 * container, so the map stays far below Sync's per-object rate.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { Json, SyncMapRef } from './sync';

export interface StoredConfig extends Json {
  key: string;
  value: string;
  description: string;
  is_active: boolean;
  updated_at: string;
}

function configMap(client: TwilioClient, env: ServiceEnv): SyncMapRef<StoredConfig> {
  return new SyncMapRef<StoredConfig>(client, env, 'sms-router-config', 0);
}

/** Every stored entry (there are a handful of keys: one page). */
export async function readStoredConfig(client: TwilioClient, env: ServiceEnv): Promise<StoredConfig[]> {
  return (await configMap(client, env).list({ limit: 100 })).map((i) => i.data);
}

/** Stores the entry; the one it replaced (undefined when there was none). */
export async function writeStoredConfig(
  client: TwilioClient,
  env: ServiceEnv,
  entry: StoredConfig,
): Promise<StoredConfig | undefined> {
  let before: StoredConfig | undefined;
  await configMap(client, env).upsert(entry.key, (current) => {
    before = current;
    return entry;
  });
  return before;
}
