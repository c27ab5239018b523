/**
 * The SMS router's admin functions over HTTP: configuration, phone mappings, usage log, status, health,
 * statistics and the audit log; each with its permission, its errors and bad input per field.
 */
import jwt from 'jsonwebtoken';
import { usePlatform } from '../../support/platform';
import { admin, ROUTER, RouterError, routerCaller, routedNumber, textFrom } from '../../support/sms-router';

const s = usePlatform();

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const supervisor = () => routerCaller(s(), 'router-supervisor', { roles: ['supervisor'] });
const agent = () => routerCaller(s(), 'router-agent', { roles: ['agent'] });

interface Mapping {
  id: number;
  user_id: number;
  phone_number: string;
  is_primary: boolean;
  is_verified: boolean;
  verification_method: string;
  created_at: string;
}
interface AuditEntry {
  actor: { user_id: number; via: string; principal: string };
  action: string;
  target: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
}

const detailOf = (r: { body: unknown }): string => (r.body as RouterError).detail;

function expectError(r: { status: number; body: unknown }, status: number, code: string): void {
  expect([r.status, r.body]).toEqual([
    status,
    { detail: expect.any(String), error_code: code, status: 'error', timestamp: expect.stringMatching(ISO) },
  ]);
}

describe('who may call which admin function', () => {
  const reads: [string, string][] = [
    ['/webhook/stats', 'system:view_sms_status'],
    ['/admin/status', 'system:view_sms_status'],
    ['/admin/audit', 'system:view_sms_status'],
    ['/admin/usage', 'system:view_sms_usage'],
    ['/admin/phone-mappings', 'system:view_phone_mappings'],
    ['/admin/config', 'system:view_sms_config'],
  ];
  const writes: [string, string, Record<string, unknown>][] = [
    ['/admin/phone-mappings/create', 'system:manage_phone_mappings', { user_id: 1, phone_number: '+14155554999' }],
    ['/admin/phone-mappings/delete', 'system:manage_phone_mappings', { mapping_id: 999 }],
    ['/admin/config/update', 'system:manage_sms_config', { config_key: 'retry_attempts', config_value: '3' }],
  ];

  it.each(reads)(
    'GET %s: 401 without credentials, 403 without %s, 200 with just that permission or as a supervisor',
    async (path, permission) => {
      expectError(await s().get(`${ROUTER}${path}`), 401, 'UNAUTHORIZED');
      const refused = await agent().get(path);
      expectError(refused, 403, 'FORBIDDEN');
      expect(detailOf(refused)).toBe(`Permission required: ${permission}`);
      expect((await routerCaller(s(), 'holder', { permissions: [permission] }).get(path)).status).toBe(200);
      expect((await supervisor().get(path)).status).toBe(200);
      const flex = await s().get(`${ROUTER}${path}`, { token: await s().flexToken('flex-supervisor', ['supervisor']) });
      expect(flex.status).toBe(200);
    },
  );

  it.each(writes)(
    'POST %s: 401 without credentials, 403 for a supervisor or an agent (needs %s)',
    async (path, permission, body) => {
      expectError(await s().post(`${ROUTER}${path}`, { json: body }), 401, 'UNAUTHORIZED');
      for (const caller of [
        supervisor(),
        agent(),
        routerCaller(s(), 'viewer', { permissions: ['system:view_phone_mappings', 'system:view_sms_config'] }),
      ]) {
        const r = await caller.post(path, body);
        expectError(r, 403, 'FORBIDDEN');
        expect(detailOf(r)).toBe(`Permission required: ${permission}`);
      }
    },
  );
});

