/**
 * The SMS router's audit log: every admin operation (who, what, before, after, when). Sync Maps
 * `sms-router-audit.<YYYY-MM>`, item key = `<time, ms, 13 digits>.<random>`, so key order is time order.
 * Admin operations are rare; a month's map never sees more than a few writes a second. Kept a year.
 */
import { randomBytes } from 'crypto';
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { DAY_S, Json, SyncMapRef } from './sync';

const MONTHS_KEPT = 12;

export interface AuditEvent {
  /** Who did it: their user id and how they signed in. */
  actor: { user_id: number; via: string; principal: string };
  action: string;
  target: string;
  before: Json | null;
  after: Json | null;
  at: string;
}

export interface AuditEntry extends AuditEvent, Json {
  id: string;
}

function monthMap(client: TwilioClient, env: ServiceEnv, month: string): SyncMapRef<AuditEntry> {
  return new SyncMapRef<AuditEntry>(client, env, `sms-router-audit.${month}`, 365 * DAY_S);
}

let sequence = 0;

export async function writeAuditEntry(client: TwilioClient, env: ServiceEnv, entry: AuditEvent): Promise<AuditEntry> {
  // Milliseconds and this container's sequence keep one admin's quick operations in order.
  sequence = (sequence + 1) % 1_000_000;
  const id = `${String(Date.now()).padStart(13, '0')}.${String(sequence).padStart(6, '0')}.${randomBytes(3).toString('hex')}`;
  const full: AuditEntry = { ...entry, id };
  await monthMap(client, env, entry.at.slice(0, 7)).createIfAbsent(id, full);
  return full;
}

/** The newest `limit` entries, newest first, looking back at most a year. */
export async function recentAuditEntries(
  client: TwilioClient,
  env: ServiceEnv,
  limit: number,
  now = new Date(),
): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for (let back = 0; back < MONTHS_KEPT && out.length < limit; back++) {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
    const items = await monthMap(client, env, month).list({ limit: limit - out.length, order: 'desc' });
    out.push(...items.map((i) => i.data));
  }
  return out;
}
