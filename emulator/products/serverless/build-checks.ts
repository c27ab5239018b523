/**
 * What Twilio's build refuses, in the two ways it refuses: at creation (400, 20001: the request cannot
 * be built at all) and while packaging (the build's status becomes `failed`). The accepted runtimes and
 * runtime-handler versions are the deploy pre-check's own lists (scripts/deploy-check.ts): one list.
 */
import { ACCEPTED_RUNTIME_HANDLERS, ACCEPTED_RUNTIMES } from '../../../scripts/deploy-check';
import { Dependency, invalid, VersionRecord } from './model';

/** Twilio's default when a build names no runtime (changelog 2026-07-08: node22 is the default). */
export const DEFAULT_RUNTIME = 'node22';
const RUNTIME_HANDLER = '@twilio/runtime-handler';
const HANDLER_VERSIONS_URL = 'https://www.twilio.com/docs/serverless/functions-assets/handler';

/**
 * Asset versions per build (Twilio support, "Assets": 1000 public or protected files, 50 private ones). The
 * old beta page's 50 Function Versions per build is not applied: services deploy more (flex-project-template's).
 */
const MAX_PUBLIC_ASSET_VERSIONS = 1000;
const MAX_PRIVATE_ASSET_VERSIONS = 50;
/**
 * Largest function the emulator packages. Twilio documents 25 MB per hosted file (Assets); no figure for a
 * Function was found, so the same one applies.
 */
export const MAX_FUNCTION_BYTES = 25 * 1024 * 1024;

/**
 * The Dependencies field: a JSON array of `{name, version}`. The Serverless Toolkit sends it wrapped in
 * double quotes (`"[{...}]"`), which Twilio accepts as well as the bare array of its docs.
 */
export function parseDependencies(raw: string | undefined): Dependency[] {
  if (raw === undefined || raw === '') return [];
  const text = raw.length > 1 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('Dependencies must be a JSON array of {"name", "version"} objects');
  }
  const valid = (d: unknown): d is Dependency =>
    typeof d === 'object' &&
    d !== null &&
    typeof (d as Dependency).name === 'string' &&
    typeof (d as Dependency).version === 'string';
  if (!Array.isArray(parsed) || !parsed.every(valid))
    throw invalid('Dependencies must be a JSON array of {"name", "version"} objects');
  return parsed.map(({ name, version }) => ({ name, version }));
}

/** Refusals at creation, with Twilio's messages where they are known (deploy errors quoted in the toolkit's issues). */
export function checkBuildRequest(
  functions: readonly VersionRecord[],
  assets: readonly VersionRecord[],
  dependencies: readonly Dependency[],
  runtime: string,
): void {
  if (!functions.length && !assets.length) throw invalid('At least one Function Version or Asset Version is required for Build');
  if (!(runtime in ACCEPTED_RUNTIMES)) throw invalid(`unsupported runtime: ${runtime}`);
  const handler = dependencies.find((d) => d.name === RUNTIME_HANDLER);
  if (handler && !(handler.version in ACCEPTED_RUNTIME_HANDLERS))
    throw invalid(
      `Some dependencies could not be validated. No matching version found for ${RUNTIME_HANDLER}@${handler.version}. ` +
        `You can find the valid versions at ${HANDLER_VERSIONS_URL}`,
    );
  const privateAssets = assets.filter((a) => a.visibility === 'private').length;
  if (privateAssets > MAX_PRIVATE_ASSET_VERSIONS)
    throw invalid(`A Build can contain at most ${MAX_PRIVATE_ASSET_VERSIONS} private Asset Versions`);
  if (assets.length - privateAssets > MAX_PUBLIC_ASSET_VERSIONS)
    throw invalid(`A Build can contain at most ${MAX_PUBLIC_ASSET_VERSIONS} public or protected Asset Versions`);
}

/** Why packaging these versions fails, or null: two versions serving one path, a function too big. */
export function packagingFailure(
  functions: readonly VersionRecord[],
  assets: readonly VersionRecord[],
): { code: number; message: string } | null {
  const seen = new Set<string>();
  for (const v of [...functions, ...assets]) {
    if (seen.has(v.path)) return { code: 20001, message: `Duplicate path ${v.path}: two versions in the build serve it` };
    seen.add(v.path);
  }
  const big = functions.find((f) => f.size > MAX_FUNCTION_BYTES);
  if (big) return { code: 20001, message: `Function ${big.path} is ${big.size} bytes; the limit is ${MAX_FUNCTION_BYTES}` };
  return null;
}
