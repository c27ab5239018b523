/**
 * The console (`/console`) in headless chromium against the service and the emulator, as a person uses it:
 * an agent signs in with the dev sign-in, buys a number, calls from the softphone panel and answers a call
 * there, finds both in their call log and the call in their usage chart, and releases the number; an admin
 * sees the platform's charts and changes a router setting; a pasted token signs in or is refused in words, and
 * one that expires while the console is open signs the person out, saying why; on a 375 px phone no view
 * scrolls sideways. Each test leaves screenshots in test-results/browser/.
 */
import jwt from 'jsonwebtoken';
import type { Locator, Page } from 'playwright-core';
import { screenshot, useBrowser } from '../support/browser';
import { buyFirstNumber } from '../support/console-steps';
import { bearer, usePlatform } from '../support/platform';

// A call rings a client for 5 emulated steps a second (INPUT_STEPS_PER_SECOND): 50 ms steps give the 20 s
// ring of an inbound call 5 s of wall time, long enough for the softphone's polling to show it and a click.
const s = usePlatform({ emulator: { stepMs: 50 } });
const browser = useBrowser();

const DESKTOP = { width: 1280, height: 900 };

/**
 * A page that notes every script error and console error it shows. Chromium notes each 4xx answer as an
 * error; the console expects some (an agent's admin probe 403, a call not logged until its first status
 * callback 404, a value the service refuses 400) and shows them in words, so a test names those it causes.
 */
async function openPage(expectedStatuses: number[], viewport = DESKTOP): Promise<{ page: Page; problems: string[] }> {
  const page = await browser().newPage({ viewport });
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    const status = /^Failed to load resource: the server responded with a status of (\d+)/.exec(msg.text());
    if (msg.type() === 'error' && !(status && expectedStatuses.includes(Number(status[1]))))
      problems.push(`console error: ${msg.text()}`);
  });
  return { page, problems };
}

async function devSignIn(page: Page, identity: string, role: 'agent' | 'admin'): Promise<void> {
  await page.goto(`${s().url}/console`);
  await page.getByLabel('Identity').fill(identity);
  await page.getByLabel('Role').selectOption(role);
  await page.getByRole('button', { name: 'Dev sign-in' }).click();
  await page.getByRole('navigation', { name: 'Console sections' }).waitFor();
}

/** The figures behind a chart, from its table alternative: row label -> the row's cells. */
async function chartFigures(page: Page, title: RegExp): Promise<Record<string, string[]>> {
  const figure = page.locator('figure.chart').filter({ has: page.locator('figcaption', { hasText: title }) });
  await expect(figure.locator('canvas').getAttribute('aria-label')).resolves.toMatch(title);
  const rows = await figure
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  return Object.fromEntries(rows.map(([name, ...cells]) => [name, cells]));
}

/** Waits until nothing on the page is loading (no progress bar, no status line saying it loads). */
async function settled(page: Page): Promise<void> {
  await page.locator('progress').first().waitFor({ state: 'detached' });
  await page
    .locator('.status', { hasText: /Loading|Checking/ })
    .first()
    .waitFor({ state: 'detached' });
}

/** Presses the view's Refresh button until `shown` is on the page (the log is read when asked, not pushed). */
async function refreshedUntil(page: Page, shown: Locator): Promise<void> {
  for (let i = 0; i < 40 && (await shown.count()) === 0; i++) {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.waitForTimeout(250);
  }
  await shown.first().waitFor({ timeout: 1000 });
}