describe('configuration', () => {
  it('lists every key with its default and description, and stores a valid value', async () => {
    const before = await admin(s()).get<{
      configs: { key: string; value: string; description: string; is_active: boolean; updated_at: string | null }[];
    }>('/admin/config');
    expect(before.body.configs.find((c) => c.key === 'max_message_length')).toEqual({
      key: 'max_message_length',
      value: '1600',
      description: 'Maximum SMS message length',
      is_active: true,
      updated_at: null,
    });
    expect(before.body.configs.map((c) => c.key)).toEqual(
      expect.arrayContaining([
        'retry_attempts',
        'processing_timeout_ms',
        'rate_limit_per_sender_per_minute',
        'rate_limit_per_user_per_minute',
        'agent',
        'help_text',
      ]),
    );
    const set = await admin(s()).post('/admin/config/update', {
      config_key: 'retry_attempts',
      config_value: '4',
      description: 'Retries of a failed reply',
    });
    expect([set.status, set.body]).toEqual([200, { message: 'Configuration updated successfully', key: 'retry_attempts' }]);
    const after = await admin(s()).get<{ configs: { key: string; value: string; description: string; updated_at: string }[] }>(
      '/admin/config',
    );
    expect(after.body.configs.find((c) => c.key === 'retry_attempts')).toMatchObject({
      value: '4',
      description: 'Retries of a failed reply',
      updated_at: expect.stringMatching(ISO),
    });
    const audit = await admin(s()).get<{ entries: AuditEntry[] }>('/admin/audit', { limit: '1' });
    expect(audit.body.entries[0]).toMatchObject({
      action: 'config.update',
      target: 'config:retry_attempts',
      actor: { via: 'bearer', principal: 'router-admin', user_id: expect.any(Number) },
      before: { value: '3', updated_at: null },
      after: { value: '4' },
      at: expect.stringMatching(ISO),
    });
  });

  it.each([
    ['max_message_length_x', '10', 'config_key'],
    ['max_message_length', '0', 'config_value'],
    ['max_message_length', '1601', 'config_value'],
    ['retry_attempts', 'three', 'config_value'],
    ['retry_attempts', '1.5', 'config_value'],
    ['processing_timeout_ms', '30000', 'config_value'],
    ['agent', 'gpt', 'config_value'],
  ])('refuses %s = %s with CONFIGURATION_ERROR and changes nothing', async (config_key, config_value) => {
    const r = await admin(s()).post('/admin/config/update', { config_key, config_value });
    expectError(r, 400, 'CONFIGURATION_ERROR');
    expect(detailOf(r)).toContain(config_key.replace(/_x$/, ''));
  });

  it('refuses missing or oversized fields and a request without a body', async () => {
    expectError(await admin(s()).post('/admin/config/update', { config_value: '3' }), 400, 'VALIDATION_ERROR');
    expectError(await admin(s()).post('/admin/config/update', { config_key: 'retry_attempts' }), 400, 'VALIDATION_ERROR');
    expectError(
      await admin(s()).post('/admin/config/update', { config_key: 'help_text', config_value: 'x', description: 'd'.repeat(501) }),
      400,
      'VALIDATION_ERROR',
    );
    expectError(
      await admin(s()).post('/admin/config/update', { config_key: 'help_text', config_value: 'h'.repeat(321) }),
      400,
      'CONFIGURATION_ERROR',
    );
    const noBody = await s().get(`${ROUTER}/admin/config/update`, {
      query: { config_key: 'retry_attempts', config_value: '2' },
      headers: {
        Authorization: `Bearer ${jwt.sign({ sub: 'a', roles: ['admin'] }, s().env.JWT_SECRET)}`,
      },
    });
    expectError(noBody, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('phone mappings', () => {
  it('creates, lists (all or one user’s), keeps one primary per user and one user per number, deletes, and audits each', async () => {
    const create = (body: Record<string, unknown>) =>
      admin(s()).post<{ message: string; user_id: number; phone_number: string; mapping_id: number }>(
        '/admin/phone-mappings/create',
        body,
      );
    const first = await create({ user_id: 41, phone_number: '+14155554001', is_primary: true, verification_method: 'sms' });
    expect([first.status, first.body]).toEqual([
      200,
      {
        message: 'Phone mapping created successfully',
        user_id: 41,
        phone_number: '+14155554001',
        mapping_id: expect.any(Number),
      },
    ]);
    const second = await create({ user_id: 41, phone_number: '+14155554002', is_primary: 'true' });
    const other = await create({ user_id: 42, phone_number: '+14155554003' });
    expect(other.status).toBe(200);
    const taken = await create({ user_id: 42, phone_number: '+14155554001' });
    expectError(taken, 400, 'VALIDATION_ERROR');
    expect(detailOf(taken)).toBe('Failed to create phone mapping: +14155554001 is already mapped to a user');
    const mine = await admin(s()).get<{ mappings: Mapping[] }>('/admin/phone-mappings', { user_id: '41' });
    expect(mine.body.mappings).toEqual([
      {
        id: first.body.mapping_id,
        user_id: 41,
        phone_number: '+14155554001',
        is_primary: false,
        is_verified: false,
        verification_method: 'sms',
        created_at: expect.stringMatching(ISO),
        verified_at: null,
      },
      {
        id: second.body.mapping_id,
        user_id: 41,
        phone_number: '+14155554002',
        is_primary: true,
        is_verified: false,
        verification_method: 'manual',
        created_at: expect.stringMatching(ISO),
        verified_at: null,
      },
    ]);
    const all = await admin(s()).get<{ mappings: Mapping[] }>('/admin/phone-mappings');
    expect(all.body.mappings.map((m) => m.id)).toEqual(
      expect.arrayContaining([first.body.mapping_id, second.body.mapping_id, other.body.mapping_id]),
    );
    const deleted = await admin(s()).post('/admin/phone-mappings/delete', { mapping_id: first.body.mapping_id });
    expect([deleted.status, deleted.body]).toEqual([
      200,
      { message: 'Phone mapping deleted successfully', mapping_id: first.body.mapping_id },
    ]);
    expectError(
      await admin(s()).post('/admin/phone-mappings/delete', { mapping_id: first.body.mapping_id }),
      404,
      'PHONE_NUMBER_NOT_FOUND',
    );
    expect(
      (await admin(s()).get<{ mappings: Mapping[] }>('/admin/phone-mappings', { user_id: '41' })).body.mappings.map((m) => m.id),
    ).toEqual([second.body.mapping_id]);
    const again = await create({ user_id: 42, phone_number: '+14155554001' });
    expect(again.status).toBe(200);
    const audit = await admin(s()).get<{ entries: AuditEntry[] }>('/admin/audit', { limit: '10' });
    expect(audit.body.entries.slice(0, 6).map((e) => [e.action, e.target])).toEqual([
      ['phone_mapping.create', `phone_mapping:${again.body.mapping_id}`],
      ['phone_mapping.delete', `phone_mapping:${first.body.mapping_id}`],
      ['phone_mapping.create', `phone_mapping:${other.body.mapping_id}`],
      ['phone_mapping.demote_primary', `phone_mapping:${first.body.mapping_id}`],
      ['phone_mapping.create', `phone_mapping:${second.body.mapping_id}`],
      ['phone_mapping.create', `phone_mapping:${first.body.mapping_id}`],
    ]);
    expect(audit.body.entries[1]).toMatchObject({ before: { phone_number: '+14155554001', user_id: 41 }, after: null });
    expect(audit.body.entries[3]).toMatchObject({ before: { is_primary: true }, after: { is_primary: false } });
  });

  it.each([
    [{ phone_number: '+14155554010' }, 'user_id'],
    [{ user_id: 0, phone_number: '+14155554010' }, 'user_id'],
    [{ user_id: 'one', phone_number: '+14155554010' }, 'user_id'],
    [{ user_id: 1 }, 'phone_number'],
    [{ user_id: 1, phone_number: 'call me' }, 'phone_number'],
    [{ user_id: 1, phone_number: '+14155554010', is_primary: 'maybe' }, 'is_primary'],
    [{ user_id: 1, phone_number: '+14155554010', verification_method: 'email' }, 'verification_method'],
  ])('refuses a mapping %j (bad %s)', async (body, field) => {
    const r = await admin(s()).post('/admin/phone-mappings/create', body);
    expectError(r, 400, 'VALIDATION_ERROR');
    expect(detailOf(r)).toContain(field);
  });

  it('refuses bad mapping ids and user ids', async () => {
    expectError(await admin(s()).post('/admin/phone-mappings/delete', {}), 400, 'VALIDATION_ERROR');
    expectError(await admin(s()).post('/admin/phone-mappings/delete', { mapping_id: 'abc' }), 400, 'VALIDATION_ERROR');
    expectError(await admin(s()).get('/admin/phone-mappings', { user_id: '-3' }), 400, 'VALIDATION_ERROR');
  });
});

describe('usage, status, health', () => {
  it('pages the usage log newest first with limit and offset, and refuses limits out of range', async () => {
    const { number } = await routedNumber(s(), 'usage-user');
    await textFrom(s(), '+14155554101', number, 'HELP');
    await textFrom(s(), '+14155554102', number, 'HELP');
    await textFrom(s(), '+14155554103', number, 'HELP');
    const page = await admin(s()).get<{
      total: number;
      limit: number;
      offset: number;
      logs: { phone_number: string; id: number; created_at: string; length: number }[];
    }>('/admin/usage', { limit: '2', offset: '0' });
    expect(page.body).toMatchObject({ limit: 2, offset: 0 });
    expect(page.body.total).toBeGreaterThanOrEqual(3);
    expect(page.body.logs.map((l) => l.phone_number)).toEqual(['+14155554103', '+14155554102']);
    expect(page.body.logs[0]).toMatchObject({ id: expect.any(Number), length: 4, created_at: expect.any(String) });
    const next = await admin(s()).get<{ logs: { phone_number: string }[] }>('/admin/usage', { limit: '2', offset: '2' });
    expect(next.body.logs[0].phone_number).toBe('+14155554101');
    const defaults = await admin(s()).get<{ limit: number; offset: number }>('/admin/usage');
    expect([defaults.body.limit, defaults.body.offset]).toEqual([100, 0]);
    for (const query of [{ limit: '0' }, { limit: '1001' }, { limit: 'ten' }, { offset: '-1' }] as Record<string, string>[]) {
      expectError(await admin(s()).get('/admin/usage', query), 400, 'VALIDATION_ERROR');
    }
  });

  it('answers health to anyone and status to those who may see it', async () => {
    const health = await s().get(`${ROUTER}/webhook/health`);
    expect([health.status, health.body]).toEqual([
      200,
      {
        status: 'healthy',
        service: 'SMS Router Webhook',
        timestamp: expect.stringMatching(ISO),
        components: { routing_engine: 'healthy', database: 'healthy', twilio: 'healthy' },
      },
    ]);
    const status = await admin(s()).get<Record<string, unknown>>('/admin/status');
    expect(status.body).toEqual({
      service: 'SMS Router Service',
      status: expect.objectContaining({ status: 'healthy', service: 'SMS Router Webhook' }),
      statistics: {
        total_messages: expect.any(Number),
        successful_routes: expect.any(Number),
        failed_routes: expect.any(Number),
        average_processing_time_ms: expect.any(Number),
      },
      endpoints: { webhook: '/sms-router/webhook/sms', health: '/sms-router/webhook/health', stats: '/sms-router/webhook/stats' },
    });
  });

  it('reports Twilio unhealthy when its API fails, without failing the health check', async () => {
    await s().t.control('POST', '/_emulator/faults', {
      match: '/^GET \\/api\\/2010-04-01\\/Accounts\\/AC[0-9a-f]+\\.json/',
      status: 500,
      count: 10,
    });
    const health = await s().get<{ status: string; components: Record<string, string> }>(`${ROUTER}/webhook/health`);
    await s().t.control('DELETE', '/_emulator/faults');
    expect([health.status, health.body.status, health.body.components.twilio, health.body.components.database]).toEqual([
      200,
      'degraded',
      'unhealthy',
      'healthy',
    ]);
  });

  it('refuses audit limits out of range', async () => {
    expectError(await admin(s()).get('/admin/audit', { limit: '0' }), 400, 'VALIDATION_ERROR');
    expectError(await admin(s()).get('/admin/audit', { limit: '501' }), 400, 'VALIDATION_ERROR');
  });
});

describe('phone verification without Verify, and its bad input', () => {
  it('answers CONFIGURATION_ERROR naming TWILIO_VERIFY_SERVICE_SID, 401 without credentials, 400 per field', async () => {
    const created = await admin(s()).post<{ mapping_id: number }>('/admin/phone-mappings/create', {
      user_id: 77,
      phone_number: '+14155554501',
    });
    const mapping_id = created.body.mapping_id;
    for (const path of ['/phone-mappings/verify/start', '/phone-mappings/verify/check']) {
      expectError(await s().post(`${ROUTER}${path}`, { json: { mapping_id, code: '123456' } }), 401, 'UNAUTHORIZED');
      expectError(await admin(s()).post(path, {}), 400, 'VALIDATION_ERROR');
      expectError(await admin(s()).post(path, { mapping_id: 'x', code: '123456' }), 400, 'VALIDATION_ERROR');
      const unset = await admin(s()).post(path, { mapping_id, code: '123456' });
      expectError(unset, 500, 'CONFIGURATION_ERROR');
      expect(detailOf(unset)).toContain('TWILIO_VERIFY_SERVICE_SID');
    }
    for (const code of ['12', 'abcdef', '12345678901']) {
      const r = await admin(s()).post('/phone-mappings/verify/check', { mapping_id, code });
      expectError(r, 400, 'VALIDATION_ERROR');
      expect(detailOf(r)).toContain('code');
    }
  });
});
