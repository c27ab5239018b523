/**
 * What a build was made from and what it wrote, kept beside it in dist/build-info.json. `twilio
 * serverless:deploy` uploads dist as it finds it, so a deploy must be able to tell a current build from a
 * stale one (sources, assets or dependency versions changed since) or a partial one (files missing or edited).
 */
import { createHash } from 'crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join, relative, sep } from 'path';
import { CONSOLE_LIBRARIES, CONSOLE_SOURCES } from './build-console';

export const BUILD_RECORD = 'build-info.json';
/** The bundling settings live in the build scripts: changing them changes every bundle. */
const BUILD_SCRIPTS = ['build.ts', 'build-console.ts'];
/** The folders a deploy uploads (`.twilioserverlessrc`: functionsFolder, assetsFolder). */
const UPLOADED = ['functions', 'assets'];

export interface BuildRecord {
  /** One hash over every input: equal fingerprints, equal builds. */
  fingerprint: string;
  /** Input name (a path under the project, or `dependency <name>`) -> content hash or version. */
  inputs: Record<string, string>;
  /** Path under dist -> content hash, for every file a deploy would upload. */
  outputs: Record<string, string>;
  built_at: string;
}

/** Every file under `dir` (none when it does not exist). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const posixPath = (p: string): string => p.split(sep).join('/');

function installedVersion(root: string, name: string): string {
  const manifest = join(root, 'node_modules', name, 'package.json');
  if (!existsSync(manifest)) return 'not installed';
  return String((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version);
}

/** Everything the bundles depend on: sources and assets, tsconfig, the build script, dependency versions. */
export function buildInputs(root: string): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const file of [...filesUnder(join(root, 'src')), ...CONSOLE_SOURCES.map((f) => join(root, f))])
    inputs[posixPath(relative(root, file))] = sha256(readFileSync(file));
  const tsconfig = join(root, 'tsconfig.json');
  if (existsSync(tsconfig)) inputs['tsconfig.json'] = sha256(readFileSync(tsconfig));
  for (const script of BUILD_SCRIPTS) inputs[`scripts/${script}`] = sha256(readFileSync(join(__dirname, script)));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  // Declared, because the deploy declares it to Twilio; installed, because that is what got inlined.
  for (const [name, declared] of Object.entries(pkg.dependencies ?? {}).sort(([a], [b]) => a.localeCompare(b)))
    inputs[`dependency ${name}`] = `${declared} (installed ${installedVersion(root, name)})`;
  inputs['dependency esbuild'] = installedVersion(root, 'esbuild');
  // Development dependencies bundled into the console's script: what got inlined is what was installed.
  for (const name of CONSOLE_LIBRARIES) inputs[`dependency ${name}`] = installedVersion(root, name);
  return inputs;
}

function buildOutputs(dist: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const folder of UPLOADED)
    for (const file of filesUnder(join(dist, folder))) outputs[posixPath(relative(dist, file))] = sha256(readFileSync(file));
  return outputs;
}

const fingerprintOf = (inputs: Record<string, string>): string =>
  sha256(JSON.stringify(Object.entries(inputs).sort(([a], [b]) => a.localeCompare(b))));

/** Called by the build once dist is complete: a build that did not finish leaves no record. */
export function writeBuildRecord(root: string, dist: string): BuildRecord {
  const inputs = buildInputs(root);
  const record: BuildRecord = {
    fingerprint: fingerprintOf(inputs),
    inputs,
    outputs: buildOutputs(dist),
    built_at: new Date().toISOString(),
  };
  writeFileSync(join(dist, BUILD_RECORD), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

function differences(recorded: Record<string, string>, now: Record<string, string>, where: string): string[] {
  const out: string[] = [];
  for (const key of new Set([...Object.keys(recorded), ...Object.keys(now)])) {
    const before = recorded[key];
    const after = now[key];
    if (before === after) continue;
    if (key.startsWith('dependency ')) out.push(`${key}: ${before ?? 'absent'} at build time, now ${after ?? 'absent'}`);
    else if (before === undefined) out.push(`${where}${key} is new since the build`);
    else if (after === undefined) out.push(`${where}${key} is gone since the build`);
    else out.push(`${where}${key} changed since the build`);
  }
  return out;
}

/** Why dist is not the build of the current sources (empty when it is). */
export function staleBuild(root: string, dist = join(root, 'dist')): string[] {
  const recordFile = join(dist, BUILD_RECORD);
  if (!existsSync(recordFile)) return [`no build record (dist/${BUILD_RECORD}): the build never ran or did not finish`];
  let record: BuildRecord;
  try {
    record = JSON.parse(readFileSync(recordFile, 'utf8')) as BuildRecord;
  } catch {
    return [`dist/${BUILD_RECORD} is not readable JSON`];
  }
  const inputs = buildInputs(root);
  if (record.fingerprint === fingerprintOf(inputs)) return differences(record.outputs ?? {}, buildOutputs(dist), 'dist/');
  return differences(record.inputs ?? {}, inputs, '');
}
