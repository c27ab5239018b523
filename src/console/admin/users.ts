/** Admins: every user billed in a month, highest cost (or most calls or messages) first, a page at a time. */
import { answer } from '../api';
import { busy, button, el, field, label, money, replace, select, StatusLine, table } from '../dom';
import type { View, ViewContext } from '../view';

function render({ session }: ViewContext): HTMLElement {
  const status = new StatusLine();
  const list = el('div');
  const month = el('input', { type: 'month', name: 'month', value: new Date().toISOString().slice(0, 7), required: true });
  const sort = select('sort', [
    ['cost', 'Cost'],
    ['calls', 'Calls'],
    ['messages', 'Messages'],
  ]);
  const show = el('button', { type: 'submit' }, 'Show');
  const where = el('span', { class: 'page-of' });
  let page = 1;
  let pages = 1;
  const prev = button('Previous page', () => void load(page - 1));
  const next = button('Next page', () => void load(page + 1));
  async function load(to: number): Promise<void> {
    const r = await busy(show, status, 'Loading users…', () =>
      answer(
        session.api.GET('/api/admin/users', {
          params: { query: { month: month.value, sort: sort.value, page: to, limit: 20 } },
        }),
      ),
    );
    if (!r) return;
    ({ page, totalPages: pages } = r.pagination);
    replace(
      list,
      table(
        `Users by ${label(sort.value).toLowerCase()} in ${r.month}`,
        ['User', 'Calls', 'Messages', 'Recordings', 'Number fees', 'Cost', 'Twilio cost'],
        r.users.map((u) => [
          String(u.userId),
          `${u.calls.count} (${u.calls.minutes} min)`,
          `${u.messages.count} (${u.messages.segments} segments)`,
          `${u.recordings.count} (${u.recordings.minutes} min)`,
          money(u.phoneNumbers.fees, u.priceUnit),
          money(u.cost, u.priceUnit),
          money(u.twilioCost, u.priceUnit),
        ]),
        'nobody was billed this month.',
      ),
    );
    where.textContent = r.pagination.totalItems ? `Page ${page} of ${pages} (${r.pagination.totalItems} users)` : '';
    prev.disabled = page <= 1;
    next.disabled = page >= pages;
  }
  const form = el(
    'form',
    { class: 'inline-form', 'aria-label': 'Users to show' },
    field('Month', month, 'YYYY-MM'),
    field('Highest first by', sort),
    show,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void load(1);
  });
  void load(1);
  return el('div', { class: 'card' }, form, status.node, list, el('div', { class: 'pager' }, prev, where, next));
}

export const usersView: View = { id: 'users', title: 'Users by cost', audience: 'admin', render };
