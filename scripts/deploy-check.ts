/**
 * Pre-deploy checks: the platform will accept the build (runtime-handler version, runtime, exact pins),
 * nothing meant for local runs is uploaded, and which of the service's variables the deploy sets.
 */

/**
 * The @twilio/runtime-handler versions Twilio's build accepts for this service, with where that is stated.
 * Not listed on purpose:
 * - 2.1.0: published on npm as `latest`, but the platform refuses it at deploy with error 20001 "No matching
 *   version found" (twilio-labs/serverless-toolkit issues #557 and #564; PR #558 stopped pinning it).
 * - 2.1.2: Twilio's handler page lists it for Node.js 24, but it was never published to npm (issue #564), so
 *   it cannot be installed for local runs. Deploying to node24 upgrades 2.0.1 to it on Twilio's side (Twilio
 *   changelog 2026-07-08, "Node.js v24 is now available for Twilio Functions").
 */
export const ACCEPTED_RUNTIME_HANDLERS: Readonly<Record<string, string>> = {
  '2.0.1':
    'Twilio docs, Runtime Handler versions: "the new default version"; twilio-labs/flex-project-template pins it with runtime node22',
};

/**
 * Runtimes (`.twilioserverlessrc` "runtime") Twilio Functions builds on. Twilio changelog 2026-07-08: node22
 * is the default, node24 is opt-in; the Node.js v22 upgrade guide retired node18 and older.
 */
export const ACCEPTED_RUNTIMES: Readonly<Record<string, string>> = {
  node22: 'the platform default',
  node24: 'opt-in; Twilio moves runtime-handler to 2.1.2 for it',
};

type Need = 'credential' | 'required' | 'optional';

export interface VariableSpec {
  name: string;
  need: Need;
  /** What the deployed service does without it. */
  whenUnset: string;
}

/** The variables a deploy uploads (README's configuration table, .env.example). */
export const PRODUCTION_VARIABLES: readonly VariableSpec[] = [
  { name: 'ACCOUNT_SID', need: 'credential', whenUnset: 'nothing to deploy with (the target account)' },
  { name: 'AUTH_TOKEN', need: 'credential', whenUnset: 'nothing to deploy with (the target account)' },
  { name: 'TWILIO_PHONE_NUMBER', need: 'required', whenUnset: '/api/call, /api/message and /phone/call answer 500' },
  { name: 'TWILIO_FROM_NUMBER', need: 'optional', whenUnset: '/phone/call uses TWILIO_PHONE_NUMBER' },
  { name: 'TWILIO_WHATSAPP_NUMBER', need: 'optional', whenUnset: 'WhatsApp messages and calls answer 500' },
  { name: 'SOFTPHONE_IDENTITY', need: 'required', whenUnset: 'inbound calls and basic-auth calls answer 500' },
  { name: 'API_USERNAME', need: 'optional', whenUnset: 'basic auth is off' },
  { name: 'API_PASSWORD', need: 'optional', whenUnset: 'basic auth is off' },
  { name: 'JWT_SECRET', need: 'optional', whenUnset: 'bearer tokens are off' },
  { name: 'TWILIO_APP_SID', need: 'optional', whenUnset: 'browser calling is off (/api/twilio/access-token answers 500)' },
  { name: 'TWILIO_API_KEY', need: 'optional', whenUnset: 'browser calling is off (/api/twilio/access-token answers 500)' },
  { name: 'TWILIO_API_SECRET', need: 'optional', whenUnset: 'browser calling is off (/api/twilio/access-token answers 500)' },
  { name: 'SYNC_SERVICE_SID', need: 'optional', whenUnset: 'state lives in the `default` Sync service' },
  { name: 'TASKROUTER_WORKSPACE_SID', need: 'optional', whenUnset: "task logs read the account's first workspace" },
  {
    name: 'ALLOWED_DIAL_COUNTRIES',
    need: 'optional',
    whenUnset: "calls and messages may reach only the country of the service's own number",
  },
  { name: 'MAX_NUMBERS_PER_USER', need: 'optional', whenUnset: 'each user may hold 5 numbers' },
  {
    name: 'DEFAULT_MONTHLY_LIMIT',
    need: 'optional',
    whenUnset: 'each user may spend 50.00 USD a month unless an admin sets more',
  },
  {
    name: 'TWILIO_VERIFY_SERVICE_SID',
    need: 'optional',
    whenUnset: 'SMS router phone mappings cannot be verified (/api/v1/sms-router/phone-mappings/verify/* answer 500)',
  },
  { name: 'SMS_ROUTER_LLM_URL', need: 'optional', whenUnset: "the SMS router's built-in agent answers every message" },
  { name: 'SMS_ROUTER_LLM_MODEL', need: 'optional', whenUnset: "the SMS router's built-in agent answers every message" },
  { name: 'SMS_ROUTER_LLM_API_KEY', need: 'optional', whenUnset: 'the language model is called without an API key' },
  { name: 'ALLOWED_ORIGINS', need: 'optional', whenUnset: 'CORS allows any origin (*)' },
];

