/**
 * Serves the built functions and assets with the Serverless Toolkit's own local server
 * (@twilio/runtime-handler/dev), in-process, behind local-requests.ts (and, against the emulator, the
 * console's dev routes: local-dev-routes.ts). Used by `npm start` and by the integration tests.
 */
import { createServer, Server } from 'http';
import type { AddressInfo } from 'net';
import { join, sep } from 'path';
import { LocalDevelopmentServer } from '@twilio/runtime-handler/dev';
import type { ServerConfig } from '@twilio/runtime-handler/dev';
import { DIST, routesFrom } from './routes';
import { answerLocalServerError, withLocalEdges } from './local-requests';
import { withDevRoutes } from './local-dev-routes';

const ROOT = join(__dirname, '..');
export { DIST, routesFrom } from './routes';

export interface RunningServer {
  url: string;
  port: number;
  /** Serves what dist holds now: routes read again, bundles loaded afresh on their next request. */
  reload(): void;
  close(): Promise<void>;
}

/** Finds a free loopback port (the dev server needs its URL before it starts listening). */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export async function startFunctions(opts: {
  env: Record<string, string | undefined>;
  port?: number;
  /** 127.0.0.1 unless told otherwise: a laptop's functions are not the network's. */
  host?: string;
  /** Receives one line per request. */
  log?: (line: string) => void;
  /** The build to serve, laid out as dist/ (functions/, assets/); dist/ itself by default. */
  distDir?: string;
  /** The URL the functions are told they are served at (DOMAIN_NAME); the local URL by default. */
  publicUrl?: string;
}): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const url = `http://localhost:${port}`;
  const distDir = opts.distDir ?? DIST;
  const config: ServerConfig = {
    // Where the runtime resolves `twilio` from: this project's install, whichever build is served.
    baseDir: ROOT,
    env: opts.env,
    port,
    url: opts.publicUrl ?? url,
    detailedLogs: false,
    live: false,
    logs: false,
    legacyMode: false,
    appName: 'flex-contact-centre-backend',
    forkProcess: false,
    routes: routesFrom(distDir),
    enableDebugLogs: false,
  };
  const dev = new LocalDevelopmentServer(port, config);
  const app = dev.getApp();
  // Errors raised inside the dev server's own routing (e.g. a path that is not valid percent-encoding).
  app.use((err: unknown, _req: unknown, res: Parameters<typeof answerLocalServerError>[1], _next: unknown) =>
    answerLocalServerError(err, res),
  );
  const server: Server = createServer(withLocalEdges(withDevRoutes(app, opts.env.TWILIO_EMULATOR_URL), opts.log));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, opts.host ?? '127.0.0.1', () => resolve());
  });
  return {
    url,
    port,
    reload: () => {
      // The bundles are self-contained, so dropping them from the require cache is enough; twilio stays loaded.
      for (const key of Object.keys(require.cache)) if (key.startsWith(distDir + sep)) delete require.cache[key];
      dev.update(routesFrom(distDir));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
