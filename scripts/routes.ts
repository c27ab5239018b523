/**
 * Routes exactly as Twilio derives them from the deployed folders: the path under the folder, the
 * visibility from the `.protected` / `.private` suffix. The local server, the OpenAPI document and the
 * deploy checks all read routes here.
 */
import { join, relative, sep } from 'path';
import { filesUnder } from './build-record';

export const DIST = join(__dirname, '..', 'dist');

export type Access = 'public' | 'protected' | 'private';

export interface Resource {
  access: Access;
  content: string;
  name: string;
  path: string;
  filePath: string;
}

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
    functions: filesUnder(fnDir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => resource(fnDir, f, true)),
    assets: filesUnder(assetDir).map((f) => resource(assetDir, f, false)),
  };
}
