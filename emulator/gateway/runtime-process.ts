/**
 * A runtime process of one deployed environment (runtime-worker.ts) and the invocations sent to it over
 * loopback HTTP. A runtime that must go (its build or variables changed, an invocation ran out of time) is
 * retired: it takes no new invocation and ends when the last one it runs ends (at most the time limit later).
 */
import { ChildProcess, fork } from 'child_process';
import { request, IncomingHttpHeaders, OutgoingHttpHeaders } from 'http';
import { join } from 'path';
import { createInterface } from 'readline';
import { pathToFileURL } from 'url';
import type { WorkerMessage, WorkerStart } from './runtime-worker';

const ROOT = join(__dirname, '..', '..');
const STARTUP_LIMIT_MS = 30_000;

export interface Invocation {
  method: string;
  pathAndQuery: string;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

export interface RuntimeAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Why an invocation has no answer: over the time limit, or the runtime failed (did not start, crashed). */
export class InvocationFailed extends Error {
  constructor(
    readonly reason: 'timeout' | 'runtime',
    message: string,
  ) {
    super(message);
  }
}

/** One log entry of the runtime: a console call (perhaps of several lines), or a line it wrote to stdout/stderr. */
export type RuntimeLog = (level: 'log' | 'error', text: string) => void;

/** What the child may see of the emulator's environment: enough to run node, nothing of its settings. */
function childEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'TZ', 'LANG', 'SYSTEMROOT'];
  const env: NodeJS.ProcessEnv = {};
  for (const key of keep) if (process.env[key] !== undefined) env[key] = process.env[key];
  // The uploaded bundles `require('twilio')` and the other runtime packages: resolved from this project's install.
  env.NODE_PATH = join(ROOT, 'node_modules');
  return env;
}

export class RuntimeProcess {
  private readonly child: ChildProcess;
  private readonly ready: Promise<number>;
  private inFlight = 0;
  private retired = false;
  private exited = false;

  constructor(start: WorkerStart, log: RuntimeLog) {
    // The worker is TypeScript: the child loads tsx's loader, as `npm run emulator` runs under tsx.
    const loader = pathToFileURL(require.resolve('tsx')).href;
    this.child = fork(join(__dirname, 'runtime-worker.ts'), [], {
      cwd: ROOT,
      env: childEnv(),
      execArgv: ['--import', loader],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const forward = (stream: NodeJS.ReadableStream | null, level: 'log' | 'error'): void => {
      if (stream) createInterface({ input: stream }).on('line', (line) => log(level, line));
    };
    forward(this.child.stdout, 'log');
    forward(this.child.stderr, 'error');
    this.ready = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new InvocationFailed('runtime', 'the runtime did not start in time')),
        STARTUP_LIMIT_MS,
      );
      this.child.on('message', (message: WorkerMessage) => {
        if ('log' in message) return log(message.log, message.text);
        clearTimeout(timer);
        if ('listening' in message) resolve(message.listening);
        else reject(new InvocationFailed('runtime', `the runtime did not start: ${message.failed}`));
      });
      this.child.once('exit', () => {
        this.exited = true;
        clearTimeout(timer);
        reject(new InvocationFailed('runtime', 'the runtime ended'));
      });
    });
    this.ready.catch(() => this.kill()); // a runtime that cannot start is of no use; callers see the error
    this.child.send(start);
  }

  /** Whether new invocations may go here. */
  get usable(): boolean {
    return !this.retired && !this.exited;
  }

  /** One invocation; its time limit starts once the runtime is up (a cold start is not the function's time). */
  async invoke(inv: Invocation, limitMs: number): Promise<RuntimeAnswer> {
    this.inFlight += 1;
    try {
      const port = await this.ready;
      return await this.send(port, inv, limitMs);
    } catch (err) {
      // Its pending work is abandoned with the process that holds it.
      if (err instanceof InvocationFailed && err.reason === 'timeout') this.retire();
      throw err;
    } finally {
      this.inFlight -= 1;
      if (this.retired && this.inFlight === 0) this.kill();
    }
  }

  retire(): void {
    this.retired = true;
    if (this.inFlight === 0) this.kill();
  }

  kill(): void {
    this.retired = true;
    if (!this.exited) this.child.kill('SIGKILL');
  }

  /** Resolves once the process is gone (after `kill`). */
  async ended(): Promise<void> {
    if (this.exited || this.child.exitCode !== null || this.child.signalCode !== null) return;
    await new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
  }

  private send(port: number, inv: Invocation, limitMs: number): Promise<RuntimeAnswer> {
    return new Promise<RuntimeAnswer>((resolve, reject) => {
      const gone = (): void => reject(new InvocationFailed('runtime', 'the runtime ended before answering'));
      const req = request(
        { host: '127.0.0.1', port, method: inv.method, path: inv.pathAndQuery, headers: inv.headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            clearTimeout(timer);
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) });
          });
          res.on('error', gone);
        },
      );
      // The first to settle wins: a late answer after the limit, or a late error, changes nothing.
      const timer = setTimeout(() => {
        reject(new InvocationFailed('timeout', `no answer within ${limitMs} ms`));
        req.destroy();
      }, limitMs);
      req.on('error', () => {
        clearTimeout(timer);
        gone();
      });
      req.end(inv.body);
    });
  }
}
