/**
 * The few DOM helpers every view shares: elements from plain data (text is always set as text, never as
 * HTML, so nothing a caller or an API returns can inject markup), tables, status lines, busy buttons.
 */
import { wordsOf } from './api';

type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | EventListener | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(key.replace(/^on/, ''), value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A section with a heading; `level` keeps the outline right inside a view. */
export function section(title: string, level: 2 | 3 = 2, ...children: Child[]): HTMLElement {
  return el('section', { class: 'card' }, el(level === 2 ? 'h2' : 'h3', {}, title), ...children);
}

/** A table with a caption, header cells with scope, and a line saying so when there are no rows. */
export function table(caption: string, headers: string[], rows: Child[][], empty = 'Nothing yet.'): HTMLElement {
  if (rows.length === 0) return el('p', { class: 'empty' }, `${caption}: ${empty}`);
  return el(
    'div',
    { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: 0 },
    el(
      'table',
      {},
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
      // Each cell names its column, so a phone can show a row as a card of labelled lines (app.css).
      el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c, i) => el('td', { 'data-label': headers[i] ?? '' }, c))))),
    ),
  );
}

/** A live line for what is going on and what went wrong, read out by screen readers. */
export class StatusLine {
  readonly node = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  /** Counts what the line has said, so a finished operation clears only its own progress text. */
  said = 0;

  info(message: string): void {
    this.said++;
    this.node.className = 'status';
    this.node.textContent = message;
  }

  error(err: unknown): void {
    this.said++;
    this.node.className = 'status error';
    this.node.textContent = typeof err === 'string' ? err : wordsOf(err);
  }

  clear(): void {
    this.info('');
  }
}

/**
 * Runs a long operation behind a button: disabled with a progress text while it runs (so it cannot be sent
 * twice), errors shown in words on the status line. Resolves to the operation's result, or undefined when it failed.
 */
export async function busy<T>(
  button: HTMLButtonElement,
  status: StatusLine,
  doing: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  status.info(doing);
  const mine = status.said;
  const bar = el('progress', { 'aria-label': doing });
  status.node.append(' ', bar);
  try {
    const result = await work();
    // What the work itself said (an outcome) stays; only the progress text goes.
    if (status.said === mine) status.clear();
    return result;
  } catch (err) {
    status.error(err);
    return undefined;
  } finally {
    bar.remove();
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = label;
  }
}

export function button(label: string, onClick: (b: HTMLButtonElement) => void, props: Props = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...props }, label);
  b.addEventListener('click', () => onClick(b));
  return b;
}

/** A button for something that cannot be undone: the first press asks, the second does it. */
export function confirmButton(label: string, confirmLabel: string, onConfirm: (b: HTMLButtonElement) => void): HTMLElement {
  const wrap = el('span', { class: 'confirm' });
  const ask = (): void => {
    const yes = button(confirmLabel, (b) => onConfirm(b), { class: 'danger' });
    const no = button('Cancel', () => {
      replace(wrap, first);
      first.focus();
    });
    replace(wrap, yes, no);
    yes.focus();
  };
  const first = button(label, ask);
  wrap.append(first);
  return wrap;
}

/** A labelled form control. */
export function field(
  label: string,
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  hint?: string,
): HTMLElement {
  control.id ||= `f-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Math.random().toString(36).slice(2, 7)}`;
  const hintNode = hint ? el('small', { id: `${control.id}-hint` }, hint) : null;
  if (hintNode) control.setAttribute('aria-describedby', hintNode.id);
  return el('div', { class: 'field' }, el('label', { for: control.id }, label), control, hintNode);
}

/** A select whose value is one of its options' values: the only ones it offers, so typed as those. */
export type Choice<V extends string> = HTMLSelectElement & { value: V };

export function select<V extends string>(name: string, options: [value: V, label: string][], selected?: V): Choice<V> {
  return el('select', { name }, ...options.map(([v, l]) => el('option', { value: v, selected: v === selected }, l))) as Choice<V>;
}

export const money = (amount: number | null | undefined, unit = 'USD'): string =>
  amount === null || amount === undefined
    ? '–'
    : new Intl.NumberFormat('en-US', { style: 'currency', currency: unit, maximumFractionDigits: 4 }).format(amount);

export const when = (iso: string | null | undefined): string => {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
};

/** Category names as people say them (`calls-outbound` -> "Calls outbound", `sms-inbound` -> "SMS inbound"). */
export const label = (category: string): string => {
  const words = category.replace(/[-_]/g, ' ').replace(/\bsms\b/gi, 'SMS');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** "1 minute", "3 minutes". */
export const count = (n: number, unit: string): string => `${n} ${n === 1 ? unit : `${unit}s`}`;
