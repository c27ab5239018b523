/**
 * The interactive API docs in a real browser: /docs renders every operation of the service's OpenAPI
 * document from the service's own assets, and "Try it out" with a dev Flex token calls the local service and
 * shows its answer.
 */
import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';
import { DOCUMENT_PATH } from '../support/function-contract';
import { screenshot, useBrowser } from '../support/browser';
import { useService } from '../support/service';

interface Watched {
  page: Page;
  /** Requests to anywhere but the service under test. */
  foreign: string[];
  /** Script errors and what the browser reported as errors (a CSP refusal among them). */
  errors: string[];
}

describe('the API docs at /docs', () => {
  const svc = useService();
  const browser = useBrowser();

  async function openDocs(): Promise<Watched> {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    // A step that cannot happen fails with the element it waited for, well inside the test's time.
    page.setDefaultTimeout(8000);
    const watched: Watched = { page, foreign: [], errors: [] };
    page.on('request', (r) => {
      if (!r.url().startsWith(svc().url) && !r.url().startsWith('data:')) watched.foreign.push(r.url());
    });
    page.on('pageerror', (e) => watched.errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') watched.errors.push(m.text());
    });
    await page.goto(`${svc().url}/docs`);
    await page.locator('.opblock').first().waitFor();
    return watched;
  }

  it('answers the page, which forbids inline and foreign scripts', async () => {
    const res = await svc().get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain("script-src 'self'");
    expect(res.text).not.toMatch(/<script>|https?:\/\//);
  });

  it('renders every operation of the document, loading nothing from elsewhere', async () => {
    const { page, foreign, errors } = await openDocs();
    const doc = JSON.parse(readFileSync(DOCUMENT_PATH, 'utf8')) as { paths: Record<string, object> };
    const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(await page.locator('.opblock').count()).toBe(operations);
    expect(await page.locator('.info .title').textContent()).toContain('Flex contact centre backend');
    expect(await page.locator('.opblock-tag').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('SMS router'), expect.stringContaining('Phone API')]),
    );
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"Try it out" on GET /phone/calls with a dev Flex token shows the 200 answer', async () => {
    await svc().post('/phone/call', { token: await svc().flexToken('alice', ['admin']), json: { to_number: '+14155552671' } });
    const { page, foreign, errors } = await openDocs();

    await page.locator('button.authorize').first().click();
    const flex = page.locator('.auth-container').filter({ hasText: 'flexToken' });
    await flex.locator('input').fill(await svc().flexToken('alice', ['admin']));
    await flex.getByRole('button', { name: 'Apply credentials' }).click();
    await flex.getByRole('button', { name: 'Remove authorization' }).waitFor();
    await page.locator('.modal-ux .close-modal').click();

    const operation = page.locator('#operations-Phone_API-phoneCalls');
    await operation.locator('.opblock-summary').click();
    await operation.getByRole('button', { name: 'Try it out' }).click();
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/phone/calls');
    await operation.getByRole('button', { name: 'Execute' }).click();
    const res = await answer;
    expect(res.status()).toBe(200);
    expect(new URL(res.url()).searchParams.get('Token')).toBeTruthy();
    const body = (await res.json()) as { success: boolean; calls: { to: string }[] };
    expect(body.success).toBe(true);
    expect(body.calls.map((c) => c.to)).toContain('+14155552671');

    const shown = operation.locator('.live-responses-table .response .response-col_status').first();
    await shown.waitFor();
    expect((await shown.textContent())?.trim()).toMatch(/^200/);
    await screenshot(page, 'docs-try-it-out');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
