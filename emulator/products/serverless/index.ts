/**
 * Serverless v1 (https://serverless.twilio.com/v1 and its upload host serverless-upload.twilio.com): every
 * call a deploy makes, in the Serverless Toolkit's order: Services, Environments, Functions and Function
 * Versions, Assets and Asset Versions, Builds and their Status, Variables, Deployments. Returns what the
 * gateway serves: the build each environment's domain has live.
 */
import type { Emulator } from '../../core/emulator';
import type { DeployedEnvironments } from '../../gateway/deployed-build';
import { registerBuilds } from './builds';
import { deployedEnvironments } from './deployed';
import { registerDeployments } from './deployments';
import { registerEnvironments } from './environments';
import { createContext } from './model';
import { registerResources } from './resources';
import { registerServices } from './services';
import { registerVariables } from './variables';

export function registerServerless(emu: Emulator): DeployedEnvironments {
  const ctx = createContext(emu);
  const { tables } = ctx;
  registerServices(ctx);
  registerEnvironments(ctx);
  registerResources(ctx, {
    plural: 'Functions',
    singular: 'function',
    resources: tables.functions,
    versions: tables.functionVersions,
  });
  registerResources(ctx, { plural: 'Assets', singular: 'asset', resources: tables.assets, versions: tables.assetVersions });
  registerBuilds(ctx);
  registerVariables(ctx);
  registerDeployments(ctx);
  return deployedEnvironments(tables);
}
