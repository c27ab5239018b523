/**
 * Environment Variables (/v1/Services/{ServiceSid}/Environments/{EnvironmentSid}/Variables): list, create,
 * fetch, update, delete. They are the `context` of every function the environment serves; a key is unique
 * within its environment.
 */
import { json } from '../../core/router';
import { first, newSid, notFound } from '../../core/wire';
import {
  dates,
  EnvironmentRecord,
  invalid,
  listPage,
  ROUTE,
  SERVERLESS_BASE,
  ServerlessContext,
  variableKeyTaken,
  VariableRecord,
} from './model';

/** Twilio's API reference: Key "a maximum of 128 characters", Value "a maximum of 450 bytes in size". */
const MAX_KEY = 128;
const MAX_VALUE_BYTES = 450;
const PATH = `${ROUTE}/{ServiceSid}/Environments/{EnvironmentSid}/Variables`;

function checkKey(key: string): void {
  if (!key || key.length > MAX_KEY) throw invalid(`Key must be 1 to ${MAX_KEY} characters`);
}

function checkValue(value: string): void {
  if (Buffer.byteLength(value) > MAX_VALUE_BYTES) throw invalid(`Value must be at most ${MAX_VALUE_BYTES} bytes`);
}

export function registerVariables(ctx: ServerlessContext): void {
  const { emu, tables } = ctx;
  const base = (e: EnvironmentRecord): string => `${SERVERLESS_BASE}/Services/${e.service_sid}/Environments/${e.sid}/Variables`;

  const wire = (v: VariableRecord): Record<string, unknown> => ({
    sid: v.sid,
    account_sid: emu.accountSid,
    service_sid: v.service_sid,
    environment_sid: v.environment_sid,
    key: v.key,
    value: v.value,
    ...dates(v),
    url: `${SERVERLESS_BASE}/Services/${v.service_sid}/Environments/${v.environment_sid}/Variables/${v.sid}`,
  });

  const environmentOf = (params: Record<string, string>): EnvironmentRecord =>
    ctx.environment(ctx.service(params.ServiceSid), params.EnvironmentSid);

  const variableOf = (params: Record<string, string>): VariableRecord => {
    const e = environmentOf(params);
    const v = tables.variables.get(params.Sid);
    if (!v || v.environment_sid !== e.sid)
      throw notFound(`/v1/Services/${e.service_sid}/Environments/${e.sid}/Variables/${params.Sid}`);
    return v;
  };

  emu.router.add('GET', PATH, (req) => {
    const e = environmentOf(req.params);
    return listPage(req, tables.variables, { environment: e.sid }, 'variables', base(e), wire);
  });

  emu.router.add('POST', PATH, (req) => {
    const e = environmentOf(req.params);
    const key = first(req.form, 'Key') ?? '';
    const value = first(req.form, 'Value');
    checkKey(key);
    if (value === undefined) throw invalid('Value is required');
    checkValue(value);
    if (variableKeyTaken(tables, e.sid, key)) throw invalid(`Variable with Key ${key} already exists`);
    const now = Date.now();
    const v: VariableRecord = {
      sid: newSid('ZV'),
      service_sid: e.service_sid,
      environment_sid: e.sid,
      key,
      value,
      created: now,
      updated: now,
      seq: ctx.nextSeq(),
    };
    tables.variables.save(v);
    return json(201, wire(v));
  });

  emu.router.add('GET', `${PATH}/{Sid}`, (req) => json(200, wire(variableOf(req.params))));

  emu.router.add('POST', `${PATH}/{Sid}`, (req) => {
    const v = variableOf(req.params);
    const key = first(req.form, 'Key');
    const value = first(req.form, 'Value');
    if (key !== undefined) {
      checkKey(key);
      if (key !== v.key && variableKeyTaken(tables, v.environment_sid, key))
        throw invalid(`Variable with Key ${key} already exists`);
    }
    if (value !== undefined) checkValue(value);
    if (key !== undefined) v.key = key;
    if (value !== undefined) v.value = value;
    v.updated = Date.now();
    tables.variables.save(v);
    return json(200, wire(v));
  });

  emu.router.add('DELETE', `${PATH}/{Sid}`, (req) => {
    tables.variables.delete(variableOf(req.params).sid);
    return { status: 204 };
  });
}
