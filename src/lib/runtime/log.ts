/**
 * The service's log lines, which Twilio Functions keeps per invocation (console.log as info, console.warn
 * and console.error as warnings and errors). Everything the service logs goes through here, so the lines
 * keep one format and the test setup can hold every error or warning to being expected.
 */

/** A domain event worth finding in the log later: one JSON line, `{"event": ..., ...fields}`. */
export function logEvent(event: string, fields: Record<string, string | number | boolean | null>): void {
  console.log(JSON.stringify({ event, ...fields }));
}

/** Something went wrong but the caller still got a useful answer (a deadline's safe reply, say). */
export function logWarning(path: string, message: string): void {
  console.warn(`[${path}] ${message}`);
}

/** The cause of a 5xx: its stack goes to the Functions log, never to the caller. */
export function logFailure(path: string, err: unknown): void {
  console.error(`[${path}]`, err instanceof Error ? (err.stack ?? err.message) : err);
}
