/** Admins: whether Twilio and Sync answer, webhook failures and repairs in the last hour, each webhook's last call. */
import { answer, Answer } from '../api';
import { busy, button, el, replace, section, StatusLine, table, when } from '../dom';
import type { View, ViewContext } from '../view';

type Health = Answer<'/api/admin/health'>['health'];
type Reach = Health['twilio'];

const reach = (name: string, r: Reach): (string | Node)[] => [
  name,
  el('span', { class: `badge ${r.reachable ? 'completed' : 'failed'}` }, r.reachable ? 'reachable' : 'unreachable'),
  `${r.latencyMs} ms`,
  r.error ?? 'none',
];

function panel(h: Health): HTMLElement {
  const failures = h.lastHour ? Object.entries(h.lastHour.webhookFailures.byCallback) : [];
  return el(
    'div',
    {},
    el('p', { class: `overall ${h.status}` }, `The service is ${h.status} (checked ${when(h.checkedAt)}).`),
    table(
      'Dependencies',
      ['Part', 'State', 'Answered in', 'Problem'],
      [reach('Twilio REST API', h.twilio), reach('Twilio Sync', h.sync)],
    ),
    h.lastHour
      ? el(
          'p',
          {},
          `Last hour: ${h.lastHour.webhookFailures.total} webhook failures; ${h.lastHour.reconciliations.runs} reconciliation runs repaired ${h.lastHour.reconciliations.repaired} records.`,
        )
      : el('p', {}, 'The last hour’s figures could not be read.'),
    table('Webhook failures in the last hour', ['Webhook', 'Failures'], failures, 'none.'),
    table(
      'Last callback per webhook',
      ['Webhook', 'Last called'],
      Object.entries(h.lastCallbacks ?? {}).map(([path, at]) => [el('span', { class: 'mono' }, path), when(at)]),
      'no callbacks yet.',
    ),
  );
}

function render({ session }: ViewContext): HTMLElement {
  const status = new StatusLine();
  const body = el('div');
  const check = button('Check now', (b) => {
    void busy(b, status, 'Checking Twilio and Sync…', () => answer(session.api.GET('/api/admin/health'))).then(
      (r) => r && replace(body, panel(r.health)),
    );
  });
  check.click();
  return section('Twilio, Sync and webhooks', 3, check, status.node, body);
}

export const healthView: View = { id: 'health', title: 'System health', audience: 'admin', render };
