/**
 * The console's entry: sign-in, then the views the person may use, one at a time, addressed by the page's
 * hash (`#usage`) so links, reloads and the back button work. Agents see their own numbers, softphone, calls
 * and usage; admins (and supervisors, who may view) see the platform's views as well.
 */
import './app.css';
import { dev } from './api';
import { button, el, replace } from './dom';
import { forget, restore, Session, signInView, whenRefused } from './session';
import type { View } from './view';
import { numbersView } from './agent/numbers';
import { softphoneView } from './agent/softphone';
import { historyView } from './agent/history';
import { usageView } from './agent/usage';
import { platformView } from './admin/platform';
import { usersView } from './admin/users';
import { healthView } from './admin/health';
import { routerView } from './admin/router';

const VIEWS: View[] = [numbersView, softphoneView, historyView, usageView, platformView, usersView, healthView, routerView];

function mainArea(): HTMLElement {
  const main = document.getElementById('main');
  if (!main) throw new Error('the console page has no main area');
  return main;
}

function showSignIn(emulator: boolean, notice?: string): void {
  const sessionArea = document.getElementById('session');
  if (sessionArea) replace(sessionArea);
  replace(mainArea(), signInView(emulator, showApp, notice));
  document.title = 'Sign in · Contact centre console';
}

function showApp(session: Session): void {
  const views = VIEWS.filter((v) => v.audience === 'agent' || session.admin);
  const content = el('div', { id: 'view', class: 'view' });
  const links = views.map((v) => el('a', { href: `#${v.id}`, 'data-view': v.id }, v.title));
  const nav = el(
    'nav',
    { 'aria-label': 'Console sections' },
    el('ul', {}, ...links.map((a, i) => el('li', { class: views[i].audience }, a))),
  );
  replace(mainArea(), nav, content);
  const sessionArea = document.getElementById('session');
  if (sessionArea)
    replace(
      sessionArea,
      el('span', {}, `Signed in as ${session.name}${session.admin ? ' · admin views' : ''}`),
      button('Sign out', () => {
        forget();
        leave();
      }),
    );
  whenRefused(session, () => leave('Your sign-in has expired or was withdrawn. Sign in again to go on.'));

  function leave(notice?: string): void {
    window.removeEventListener('hashchange', onHash);
    current?.abort();
    location.hash = '';
    showSignIn(session.emulator, notice);
  }

  let current: AbortController | undefined;
  function route(): void {
    const view = views.find((v) => `#${v.id}` === location.hash) ?? views[0];
    current?.abort();
    current = new AbortController();
    for (const a of links) {
      if (a.dataset.view === view.id) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    document.title = `${view.title} · Contact centre console`;
    replace(
      content,
      el('h2', { class: 'view-title', tabindex: -1 }, view.title),
      view.render({ session, signal: current.signal }),
    );
  }
  function onHash(): void {
    route();
    // Moving focus to the new view's heading tells keyboard and screen reader users where they are.
    content.querySelector<HTMLElement>('.view-title')?.focus();
  }
  window.addEventListener('hashchange', onHash);
  route();
}

async function start(): Promise<void> {
  const emulator = await dev.available();
  const session = await restore(emulator);
  if (session) showApp(session);
  else showSignIn(emulator);
}

void start();
