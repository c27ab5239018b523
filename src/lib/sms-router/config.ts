/**
 * The router's settings: each key with its type, range, default and description. Unknown keys and values
 * out of range are refused (CONFIGURATION_ERROR); what is stored is read through a per-container cache of
 * one minute, so an inbound message normally costs no round trip for it.
 */
import { ApiError } from '../runtime/errors';
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { readStoredConfig, StoredConfig, writeStoredConfig } from '../store/router-config';
import { isoSeconds } from '../time';

interface IntSetting {
  kind: 'int';
  min: number;
  max: number;
  default: number;
  description: string;
}
interface TextSetting {
  kind: 'text';
  maxLength: number;
  default: string;
  description: string;
}
interface ChoiceSetting {
  kind: 'choice';
  values: readonly string[];
  default: string;
  description: string;
}
type Setting = IntSetting | TextSetting | ChoiceSetting;

export const SETTINGS = {
  max_message_length: {
    kind: 'int',
    min: 1,
    max: 1600,
    default: 1600,
    description: 'Maximum SMS message length',
  },
  retry_attempts: {
    kind: 'int',
    min: 0,
    max: 5,
    default: 3,
    description: 'Number of retry attempts for failed messages',
  },
  retry_backoff_ms: {
    kind: 'int',
    min: 0,
    max: 2000,
    default: 500,
    description: 'Wait before the first retry of a failed message, doubled for each further retry',
  },
  // A function invocation ends at 10 s, so the agent's budget is a few seconds, not the seed's 30.
  processing_timeout_ms: {
    kind: 'int',
    min: 500,
    max: 5000,
    default: 4000,
    description: 'Message processing timeout in milliseconds',
  },
  rate_limit_per_sender_per_minute: {
    kind: 'int',
    min: 1,
    max: 1000,
    default: 10,
    description: 'Messages one sender may send in a minute before the router answers politely and stops processing',
  },
  rate_limit_per_user_per_minute: {
    kind: 'int',
    min: 1,
    max: 10000,
    default: 60,
    description: 'Messages routed to one user in a minute before the router answers politely and stops processing',
  },
  agent: {
    kind: 'choice',
    values: ['builtin', 'llm'],
    default: 'builtin',
    description: 'Which agent answers: the built-in one, or the language model set by SMS_ROUTER_LLM_URL (built-in as fallback)',
  },
  help_text: {
    kind: 'text',
    maxLength: 320,
    default:
      'Text HELP for this message, NUMBERS for your numbers, CALLS for your recent calls, USAGE for this month. Reply STOP to opt out.',
    description: 'Answer to HELP and INFO',
  },
} as const satisfies Record<string, Setting>;

export type ConfigKey = keyof typeof SETTINGS;
export const CONFIG_KEYS = Object.keys(SETTINGS) as ConfigKey[];

export interface RouterConfig {
  max_message_length: number;
  retry_attempts: number;
  retry_backoff_ms: number;
  processing_timeout_ms: number;
  rate_limit_per_sender_per_minute: number;
  rate_limit_per_user_per_minute: number;
  agent: 'builtin' | 'llm';
  help_text: string;
}

const configError = (message: string, field: string): ApiError => new ApiError(400, 'CONFIGURATION_ERROR', message, { field });

export function isConfigKey(key: string): key is ConfigKey {
  return Object.prototype.hasOwnProperty.call(SETTINGS, key);
}

/** The value as stored (a string), or a CONFIGURATION_ERROR saying what the key takes. */
export function validConfigValue(key: string, raw: string): string {
  if (!isConfigKey(key))
    throw configError(`Unknown configuration key ${key}; known keys: ${CONFIG_KEYS.join(', ')}`, 'config_key');
  const setting: Setting = SETTINGS[key];
  const value = raw.trim();
  if (setting.kind === 'int') {
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || n < setting.min || n > setting.max) {
      throw configError(`${key} must be a whole number from ${setting.min} to ${setting.max}`, 'config_value');
    }
    return String(n);
  }
  if (setting.kind === 'choice') {
    if (!setting.values.includes(value)) throw configError(`${key} must be one of: ${setting.values.join(', ')}`, 'config_value');
    return value;
  }
  if (value === '' || value.length > setting.maxLength) {
    throw configError(`${key} must be 1 to ${setting.maxLength} characters`, 'config_value');
  }
  return value;
}

export interface ConfigEntry {
  key: ConfigKey;
  value: string;
  description: string;
  is_active: boolean;
  updated_at: string | null;
}

/** Every key: stored ones as stored, the others with their defaults (is_active, never updated). */
export function configEntries(stored: readonly StoredConfig[]): ConfigEntry[] {
  return CONFIG_KEYS.map((key) => {
    const s = stored.find((e) => e.key === key);
    if (s) return { key, value: s.value, description: s.description, is_active: s.is_active, updated_at: s.updated_at };
    return {
      key,
      value: String(SETTINGS[key].default),
      description: SETTINGS[key].description,
      is_active: true,
      updated_at: null,
    };
  });
}

function effective(stored: readonly StoredConfig[]): RouterConfig {
  const values: Record<string, string | number> = {};
  for (const entry of configEntries(stored)) {
    const setting: Setting = SETTINGS[entry.key];
    values[entry.key] = setting.kind === 'int' ? Number(entry.value) : entry.value;
  }
  return values as unknown as RouterConfig;
}

const CACHE_MS = 60_000;
/** Shared by every function bundle in the container (each inlines this module), so an update clears it for all. */
const cache: { current?: { at: number; config: RouterConfig } } = ((globalThis as { [k: symbol]: object | undefined })[
  Symbol.for('sms-router-config')
] ??= {});

/** The settings in force (cached for a minute in this container). */
export async function routerConfig(client: TwilioClient, env: ServiceEnv, now = Date.now()): Promise<RouterConfig> {
  if (cache.current && now - cache.current.at < CACHE_MS) return cache.current.config;
  const config = effective(await readStoredConfig(client, env));
  cache.current = { at: now, config };
  return config;
}

/** Validates and stores one key; the entry before and after (for the audit log). */
export async function updateConfig(
  client: TwilioClient,
  env: ServiceEnv,
  change: { key: string; value: string; description?: string | undefined },
): Promise<{ before: ConfigEntry; after: ConfigEntry }> {
  const value = validConfigValue(change.key, change.value);
  const key = change.key as ConfigKey;
  const stored: StoredConfig = {
    key,
    value,
    description: change.description ?? SETTINGS[key].description,
    is_active: true,
    updated_at: isoSeconds(new Date()),
  };
  const previous = await writeStoredConfig(client, env, stored);
  delete cache.current;
  const [before] = configEntries(previous ? [previous] : []).filter((e) => e.key === key);
  const [after] = configEntries([stored]).filter((e) => e.key === key);
  if (!before || !after) throw new Error(`config key ${key} vanished`);
  return { before, after };
}
