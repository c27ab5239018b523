/**
 * Admins: the SMS router's health and statistics, its phone mappings, its configuration (each value editable
 * in place; the service checks the value and says what is wrong) and its audit log of admin changes.
 */
import { busy, button, el, field, replace, section, StatusLine, table, when } from '../dom';
import { answer, Answer, Api } from '../api';
import type { View, ViewContext } from '../view';

type RouterStatus = Answer<'/api/v1/sms-router/admin/status'>;
type RouterStats = Answer<'/api/v1/sms-router/webhook/stats'>;
type ConfigEntry = Answer<'/api/v1/sms-router/admin/config'>['configs'][number];

/** Loads a part of the view into its own box: one part failing (say, a missing permission) leaves the rest. */
function part(title: string, load: () => Promise<Node>, outcome?: StatusLine): { node: HTMLElement; reload: () => void } {
  const status = new StatusLine();
  const body = el('div');
  const reload = (): void => {
    status.info(`Loading ${title.toLowerCase()}…`);
    load().then(
      (n) => {
        replace(body, n);
        status.clear();
      },
      (err: unknown) => status.error(err),
    );
  };
  return { node: section(title, 3, status.node, outcome?.node, body), reload };
}

function overview(s: RouterStatus, stats: RouterStats): HTMLElement {
  return el(
    'div',
    {},
    el('p', { class: `overall ${s.status.status}` }, `The router is ${s.status.status}.`),
    table(
      'Router components',
      ['Component', 'State'],
      Object.entries(s.status.components).map(([k, v]) => [k.replace(/_/g, ' '), v]),
    ),
    table(
      'Router statistics',
      ['Figure', 'Value'],
      [
        ['Messages routed in all', stats.total_messages],
        ['Routed successfully', stats.successful_routes],
        ['Failed', stats.failed_routes],
        ['Average processing time', `${stats.average_processing_time_ms} ms`],
        ['Messages in the last 24 hours', stats.last_24_hours.messages],
        ['Success rate, last 24 hours', `${stats.last_24_hours.success_rate}%`],
        [
          'Replies sent / delivered / failed',
          `${stats.deliveries.attempts} / ${stats.deliveries.delivered} / ${stats.deliveries.failed}`,
        ],
      ],
    ),
    table(
      'Busiest users',
      ['User', 'Phone', 'Messages'],
      stats.top_users.map((u) => [String(u.user_id), u.phone_number, u.message_count]),
      'no messages routed yet.',
    ),
  );
}

function configTable(api: Api, configs: ConfigEntry[], status: StatusLine, onChange: () => void): HTMLElement {
  const editor = (c: ConfigEntry): HTMLElement => {
    const cell = el('div', { class: 'config-value' });
    const view = (): void =>
      replace(
        cell,
        el('code', {}, c.value),
        button('Edit', () => edit(), { 'aria-label': `Edit ${c.key}` }),
      );
    const edit = (): void => {
      const input = el('input', { name: c.key, value: c.value, maxlength: 1000, required: true });
      const save = el('button', { type: 'submit' }, 'Save');
      const form = el(
        'form',
        { class: 'inline-form', 'aria-label': `New value of ${c.key}` },
        field(`Value of ${c.key}`, input),
        save,
        button('Cancel', view),
      );
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        void busy(save, status, `Saving ${c.key}…`, () =>
          answer(
            api.POST('/api/v1/sms-router/admin/config/update', {
              body: { config_key: c.key, config_value: input.value },
            }),
          ),
        ).then((done) => {
          if (!done) return input.focus();
          status.info(`${c.key} is now ${input.value}.`);
          onChange();
        });
      });
      replace(cell, form);
      input.focus();
    };
    view();
    return cell;
  };
  return table(
    'Router configuration',
    ['Key', 'Value', 'What it does', 'Changed'],
    configs.map((c) => [
      el('span', { class: 'mono' }, c.key),
      editor(c),
      c.description,
      c.updated_at ? when(c.updated_at) : 'default',
    ]),
  );
}

function render({ session }: ViewContext): HTMLElement {
  const api = session.api;
  const status = part('Status and statistics', async () => {
    const [s, stats] = await Promise.all([
      answer(api.GET('/api/v1/sms-router/admin/status')),
      answer(api.GET('/api/v1/sms-router/webhook/stats')),
    ]);
    return overview(s, stats);
  });
  const mappings = part('Phone mappings', async () => {
    const { mappings: list } = await answer(api.GET('/api/v1/sms-router/admin/phone-mappings'));
    return table(
      'Phone mappings',
      ['User', 'Phone', 'Primary', 'Verified', 'Created'],
      list.map((m) => [
        String(m.user_id),
        el('span', { class: 'mono' }, m.phone_number),
        m.is_primary ? 'yes' : 'no',
        m.is_verified ? `yes (${m.verification_method})` : 'no',
        when(m.created_at),
      ]),
      'no phone is mapped to a user yet.',
    );
  });
  const audit = part('Audit log', async () => {
    const { entries } = await answer(api.GET('/api/v1/sms-router/admin/audit', { params: { query: { limit: 50 } } }));
    return table(
      'Audit log (newest first)',
      ['When', 'Who', 'Action', 'Target'],
      entries.map((e) => [
        when(e.at),
        `${e.actor.principal} (${e.actor.via})`,
        e.action,
        el('span', { class: 'mono' }, e.target),
      ]),
      'no admin changes yet.',
    );
  });
  // Outlives a reload of the table, so the outcome of a save stays in view.
  const saved = new StatusLine();
  const config = part(
    'Configuration',
    async () => {
      const { configs } = await answer(api.GET('/api/v1/sms-router/admin/config'));
      return configTable(api, configs, saved, () => {
        config.reload();
        audit.reload();
      });
    },
    saved,
  );
  for (const p of [status, config, mappings, audit]) p.reload();
  return el('div', {}, status.node, config.node, mappings.node, audit.node);
}

export const routerView: View = { id: 'router', title: 'SMS router', audience: 'admin', render };