/**
 * Settings that only make sense against the emulator: a .env holding one is not a deploy's .env. Ports and
 * the other `npm start` settings are simply not uploaded.
 */
const LOCAL_ONLY = /^(TWILIO_EMULATOR_URL|FUNCTIONS_BASE_URL)$/;
const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const LOCAL_URL = /^https?:\/\/(localhost|127\.|0\.0\.0\.0|\[::1\])/;
const EMULATOR_ACCOUNT_SID = 'AC00000000000000000000000000000000';

export interface DeployPlan {
  /** What goes into .env.deploy: the set production variables (credentials included, which twilio-run keeps). */
  variables: Record<string, string>;
  /** Reasons to refuse any deploy to Twilio, dry run included. */
  problems: string[];
  /**
   * The part of `problems` Twilio's build itself refuses (versions, runtime): a rehearsal against the
   * emulator goes on with them, so ops see the refusal as Twilio answers it.
   */
  platformProblems: string[];
  /** Credentials a real deploy needs and .env lacks (a dry run does without). */
  missingCredentials: string[];
  /** Variables the service needs that .env lacks: the environment keeps what it has in the Console, if any. */
  missingRequired: VariableSpec[];
  unsetOptional: VariableSpec[];
}

export function planDeploy(
  env: Record<string, string>,
  pkg: { dependencies?: Record<string, string> },
  runtime: string | undefined,
): DeployPlan {
  const problems: string[] = [];
  for (const [k, v] of Object.entries(env)) {
    if (LOCAL_ONLY.test(k) && v !== '') problems.push(`${k} is a local-only setting; remove it from .env before deploying`);
    else if (LOCAL_URL.test(v)) problems.push(`${k} points at a local address (${v})`);
  }
  if (env.ACCOUNT_SID === EMULATOR_ACCOUNT_SID) problems.push("ACCOUNT_SID is the emulator's account");
  else if (env.ACCOUNT_SID && !env.ACCOUNT_SID.startsWith('AC')) problems.push('ACCOUNT_SID does not start with AC');
  const platformProblems: string[] = [];
  for (const [name, version] of Object.entries(pkg.dependencies ?? {})) {
    if (!EXACT.test(version)) platformProblems.push(`dependency ${name} is not pinned to an exact version (${version})`);
  }
  const handler = pkg.dependencies?.['@twilio/runtime-handler'];
  if (handler === undefined) platformProblems.push('dependency @twilio/runtime-handler is missing (the platform needs it)');
  else if (!(handler in ACCEPTED_RUNTIME_HANDLERS))
    platformProblems.push(
      `@twilio/runtime-handler ${handler} is not a version Twilio accepts; use ${Object.keys(ACCEPTED_RUNTIME_HANDLERS).join(' or ')}`,
    );
  if (runtime === undefined)
    problems.push('.twilioserverlessrc sets no runtime; set one so a deploy does not inherit an old one');
  else if (!(runtime in ACCEPTED_RUNTIMES))
    platformProblems.push(
      `runtime ${runtime} is not one Twilio Functions builds on; use ${Object.keys(ACCEPTED_RUNTIMES).join(' or ')}`,
    );

  problems.push(...platformProblems);

  const variables: Record<string, string> = {};
  for (const { name } of PRODUCTION_VARIABLES) if (env[name]) variables[name] = env[name];
  const unset = PRODUCTION_VARIABLES.filter((v) => !env[v.name]);
  return {
    variables,
    problems,
    platformProblems,
    missingCredentials: unset.filter((v) => v.need === 'credential').map((v) => v.name),
    missingRequired: unset.filter((v) => v.need === 'required'),
    unsetOptional: unset.filter((v) => v.need === 'optional'),
  };
}
