/**
 * The settings numbers and TwiML Apps share: webhook URLs, their methods, names and flags, read from a
 * create or update form with Twilio's validation (a URL must be http(s), a method GET or POST).
 */
import { badParam, bool, first, Params } from '../core/wire';

export type SettingKind = 'url' | 'method' | 'text' | 'bool';

/** A record field, the form parameter that sets it, and what kind of value it takes. */
export type Setting<T> = readonly [field: keyof T & string, param: string, kind: SettingKind];

/** Copies the parameters present in `form` onto `record`; a bad value answers 400 before anything changes. */
export function applySettings<T extends object>(record: T, form: Params, settings: readonly Setting<T>[]): void {
  const changes: [string, string | boolean][] = [];
  for (const [field, param, kind] of settings) {
    if (kind === 'bool') {
      const v = bool(form, param);
      if (v !== undefined) changes.push([field, v]);
      continue;
    }
    const raw = first(form, param);
    if (raw === undefined) continue;
    let v = raw;
    if (kind === 'method') {
      v = raw.toUpperCase();
      if (v !== 'GET' && v !== 'POST') throw badParam(`${param} must be GET or POST`, 21608);
    }
    if (kind === 'url' && v !== '' && !/^https?:\/\/\S+$/.test(v)) throw badParam(`${param} is not a valid URL: ${v}`, 21502);
    changes.push([field, v]);
  }
  for (const [field, v] of changes) (record as Record<string, unknown>)[field] = v;
}
