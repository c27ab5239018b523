/**
 * The agent's spending: this month by category against their monthly limit, and their monthly bills (a year
 * by default, up to two), each as a chart with its figures in a table.
 */
import type { components } from '../../../client/src';
import { answer } from '../api';
import { chartFigure } from '../charts';
import { busy, button, count, el, label, money, replace, section, select, StatusLine, table } from '../dom';
import type { View, ViewContext } from '../view';

type CategoryLine = components['schemas']['BillingCategoryLine'];
type Usage = components['schemas']['MonthUsage'];
type Bill = components['schemas']['MonthlyBill'];

const quantity = (l: CategoryLine): string =>
  'minutes' in l ? count(l.minutes, 'minute') : 'segments' in l ? count(l.segments, 'segment') : count(l.months, 'month');

const ALERTS: Record<Usage['limit']['alert'], string> = {
  ok: 'Within your limit.',
  alert: 'Over 80% of your limit: calls and messages stop when it is reached.',
  limit_reached: 'Limit reached: new calls and messages are refused until the month turns or an admin raises it.',
};

function usagePanel(usage: Usage): HTMLElement {
  const { limit, priceUnit } = usage;
  const meter = el('meter', {
    id: 'limit-meter',
    min: 0,
    max: limit.monthlyLimit,
    low: limit.monthlyLimit * 0.8,
    high: limit.monthlyLimit * 0.99,
    optimum: 0,
    value: Math.min(limit.spent, limit.monthlyLimit),
  });
  return el(
    'div',
    { class: 'usage' },
    el(
      'div',
      { class: `limit ${limit.alert}` },
      el(
        'label',
        { for: meter.id },
        `Spent in ${usage.month}: ${money(limit.spent, priceUnit)} of ${money(limit.monthlyLimit, priceUnit)} (${limit.percentUsed}%)`,
      ),
      meter,
      el(
        'p',
        {},
        `${ALERTS[limit.alert]} ${limit.source === 'user' ? 'An admin set this limit for you.' : 'This is the default limit.'}`,
      ),
    ),
    chartFigure({
      title: `Your spending in ${usage.month} by category`,
      kind: 'bar',
      labels: usage.categories.map((c) => label(c.category)),
      series: [{ label: 'Amount', values: usage.categories.map((c) => c.amount) }],
      format: (v) => money(v, priceUnit),
    }),
    table(
      `Usage in ${usage.month}`,
      ['Category', 'Count', 'Quantity', 'Amount'],
      [
        ...usage.categories.map((c) => [label(c.category), c.count, quantity(c), money(c.amount, priceUnit)]),
        [el('strong', {}, 'Total'), '', '', el('strong', {}, money(usage.total, priceUnit))],
      ],
    ),
  );
}

function billsPanel(bills: Bill[]): HTMLElement {
  const ordered = [...bills].reverse();
  const unit = bills[0]?.priceUnit ?? 'USD';
  const categories = [...new Set(bills.flatMap((b) => b.lineItems.map((l) => l.category)))];
  return el(
    'div',
    {},
    chartFigure({
      title: `Your bills, ${ordered[0]?.month ?? ''} to ${ordered[ordered.length - 1]?.month ?? ''}`,
      kind: 'stacked-bar',
      labels: ordered.map((b) => b.month),
      series: categories.map((c) => ({
        label: label(c),
        values: ordered.map((b) => b.lineItems.find((l) => l.category === c)?.amount ?? 0),
      })),
      format: (v) => money(v, unit),
    }),
    ...bills.map((b) =>
      el(
        'details',
        { class: 'bill' },
        el(
          'summary',
          {},
          `${b.month} (${b.status === 'open' ? 'open, still counting' : 'closed'}): ${money(b.total, b.priceUnit)}`,
        ),
        table(
          `Bill for ${b.month}`,
          ['Item', 'Count', 'Quantity', 'Amount'],
          [
            ...b.lineItems
              .filter((l) => l.count > 0)
              .map((l) => [label(l.category), l.count, quantity(l), money(l.amount, b.priceUnit)]),
            ...b.numberFees.map((f) => [`Number ${f.number}`, '', count(f.months, 'month'), money(f.amount, b.priceUnit)]),
          ],
          'nothing billed this month.',
        ),
      ),
    ),
  );
}

function render({ session }: ViewContext): HTMLElement {
  const api = session.api;
  const usageStatus = new StatusLine();
  const usage = el('div');
  const loadUsage = async (): Promise<void> => replace(usage, usagePanel((await answer(api.GET('/api/twilio/usage'))).usage));

  const billStatus = new StatusLine();
  const bills = el('div');
  const months = select(
    'months',
    [
      ['3', '3 months'],
      ['6', '6 months'],
      ['12', '12 months'],
      ['24', '24 months'],
    ],
    '12',
  );
  months.id = 'bill-months';
  const load = button('Load bills', (b) => {
    void busy(b, billStatus, `Loading ${months.value} months of bills…`, () =>
      answer(api.GET('/api/twilio/billing', { params: { query: { months: Number(months.value) } } })),
    ).then((r) => r && replace(bills, billsPanel(r.bills)));
  });
  const refresh = button('Refresh usage', (b) => void busy(b, usageStatus, 'Loading this month’s usage…', loadUsage));
  // Both load as the view opens, each with its button busy meanwhile.
  refresh.click();
  load.click();
  return el(
    'div',
    {},
    section('This month', 3, el('div', { class: 'toolbar' }, refresh), usageStatus.node, usage),
    section(
      'Monthly bills',
      3,
      el('div', { class: 'toolbar' }, el('label', { for: months.id }, 'Show'), months, load),
      billStatus.node,
      bills,
    ),
  );
}

export const usageView: View = { id: 'usage', title: 'Usage & bills', audience: 'agent', render };
