import type { TestEmulator } from './emulator';

export interface SyncHttpInit {
  headers?: Record<string, string>;
  form?: Record<string, string>;
}

/** Plain HTTP to the emulated Sync API, for what the SDK cannot send or does not show (headers). */
export async function syncHttp(
  t: TestEmulator,
  method: string,
  path: string,
  init: SyncHttpInit = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> | undefined }> {
  const { emu, url } = t;
  const headers: Record<string, string> = {
    Authorization: `Basic ${Buffer.from(`${emu.accountSid}:${emu.authToken}`).toString('base64')}`,
    ...(init.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
    ...init.headers,
  };
  const res = await fetch(`${url}/sync/v1${path}`, {
    method,
    headers,
    ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}
