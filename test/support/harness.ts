/**
 * A tiny Twilio Functions harness for unit tests: a `Twilio.Response` like the runtime's, a context,
 * and `invoke` that resolves when the function calls back.
 */
import type { Handler } from '../../src/lib/runtime/handler';
import type { ServiceContext } from '../../src/lib/runtime/env';

export class FakeResponse {
  statusCode = 200;
  body: unknown;
  /** The body exactly as the function set it. */
  raw: unknown;
  headers: Record<string, string> = {};
  setStatusCode(code: number): void {
    this.statusCode = code;
  }
  /** JSON answers are parsed, as a client would (the wrapper sets Content-Type before the body). */
  setBody(body: unknown): void {
    this.raw = body;
    this.body =
      this.headers['Content-Type'] === 'application/json' && typeof body === 'string' ? (JSON.parse(body) as unknown) : body;
  }
  appendHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
}

(globalThis as unknown as { Twilio: { Response: typeof FakeResponse } }).Twilio = { Response: FakeResponse };

export function fakeContext(overrides: Partial<ServiceContext> = {}): ServiceContext {
  return {
    DOMAIN_NAME: 'example-1234.twil.io',
    PATH: '/test',
    ACCOUNT_SID: 'AC00000000000000000000000000000000',
    AUTH_TOKEN: 'unit-test-auth-token',
    ...overrides,
  };
}

export async function invoke(
  handler: Handler,
  event: Record<string, unknown>,
  context: ServiceContext = fakeContext(),
  headers: Record<string, string> = {},
): Promise<FakeResponse> {
  return new Promise<FakeResponse>((resolve, reject) => {
    void handler(context, { ...event, request: { headers, cookies: {} } }, (err, res) => {
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve(res as unknown as FakeResponse);
    });
  });
}
