/**
 * What the emulator's Serverless API hands its gateway: the build that an environment serves now.
 * The Serverless API (emulator/products/serverless/) owns services, environments, builds and
 * deployments; the gateway (this folder) only serves what `byDomain` returns, so the two meet here.
 */
export type Visibility = 'public' | 'protected' | 'private';

export interface DeployedFunction {
  /** The route, e.g. /api/send-sms (no suffix: visibility says what the suffix said). */
  path: string;
  visibility: Visibility;
  /** The uploaded source, exactly as the deploy sent it. */
  content: string;
}

export interface DeployedAsset {
  /** The route, e.g. /index.html. */
  path: string;
  visibility: Visibility;
  content: Buffer;
}

export interface DeployedEnvironment {
  serviceSid: string;
  environmentSid: string;
  /** The build the environment's latest deployment points at. */
  buildSid: string;
  /** e.g. flex-contact-centre-backend-1234-dev.twil.io: the host the gateway answers for. */
  domainName: string;
  /** The environment's variables, given to every function as `context`. */
  variables: Record<string, string>;
  functions: DeployedFunction[];
  assets: DeployedAsset[];
  /** The build's declared dependencies (name -> version), as the deploy encoded them. */
  dependencies: Record<string, string>;
  /** node22 or node24. */
  runtime: string;
}

export interface DeployedEnvironments {
  /** The environment serving this host now, with its latest deployment's build; undefined when none. */
  byDomain(domainName: string): DeployedEnvironment | undefined;
}
