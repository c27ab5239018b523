/**
 * Pre-deploy checks: nothing meant for local runs is uploaded, and every dependency is pinned exactly
 * (the platform rejects ranges for @twilio/runtime-handler, and exact pins keep deploys reproducible).
 */
export const PRODUCTION_VARIABLES = [
  'ACCOUNT_SID',
  'AUTH_TOKEN',
  'TWILIO_PHONE_NUMBER',
  'TWILIO_FROM_NUMBER',
  'TWILIO_WHATSAPP_NUMBER',
  'SOFTPHONE_IDENTITY',
  'API_USERNAME',
  'API_PASSWORD',
  'JWT_SECRET',
  'SYNC_SERVICE_SID',
  'TASKROUTER_WORKSPACE_SID',
  'ALLOWED_ORIGINS',
] as const;

const LOCAL_ONLY = /^(TWILIO_EMULATOR_URL|EMULATOR_|FUNCTIONS_BASE_URL$|PORT$)/;
const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

export interface DeployPlan {
  variables: Record<string, string>;
  problems: string[];
}

export function planDeploy(env: Record<string, string>, pkg: { dependencies?: Record<string, string> }): DeployPlan {
  const problems: string[] = [];
  for (const [k, v] of Object.entries(env)) {
    if (LOCAL_ONLY.test(k) && v !== '') problems.push(`${k} is a local-only setting; remove it from .env before deploying`);
    if (/^https?:\/\/(localhost|127\.|0\.0\.0\.0|\[::1\])/.test(v)) problems.push(`${k} points at a local address (${v})`);
  }
  if (!env.ACCOUNT_SID?.startsWith('AC') || !env.AUTH_TOKEN)
    problems.push('ACCOUNT_SID and AUTH_TOKEN of the target account must be set');
  if (env.ACCOUNT_SID === 'AC00000000000000000000000000000000') problems.push("ACCOUNT_SID is the emulator's account");
  for (const [name, version] of Object.entries(pkg.dependencies ?? {})) {
    if (!EXACT.test(version)) problems.push(`dependency ${name} is not pinned to an exact version (${version})`);
  }
  const variables: Record<string, string> = {};
  for (const k of PRODUCTION_VARIABLES) if (env[k]) variables[k] = env[k];
  return { variables, problems };
}
