/**
 * The platform's usage for admins: spending by day (or month) and by category over a range, and the month's
 * revenue against what Twilio charged for the same events (the margin).
 */
import type { components } from '../../../client/src';
import { answer, Answer } from '../api';
import { chartFigure } from '../charts';
import { busy, el, field, label, money, replace, section, select, StatusLine, table } from '../dom';
import type { View, ViewContext } from '../view';

type UsageSeries = Answer<'/api/admin/usage'>;
type Revenue = Answer<'/api/admin/revenue'>['revenue'];
type RevenueLine = components['schemas']['RevenueLine'];

function usageCharts(u: UsageSeries): HTMLElement {
  const format = (v: number): string => money(v, u.priceUnit);
  const byCategory = u.categories.map((c) => u.series.reduce((sum, p) => sum + (p.categories[c]?.amount ?? 0), 0));
  return el(
    'div',
    { class: 'charts' },
    chartFigure({
      title: `Platform spending by ${u.granularity}, ${u.from} to ${u.to}`,
      kind: 'stacked-bar',
      labels: u.series.map((p) => p.period),
      series: u.categories.map((c) => ({ label: label(c), values: u.series.map((p) => p.categories[c]?.amount ?? 0) })),
      format,
    }),
    chartFigure({
      title: `Platform spending by category, ${u.from} to ${u.to}`,
      kind: 'doughnut',
      labels: u.categories.map(label),
      series: [{ label: 'Amount', values: byCategory }],
      format,
    }),
    el(
      'p',
      { class: 'total' },
      `In all: ${u.total.count} billed events, ${format(u.total.amount)} billed, ${format(u.total.twilioCost)} charged by Twilio.`,
    ),
  );
}

function revenuePanel(r: Revenue): HTMLElement {
  const format = (v: number): string => money(v, r.priceUnit);
  const lines = Object.entries(r.categories);
  const row = (name: Node | string, l: RevenueLine): (Node | string | number)[] => [
    name,
    l.count,
    format(l.billed),
    format(l.twilioCost),
    format(l.margin),
    l.unpriced ? `${l.unpriced} not priced yet` : '–',
  ];
  return el(
    'div',
    {},
    chartFigure({
      title: `Revenue and Twilio cost in ${r.month}`,
      kind: 'bar',
      labels: lines.map(([name]) => label(name)),
      series: [
        { label: 'Billed', values: lines.map(([, l]) => l.billed) },
        { label: 'Twilio cost', values: lines.map(([, l]) => l.twilioCost) },
      ],
      format,
    }),
    table(
      `Revenue in ${r.month}`,
      ['Category', 'Events', 'Billed', 'Twilio cost', 'Margin', 'Twilio price'],
      [...lines.map(([name, l]) => row(label(name), l)), row(el('strong', {}, 'Total'), r.total)],
    ),
  );
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

function render({ session }: ViewContext): HTMLElement {
  const api = session.api;
  const status = new StatusLine();
  const charts = el('div');
  const today = new Date();
  const from = el('input', {
    type: 'date',
    name: 'from',
    value: isoDay(new Date(today.getTime() - 29 * 86_400_000)),
    required: true,
  });
  const to = el('input', { type: 'date', name: 'to', value: isoDay(today), required: true });
  const granularity = select('granularity', [
    ['day', 'By day (up to 31 days)'],
    ['month', 'By month (up to 24 months)'],
  ]);
  const show = el('button', { type: 'submit' }, 'Show');
  const form = el(
    'form',
    { class: 'inline-form', 'aria-label': 'Usage range' },
    field('From', from),
    field('To', to),
    field('Points', granularity),
    show,
  );
  const loadUsage = (): void => {
    void busy(show, status, 'Loading platform usage…', () =>
      answer(
        api.GET('/api/admin/usage', {
          params: { query: { from: from.value, to: to.value, granularity: granularity.value } },
        }),
      ),
    ).then((u) => u && replace(charts, usageCharts(u)));
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    loadUsage();
  });

  const revenueStatus = new StatusLine();
  const revenue = el('div');
  const month = el('input', { type: 'month', name: 'month', value: isoDay(today).slice(0, 7), required: true });
  const showRevenue = el('button', { type: 'submit' }, 'Show');
  const revenueForm = el(
    'form',
    { class: 'inline-form', 'aria-label': 'Revenue month' },
    field('Month', month, 'YYYY-MM'),
    showRevenue,
  );
  const loadRevenue = (): void => {
    void busy(showRevenue, revenueStatus, 'Loading revenue…', () =>
      answer(api.GET('/api/admin/revenue', { params: { query: { month: month.value } } })),
    ).then((r) => r && replace(revenue, revenuePanel(r.revenue)));
  };
  revenueForm.addEventListener('submit', (e) => {
    e.preventDefault();
    loadRevenue();
  });
  loadUsage();
  loadRevenue();
  return el(
    'div',
    {},
    section('Usage', 3, form, status.node, charts),
    section('Revenue and margin', 3, revenueForm, revenueStatus.node, revenue),
  );
}

export const platformView: View = { id: 'platform', title: 'Platform usage', audience: 'admin', render };
