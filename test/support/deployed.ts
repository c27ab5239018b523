/**
 * Deployed builds for gateway tests, without the Serverless API: this project's real build (dist/, read the way
 * the local server reads it) or synthetic functions whose source a test writes, served from an in-memory
 * DeployedEnvironments. A test changes what a domain serves by deploying again.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { DeployResult } from '@twilio-labs/serverless-api';
import { deployBuildToEmulator } from '../../scripts/emulator-deploy-client';
import { randomBytes } from 'crypto';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { routesFrom } from '../../scripts/local-server';
import type {
  DeployedAsset,
  DeployedEnvironment,
  DeployedEnvironments,
  DeployedFunction,
} from '../../emulator/gateway/deployed-build';
import { DOMAIN_PREFIX } from '../../emulator/core/emulator';

const ROOT = join(__dirname, '..', '..');

export const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

/** The functions and assets of dist/ as a deploy uploads them. */
export function builtService(): { functions: DeployedFunction[]; assets: DeployedAsset[] } {
  const { functions, assets } = routesFrom();
  return {
    functions: functions.map((f) => ({ path: f.path, visibility: f.access, content: readFileSync(f.filePath, 'utf8') })),
    assets: assets.map((a) => ({ path: a.path, visibility: a.access, content: readFileSync(a.filePath) })),
  };
}

export class MemoryDeployments implements DeployedEnvironments {
  private readonly environments = new Map<string, DeployedEnvironment>();

  byDomain(domainName: string): DeployedEnvironment | undefined {
    return this.environments.get(domainName);
  }

  /** Serves a new build at `domainName` (a new build sid each time, as a deploy makes). */
  deploy(
    domainName: string,
    build: { functions: DeployedFunction[]; assets?: DeployedAsset[]; variables?: Record<string, string> },
  ): DeployedEnvironment {
    const previous = this.environments.get(domainName);
    const env: DeployedEnvironment = {
      serviceSid: previous?.serviceSid ?? `ZS${hex(16)}`,
      environmentSid: previous?.environmentSid ?? `ZE${hex(16)}`,
      buildSid: `ZB${hex(16)}`,
      domainName,
      variables: build.variables ?? {},
      functions: build.functions,
      assets: build.assets ?? [],
      dependencies: {},
      runtime: 'node22',
    };
    this.environments.set(domainName, env);
    return env;
  }
}

export interface GatewayResult {
  status: number;
  headers: Headers;
  text: string;
}

/** Requests to a deployed domain through the emulator, by its path prefix (as a browser reaches it). */
export function domainClient(emulatorUrl: string, domain: string, authToken: string) {
  const send = async (path: string, init: RequestInit = {}): Promise<GatewayResult> => {
    const res = await fetch(`${emulatorUrl}${DOMAIN_PREFIX}${domain}${path}`, init);
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  return {
    send,
    /** A POST signed as Twilio signs a webhook to https://<domain><path>; `signature` overrides it (forgery). */
    webhook: (path: string, params: Record<string, string>, signature?: string): Promise<GatewayResult> =>
      send(path, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Twilio-Signature': signature ?? getExpectedTwilioSignature(authToken, `https://${domain}${path}`, params),
        },
        body: new URLSearchParams(params).toString(),
      }),
  };
}

/** This project's build (dist/) deployed to `emulator` by the Serverless Toolkit's own deploy code. */
export const deployThisBuild = (
  emulator: { url: string; accountSid: string; authToken: string },
  variables: Record<string, string>,
): Promise<DeployResult> => deployBuildToEmulator(ROOT, emulator, variables);
