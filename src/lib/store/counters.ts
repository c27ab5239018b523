/**
 * Id counters: the numeric ids the platform hands out (users, phone numbers). Sync Map `counters`, item
 * key = what is counted. Each allocation is a read-modify-write with If-Match (SyncMapRef.upsert), so two
 * allocations never get the same id; an id allocated and then not used leaves a gap, never a duplicate.
 * Only first sightings allocate, so the map stays far below Sync's 20 writes/s per object.
 */
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import { Json, SyncMapRef } from './sync';

export type CountedId = 'users' | 'phone-numbers' | 'phone-mappings';

interface Counter extends Json {
  last: number;
}

/** The next unused id of this kind (1, 2, 3 ...). */
export async function allocateId(client: TwilioClient, env: ServiceEnv, kind: CountedId): Promise<number> {
  const map = new SyncMapRef<Counter>(client, env, 'counters', 0);
  const next = await map.upsert(kind, (current) => ({ last: (current?.last ?? 0) + 1 }));
  if (!next) throw new Error(`counter ${kind} was not allocated`);
  return next.last;
}
