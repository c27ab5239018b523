/**
 * Call history read from Twilio's Calls API.
 */
import type { TwilioClient } from '../runtime/twilio-client';
import { isoOrNull } from '../time';

export interface CallLogEntry {
  from: string;
  to: string;
  status: string;
  duration: string;
  start_time: string | null;
}

/** The newest calls on the account, one Twilio round trip. */
export async function recentCalls(client: TwilioClient, limit: number): Promise<CallLogEntry[]> {
  const page = await client.calls.page({ pageSize: limit });
  return page.instances.map((c) => ({
    from: c.from,
    to: c.to,
    status: c.status,
    duration: c.duration ?? '0',
    start_time: isoOrNull(c.startTime),
  }));
}
