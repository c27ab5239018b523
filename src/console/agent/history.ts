/**
 * The agent's call log and recordings, newest first, a page at a time. Recordings play in the page from
 * their media URL (Twilio's, or the emulator's stand-in).
 */
import type { components } from '../../../client/src';
import { answer } from '../api';
import { busy, button, confirmButton, el, money, replace, section, select, StatusLine, table, when } from '../dom';
import type { View, ViewContext } from '../view';

type Pagination = components['schemas']['PlatformPagination'];

const PAGE_SIZE = 10;

function player(url: string | null, what: string): Node | string {
  if (!url || !/^https?:\/\//.test(url)) return '–';
  return el('audio', { controls: true, preload: 'none', src: url, 'aria-label': `Recording of ${what}` });
}

const seconds = (s: number | null): string => (s === null ? '–' : `${s} s`);

/** A list a page at a time, with previous and next buttons and where the person is. */
function pager(
  caption: string,
  load: (page: number) => Promise<{ rows: (Node | string | number)[][]; pagination: Pagination }>,
  headers: string[],
  empty: string,
) {
  const status = new StatusLine();
  const body = el('div', {}, `Loading ${caption.toLowerCase()}…`);
  let page = 1;
  const prev = button('Previous page', () => void go(page - 1));
  const next = button('Next page', () => void go(page + 1));
  const where = el('span', { class: 'page-of' });
  async function go(to: number): Promise<void> {
    const loaded = await busy(to > page ? next : prev, status, `Loading ${caption.toLowerCase()}…`, () => load(to));
    if (!loaded) return;
    page = loaded.pagination.page;
    replace(body, table(caption, headers, loaded.rows, empty));
    where.textContent = loaded.pagination.totalItems
      ? `Page ${page} of ${loaded.pagination.totalPages} (${loaded.pagination.totalItems} in all)`
      : '';
    prev.disabled = page <= 1;
    next.disabled = page >= loaded.pagination.totalPages;
  }
  return {
    node: el('div', {}, status.node, body, el('div', { class: 'pager' }, prev, where, next)),
    reload: () => go(page),
    first: () => go(1),
  };
}

function render({ session }: ViewContext): HTMLElement {
  const api = session.api;
  const filter = select('status', [
    ['', 'Any status'],
    ['completed', 'Completed'],
    ['busy', 'Busy'],
    ['no-answer', 'No answer'],
    ['failed', 'Failed'],
    ['canceled', 'Canceled'],
  ]);
  filter.id = 'call-status-filter';
  const calls = pager(
    'Your calls',
    async (page) => {
      const r = await answer(
        api.GET('/api/twilio/call-logs', {
          params: { query: { page, limit: PAGE_SIZE, status: filter.value || undefined } },
        }),
      );
      return {
        pagination: r.pagination,
        rows: r.calls.map((c) => [
          when(c.startTime ?? c.createdAt),
          c.direction,
          el('span', { class: 'mono' }, c.from),
          el('span', { class: 'mono' }, c.to),
          el('span', { class: `badge ${c.status}` }, c.status),
          seconds(c.duration),
          c.price === null ? 'pending' : money(Math.abs(c.price), c.priceUnit ?? 'USD'),
          player(c.recordingUrl, `the call to ${c.to}`),
        ]),
      };
    },
    ['Started', 'Direction', 'From', 'To', 'Status', 'Duration', 'Price', 'Recording'],
    'no calls yet.',
  );
  filter.addEventListener('change', () => void calls.first());

  const recordingStatus = new StatusLine();
  const recordings = pager(
    'Your recordings',
    async (page) => {
      const r = await answer(api.GET('/api/twilio/recordings', { params: { query: { page, limit: PAGE_SIZE } } }));
      return {
        pagination: r.pagination,
        rows: r.recordings.map((rec) => [
          when(rec.createdAt),
          seconds(rec.duration),
          rec.status,
          player(rec.mediaUrl, `call ${rec.callSid}`),
          confirmButton('Delete', 'Delete this recording for good', (b) => {
            void busy(b, recordingStatus, 'Deleting the recording…', () =>
              answer(api.POST('/api/twilio/recordings/delete', { body: { recordingSid: rec.recordingSid } })),
            ).then(() => recordings.reload());
          }),
        ]),
      };
    },
    ['Made', 'Length', 'Status', 'Listen', ''],
    'no recordings yet. Tick “Record the call” in the softphone to make one.',
  );
  const refresh = button('Refresh', () => void Promise.all([calls.reload(), recordings.reload()]));
  void calls.first();
  void recordings.first();
  return el(
    'div',
    {},
    el('div', { class: 'toolbar' }, el('label', { for: filter.id }, 'Show calls'), filter, refresh),
    section('Call log', 3, calls.node),
    section('Recordings', 3, recordingStatus.node, recordings.node),
  );
}

export const historyView: View = { id: 'calls', title: 'Calls & recordings', audience: 'agent', render };
