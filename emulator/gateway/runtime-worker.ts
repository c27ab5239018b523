/**
 * One runtime of a deployed build, in its own process (started by runtime-process.ts): the Serverless
 * Toolkit's runtime (scripts/local-server.ts) serving the build's folder on a loopback port, with the
 * environment's context. Its own process because the runtime keeps `Runtime`, `Twilio` and its route table
 * in globals, one set per process, and because a timed-out invocation's pending work is abandoned by
 * ending the process, as Twilio ends it.
 */
import { format } from 'util';
import { startFunctions } from '../../scripts/local-server';

export interface WorkerStart {
  buildDir: string;
  /** https://<domain_name>: the runtime derives DOMAIN_NAME from it. */
  publicUrl: string;
  env: Record<string, string>;
}

export type WorkerMessage = { listening: number } | { failed: string } | { log: 'log' | 'error'; text: string };

const send = (message: WorkerMessage): void => {
  process.send?.(message);
};

// One console call is one log entry, as in Twilio's logs: a message of several lines (an error with its stack)
// reaches the emulator whole rather than as lines cut apart on its way through a pipe.
for (const level of ['log', 'info', 'debug', 'warn', 'error'] as const) {
  console[level] = (...args: unknown[]): void =>
    send({ log: level === 'warn' || level === 'error' ? 'error' : 'log', text: format(...args) });
}

// Twilio logs an error a function leaves unhandled and the invocation runs into its time limit; the container stays.
process.on('unhandledRejection', (reason) => {
  console.error(`unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`);
});
process.on('uncaughtException', (err) => {
  console.error(`uncaught exception: ${err.message}`);
});
// The emulator went away: so does its runtime.
process.on('disconnect', () => process.exit(0));

process.once('message', (start: WorkerStart) => {
  startFunctions({ env: start.env, distDir: start.buildDir, publicUrl: start.publicUrl })
    .then((server) => send({ listening: server.port }))
    .catch((err: unknown) => send({ failed: err instanceof Error ? err.message : String(err) }));
});
