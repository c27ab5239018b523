/**
 * What the router reports: its statistics (from the aggregates, never a log scan), its usage log a page
 * at a time, and its health.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { readStatsShards } from '../store/router-stats';
import { USAGE_LOG_DAYS, UsageLogEntry, usageEntriesOfDay } from '../store/router-usage-log';
import { isoSeconds } from '../time';
import { readStoredConfig } from '../store/router-config';

const TOP_USERS = 10;

export interface RouterStats {
  total_messages: number;
  successful_routes: number;
  failed_routes: number;
  average_processing_time_ms: number;
  last_24_hours: { messages: number; success_rate: number };
  top_users: { user_id: number; message_count: number; phone_number: string }[];
  deliveries: { attempts: number; delivered: number; failed: number };
}

const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

export async function routerStats(client: TwilioClient, env: ServiceEnv, now = new Date()): Promise<RouterStats> {
  const shards = await readStatsShards(client, env);
  const since = new Date(now.getTime() - 23 * 3_600_000).toISOString().slice(0, 13);
  const sum = (f: (s: (typeof shards)[number]) => number): number => shards.reduce((n, s) => n + f(s), 0);
  const recent = shards.flatMap((s) =>
    Object.entries(s.hours)
      .filter(([hour]) => hour >= since)
      .map(([, v]) => v),
  );
  const users = new Map<string, { count: number; phone: string }>();
  for (const s of shards) {
    for (const [id, [count, phone]] of Object.entries(s.users)) {
      const u = users.get(id);
      users.set(id, { count: (u?.count ?? 0) + count, phone: u?.phone ?? phone });
    }
  }
  const timed = sum((s) => s.timed);
  const recentMessages = recent.reduce((n, [m]) => n + m, 0);
  return {
    total_messages: sum((s) => s.messages),
    successful_routes: sum((s) => s.successes),
    failed_routes: sum((s) => s.failures),
    average_processing_time_ms: timed === 0 ? 0 : Math.round(sum((s) => s.processing_ms) / timed),
    last_24_hours: {
      messages: recentMessages,
      success_rate: percent(
        recent.reduce((n, [, ok]) => n + ok, 0),
        recentMessages,
      ),
    },
    top_users: [...users.entries()]
      .sort(([a, x], [b, y]) => y.count - x.count || Number(a) - Number(b))
      .slice(0, TOP_USERS)
      .map(([id, u]) => ({ user_id: Number(id), message_count: u.count, phone_number: u.phone })),
    deliveries: {
      attempts: sum((s) => s.delivery_attempts),
      delivered: sum((s) => s.delivered),
      failed: sum((s) => s.delivery_failures),
    },
  };
}

export interface UsagePage {
  total: number;
  limit: number;
  offset: number;
  logs: UsageLogEntry[];
}

/** Newest first; whole days before the offset are skipped by their counts, not read. */
export async function usageLog(
  client: TwilioClient,
  env: ServiceEnv,
  limit: number,
  offset: number,
  now = new Date(),
): Promise<UsagePage> {
  const shards = await readStatsShards(client, env);
  const days = Array.from({ length: USAGE_LOG_DAYS + 1 }, (_, back) =>
    new Date(now.getTime() - back * 86_400_000).toISOString().slice(0, 10),
  );
  const countOf = (day: string): number => shards.reduce((n, s) => n + (s.usage_days[day] ?? 0), 0);
  const total = days.reduce((n, day) => n + countOf(day), 0);
  const logs: UsageLogEntry[] = [];
  let skip = offset;
  for (const day of days) {
    if (logs.length >= limit) break;
    const count = countOf(day);
    if (count === 0) continue;
    if (skip >= count) {
      skip -= count;
      continue;
    }
    logs.push(...(await usageEntriesOfDay(client, env, day, skip, limit - logs.length)));
    skip = 0;
  }
  return { total, limit, offset, logs };
}

type Health = 'healthy' | 'unhealthy';

export interface RouterHealth {
  status: 'healthy' | 'degraded';
  service: string;
  timestamp: string;
  components: { routing_engine: Health; database: Health; twilio: Health };
}

const HEALTH_TIMEOUT_MS = 2000;

async function healthOf(work: () => Promise<unknown>): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer')), HEALTH_TIMEOUT_MS);
  });
  try {
    await Promise.race([work(), late]);
    return 'healthy';
  } catch {
    return 'unhealthy';
  } finally {
    clearTimeout(timer);
  }
}

/** Sync (the router's state and configuration) and Twilio's REST API, each asked once. */
export async function routerHealth(client: TwilioClient, env: ServiceEnv): Promise<RouterHealth> {
  const [database, twilio] = await Promise.all([
    healthOf(() => readStoredConfig(client, env)),
    healthOf(() => client.api.v2010.accounts(env.ACCOUNT_SID ?? '').fetch()),
  ]);
  const components = { routing_engine: database, database, twilio };
  return {
    status: database === 'healthy' && twilio === 'healthy' ? 'healthy' : 'degraded',
    service: 'SMS Router Webhook',
    timestamp: isoSeconds(new Date()),
    components,
  };
}
