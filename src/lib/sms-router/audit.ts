/**
 * Every admin operation of the SMS router leaves an audit entry: who (their user id and how they signed
 * in), what, the state before and after, when.
 */
import type { ServiceEnv } from '../runtime/env';
import type { Principal } from '../runtime/principal';
import type { TwilioClient } from '../runtime/twilio-client';
import { PlatformUser, platformUser } from '../users/directory';
import { AuditEntry, recentAuditEntries, writeAuditEntry } from '../store/router-audit';
import type { Json } from '../store/sync';
import { isoSeconds } from '../time';

export interface Actor {
  principal: Principal;
  user: PlatformUser;
}

export async function audit(
  client: TwilioClient,
  env: ServiceEnv,
  actor: Actor,
  action: string,
  target: string,
  change: { before: object | null; after: object | null },
): Promise<AuditEntry> {
  return writeAuditEntry(client, env, {
    actor: { user_id: actor.user.userId, via: actor.principal.via, principal: actor.principal.userId },
    action,
    target,
    before: change.before as Json | null,
    after: change.after as Json | null,
    at: isoSeconds(new Date()),
  });
}

export async function auditLog(client: TwilioClient, env: ServiceEnv, limit: number): Promise<AuditEntry[]> {
  return recentAuditEntries(client, env, limit);
}

/** The admin (or user) behind a request, as the audit log names them. */
export async function actorOf(client: TwilioClient, env: ServiceEnv, principal: Principal): Promise<Actor> {
  return { principal, user: await platformUser(client, env, principal) };
}
