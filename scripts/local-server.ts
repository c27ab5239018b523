/**
 * Serves the built functions and assets with the Serverless Toolkit's own local server
 * (@twilio/runtime-handler/dev), in-process. Used by `npm start` and by the integration tests.
 */
import { createServer, Server } from 'http';
import type { AddressInfo } from 'net';
import { readdirSync, statSync } from 'fs';
import { join, relative, sep } from 'path';
import { LocalDevelopmentServer } from '@twilio/runtime-handler/dev';
import type { ServerConfig } from '@twilio/runtime-handler/dev';

const ROOT = join(__dirname, '..');
export const DIST = join(ROOT, 'dist');

type Access = 'public' | 'protected' | 'private';
interface Resource {
  access: Access;
  content: string;
  name: string;
  path: string;
  filePath: string;
}

function walk(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
  } catch {
    return [];
  }
}

/** Routes exactly as Twilio derives them: the path under the folder, visibility from the suffix. */
export function routesFrom(distDir = DIST): { functions: Resource[]; assets: Resource[] } {
  const resource = (base: string, file: string, isFunction: boolean): Resource => {
    let rel = `/${relative(base, file).split(sep).join('/')}`;
    if (isFunction) rel = rel.replace(/\.js$/, '');
    const m = /^(.*)\.(protected|private)(\.[^/.]+)?$/.exec(rel);
    const access: Access = m ? (m[2] as Access) : 'public';
    const path = m ? `${m[1]}${m[3] ?? ''}` : rel;
    return { access, content: '', name: path, path, filePath: file };
  };
  const fnDir = join(distDir, 'functions');
  const assetDir = join(distDir, 'assets');
  return {
    functions: walk(fnDir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => resource(fnDir, f, true)),
    assets: walk(assetDir).map((f) => resource(assetDir, f, false)),
  };
}

export interface RunningServer {
  url: string;
  port: number;
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
  host?: string;
  logs?: boolean;
}): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const url = `http://localhost:${port}`;
  const config: ServerConfig = {
    baseDir: ROOT,
    env: opts.env,
    port,
    url,
    detailedLogs: false,
    live: false,
    logs: opts.logs ?? false,
    legacyMode: false,
    appName: 'flex-contact-centre-backend',
    forkProcess: false,
    routes: routesFrom(),
    enableDebugLogs: false,
  };
  const dev = new LocalDevelopmentServer(port, config);
  const server: Server = createServer(dev.getApp());
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, opts.host ?? '127.0.0.1', () => resolve());
  });
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