describe('the console', () => {
  it('an agent buys a number, calls from the softphone and answers a call, sees them in the call log and the usage chart, and releases the number', async () => {
    const { page, problems } = await openPage([400, 403, 404]);
    await devSignIn(page, 'ann', 'agent');
    await expect(page.getByRole('link', { name: 'Platform usage' }).count()).resolves.toBe(0);

    // Numbers: search the 415 area code and buy the first offer.
    await page.getByText('you hold no numbers yet').waitFor();
    const number = await buyFirstNumber(page, '415');
    await screenshot(page, 'agent-numbers');

    await page.getByRole('link', { name: 'Usage & bills' }).click();
    const before = await chartFigures(page, /Your spending in \d{4}-\d{2} by category/);
    expect(before['Calls outbound']).toEqual(['$0.00']);
    expect(before['Phone numbers']).toEqual(['$1.00']);

    // Softphone: the simulated device registers with the agent's access token and places the call.
    await page.getByRole('link', { name: 'Softphone' }).click();
    await page.getByRole('button', { name: 'Start softphone' }).click();
    await page.getByText('simulated device is registered').waitFor();
    await page.getByLabel('Number to call').fill('911');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await page.getByText('To must be a phone number in E.164 (+14155557788)').waitFor();
    await page.getByLabel('Number to call').fill('+1 (415) 555-7788');
    await page.getByLabel('Record the call').check();
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await page.getByText(/Call to \+14155557788 ended: completed/).waitFor({ timeout: 15_000 });

    // A call to the agent's new number rings the softphone, which answers it.
    await s().t.control('POST', '/_emulator/inbound-call', { From: '+14155559999', To: number });
    await page.getByRole('button', { name: 'Answer the call from +14155559999' }).click({ timeout: 10_000 });
    await page.getByText('Answered the call from +14155559999.').waitFor();
    await screenshot(page, 'agent-softphone');

    await page.getByRole('link', { name: 'Calls & recordings' }).click();
    const calls = page.getByRole('region', { name: 'Your calls' });
    await calls.getByText('+14155557788').waitFor();
    await expect(calls.locator('tbody tr', { hasText: '+14155557788' }).textContent()).resolves.toMatch(/outbound.*completed/);
    // The answered call and the recording are logged by their own callbacks: refresh until they show.
    await refreshedUntil(page, calls.locator('tbody tr', { hasText: '+14155559999' }).getByText('inbound'));
    const audio = page.locator('audio[aria-label="Recording of the call to +14155557788"]');
    await refreshedUntil(page, audio);
    const src = (await audio.getAttribute('src')) ?? '';
    expect(src).toMatch(/\/Recordings\/RE[0-9a-f]{32}$/);
    // What the player loads is the recording's audio, with no credential of the account.
    const media = await fetch(src);
    expect([media.status, media.headers.get('content-type')]).toEqual([200, 'audio/x-wav']);
    await screenshot(page, 'agent-calls');

    await page.getByRole('link', { name: 'Usage & bills' }).click();
    await page.getByRole('button', { name: 'Refresh usage' }).waitFor();
    const after = await chartFigures(page, /Your spending in \d{4}-\d{2} by category/);
    expect(after['Calls outbound'][0]).toMatch(/^\$0\.\d+$/);
    expect(after['Calls outbound']).not.toEqual(before['Calls outbound']);
    await page
      .getByRole('group')
      .first()
      .waitFor()
      .catch(() => undefined);
    await page.locator('details.bill').first().waitFor();
    await screenshot(page, 'agent-usage');

    // The number is deactivated, then released (a second press confirms).
    await page.getByRole('link', { name: 'Numbers' }).click();
    await page.getByRole('button', { name: `Deactivate ${number}` }).click();
    await page.getByRole('region', { name: 'Your numbers' }).getByText('inactive').waitFor();
    await page.getByRole('button', { name: 'Release', exact: true }).click();
    await page.getByRole('button', { name: `Release ${number} for good` }).click();
    await page.getByText(`${number} is released.`).waitFor();
    await page.getByText('you hold no numbers yet').waitFor();
    expect(problems).toEqual([]);
    await page.close();
  }, 45_000);

  it('an admin sees the platform charts and changes a router setting, which the audit log records', async () => {
    const { page, problems } = await openPage([400]);
    await devSignIn(page, 'root', 'admin');
    await page.getByRole('link', { name: 'Platform usage' }).click();
    const byDay = await chartFigures(page, /Platform spending by day/);
    expect(Object.keys(byDay)).toHaveLength(30);
    await chartFigures(page, /Platform spending by category/);
    await page.getByRole('table', { name: /Revenue in \d{4}-\d{2}/ }).waitFor();
    await screenshot(page, 'admin-platform');

    await page.getByRole('link', { name: 'SMS router' }).click();
    await page.getByRole('button', { name: 'Edit retry_attempts' }).click();
    const value = page.getByRole('textbox', { name: 'Value of retry_attempts' });
    await expect(value.evaluate((e) => e === e.ownerDocument.activeElement)).resolves.toBe(true);
    await value.fill('9');
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByText(/retry_attempts.*(range|between|at most|0\.\.5|5)/i)
      .first()
      .waitFor();
    await value.fill('2');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('retry_attempts is now 2.').waitFor();
    await page.getByRole('table', { name: 'Audit log (newest first)' }).getByText('config:retry_attempts').waitFor();
    await screenshot(page, 'admin-router');

    const token = await s().flexToken('root', ['admin']);
    const config = await s().get<{ configs: { key: string; value: string }[] }>('/api/v1/sms-router/admin/config', { token });
    expect(config.body.configs.find((c) => c.key === 'retry_attempts')?.value).toBe('2');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a pasted token: a forged one is refused in words, a bearer token opens the agent views and stays across a reload', async () => {
    const { page, problems } = await openPage([401, 403]);
    await page.goto(`${s().url}/console`);
    const tokenForm = page.getByRole('form', { name: 'Sign in with a token' });
    await tokenForm.getByLabel('Kind of token').selectOption('flex');
    await tokenForm.getByLabel('Token', { exact: true }).fill('eyJhbGciOiJIUzI1NiJ9.e30.forged');
    await tokenForm.getByRole('button', { name: 'Sign in' }).click();
    const refusal = tokenForm.getByRole('status');
    await refusal.getByText(/^Your sign-in was not accepted \(Invalid Flex token: .+\)\. Sign in again\.$/).waitFor();
    expect(await refusal.textContent()).not.toMatch(/[{}]/);

    await tokenForm.getByLabel('Kind of token').selectOption('bearer');
    await tokenForm.getByLabel('Token', { exact: true }).fill(bearer(s(), 'zoe'));
    await tokenForm.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as API user').waitFor();
    await page.reload();
    await page.getByText('Signed in as API user').waitFor();
    await expect(page.getByRole('link', { name: 'SMS router' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await tokenForm.waitFor();
    await screenshot(page, 'sign-in');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a token that expires while the console is open brings the person back to the sign-in, saying why', async () => {
    const { page, problems } = await openPage([401, 403]);
    await page.goto(`${s().url}/console`);
    const tokenForm = page.getByRole('form', { name: 'Sign in with a token' });
    await tokenForm.getByLabel('Kind of token').selectOption('bearer');
    // Valid for 3 s: long enough to sign in, short enough to wait out.
    const exp = Math.floor(Date.now() / 1000) + 3;
    await tokenForm.getByLabel('Token', { exact: true }).fill(jwt.sign({ sub: 'yan', exp }, s().env.JWT_SECRET));
    await tokenForm.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as API user').waitFor();
    await page.waitForTimeout(exp * 1000 + 200 - Date.now());
    await page.getByRole('link', { name: 'Calls & recordings' }).click();
    await tokenForm.getByRole('status').getByText('Your sign-in has expired or was withdrawn. Sign in again to go on.').waitFor();
    await expect(page.getByRole('navigation', { name: 'Console sections' }).count()).resolves.toBe(0);
    await screenshot(page, 'sign-in-expired');
    // Gone from the tab too: a reload does not bring the refused token back.
    await page.reload();
    await tokenForm.waitFor();
    await expect(page.getByText('Signed in as').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('at 375 px wide no view scrolls sideways, and the sign-in works from the keyboard', async () => {
    const { page, problems } = await openPage([], { width: 375, height: 800 });
    await page.goto(`${s().url}/console`);
    await page.getByLabel('Identity').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('max');
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus').getAttribute('name')).resolves.toBe('role');
    await page.keyboard.press('End');
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus').textContent()).resolves.toBe('Dev sign-in');
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Console sections' }).waitFor();
    const widths: Record<string, number> = {};
    for (const view of ['numbers', 'softphone', 'calls', 'usage', 'platform', 'users', 'health', 'router']) {
      await page.goto(`${s().url}/console#${view}`);
      await page.locator('.view-title').waitFor();
      await settled(page);
      widths[view] = await page.locator('html').evaluate((e) => e.scrollWidth);
      await screenshot(page, `phone-${view}`);
    }
    expect(widths).toEqual(Object.fromEntries(Object.keys(widths).map((v) => [v, 375])));
    expect(problems).toEqual([]);
    await page.close();
  });
});
