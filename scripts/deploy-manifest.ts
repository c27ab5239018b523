/**
 * What a deploy uploads, computed by the same library calls `twilio-run deploy` makes: its reading of
 * `.twilioserverlessrc` (folders, runtime), `getListOfFunctionsAndAssets` of @twilio-labs/serverless-api
 * (paths and visibility), `getDependencies` (the Dependencies sent with the Build) and
 * `filterEnvVariablesForDeploy` (the variables set on the environment).
 */
import { join } from 'path';
import { getDependencies } from '@twilio-labs/serverless-api/dist/api/dependencies';
import { getListOfFunctionsAndAssets, SearchConfig } from '@twilio-labs/serverless-api/dist/utils/fs';
import { readSpecializedConfig } from 'twilio-run/dist/config/global';
import { filterEnvVariablesForDeploy } from 'twilio-run/dist/config/utils/env';
import { DeployPlan, PRODUCTION_VARIABLES, VariableSpec } from './deploy-check';

export interface DeploySettings {
  serviceName?: string;
  functionsFolder?: string;
  assetsFolder?: string;
  runtime?: string;
  /** The env file `twilio serverless:deploy` reads when run directly. */
  env?: string;
}

/** The deploy command's settings from `.twilioserverlessrc`, merged the way twilio-run merges them. */
export function deploySettings(root: string, environment: string): DeploySettings {
  return readSpecializedConfig(root, join(root, '.twilioserverlessrc'), 'deploy', { environmentSuffix: environment });
}

export interface Resource {
  path: string;
  access: string;
}

export interface UploadManifest {
  serviceName: string;
  environment: string;
  runtime: string | undefined;
  functionsFolder: string;
  assetsFolder: string;
  functions: Resource[];
  assets: Resource[];
  dependencies: { name: string; version: string }[];
  /** Names of the variables set on the environment (never their values). */
  variables: string[];
}

export async function uploadManifest(
  root: string,
  settings: DeploySettings,
  pkg: { name?: string; dependencies?: Record<string, string> },
  plan: DeployPlan,
  environment: string,
): Promise<UploadManifest> {
  const search: SearchConfig = {};
  if (settings.functionsFolder) search.functionsFolderNames = [settings.functionsFolder];
  if (settings.assetsFolder) search.assetsFolderNames = [settings.assetsFolder];
  const { functions, assets } = await getListOfFunctionsAndAssets(root, search);
  const byPath = (a: Resource, b: Resource): number => a.path.localeCompare(b.path);
  return {
    serviceName: settings.serviceName ?? pkg.name ?? '(none)',
    environment,
    runtime: settings.runtime,
    functionsFolder: settings.functionsFolder ?? 'functions or src',
    assetsFolder: settings.assetsFolder ?? 'assets or static',
    functions: functions.map(({ path, access }) => ({ path, access })).sort(byPath),
    assets: assets.map(({ path, access }) => ({ path, access })).sort(byPath),
    dependencies: getDependencies({ dependencies: pkg.dependencies ?? {} }),
    variables: Object.keys(filterEnvVariablesForDeploy(plan.variables)),
  };
}

const need = (list: readonly VariableSpec[]): string[] => list.map((v) => `  ${v.name}: ${v.whenUnset}`);

/** The manifest as ops read it. */
export function describeManifest(m: UploadManifest, plan: DeployPlan): string {
  const credentials = PRODUCTION_VARIABLES.filter((v) => v.need === 'credential').map(
    (v) => `${v.name} ${plan.missingCredentials.includes(v.name) ? 'missing' : 'set'}`,
  );
  const lines = [
    `Service ${m.serviceName}, environment ${m.environment || '(production)'}, runtime ${m.runtime ?? '(not set)'}`,
    `Functions (${m.functions.length}) from ${m.functionsFolder}/:`,
    ...(m.functions.length ? m.functions.map((f) => `  ${f.access.padEnd(9)} ${f.path}`) : ['  (none: nothing to deploy)']),
    `Assets (${m.assets.length}) from ${m.assetsFolder}/:`,
    ...(m.assets.length ? m.assets.map((a) => `  ${a.access.padEnd(9)} ${a.path}`) : ['  (none)']),
    'Dependencies declared to the build:',
    ...m.dependencies.map((d) => `  ${d.name} ${d.version}`),
    `Variables uploaded (names only): ${m.variables.join(', ') || '(none)'}`,
    `Credentials (used to deploy, never uploaded): ${credentials.join(', ')}`,
  ];
  if (plan.missingRequired.length)
    lines.push(
      'Required variables not in .env (the environment keeps any value set in the Console; without one):',
      ...need(plan.missingRequired),
    );
  if (plan.unsetOptional.length) lines.push('Optional variables not set:', ...need(plan.unsetOptional));
  return lines.join('\n');
}
