/**
 * The console of a deployed build, in headless chromium: this project's build deployed to the emulator by the
 * Serverless Toolkit's own deploy code and opened where the emulator's Functions gateway serves it, under the
 * domain's path prefix. A deployed build has no dev routes, so the agent pastes a Flex token (minted by the
 * emulator's control API), sees their numbers and buys one; every request the page makes stays under the
 * prefix, which only addresses relative to the page can do.
 */
import type { DeployResult } from '@twilio-labs/serverless-api';
import { DOMAIN_PREFIX } from '../../emulator/core/emulator';
import { screenshot, useBrowser } from '../support/browser';
import { buyFirstNumber } from '../support/console-steps';
import { deployThisBuild } from '../support/deployed';
import { SERVICE_DEFAULTS, useService } from '../support/service';

const svc = useService();
const browser = useBrowser();
let deployed: DeployResult;

beforeAll(async () => {
  const { emu, url } = svc().t;
  deployed = await deployThisBuild({ url, accountSid: emu.accountSid, authToken: emu.authToken }, SERVICE_DEFAULTS);
}, 60_000);

describe('the console of a deployed build, under the gateway prefix', () => {
  it('an agent pastes a Flex token, sees their numbers and buys one, every request staying under the prefix', async () => {
    const base = `${svc().t.url}${DOMAIN_PREFIX}${deployed.domain}`;
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    const requested: string[] = [];
    const problems: string[] = [];
    page.on('request', (req) => requested.push(req.url()));
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      // Expected: the dev sign-in probe finds no dev routes (404), the agent's admin probe is refused (403).
      const status = /^Failed to load resource: the server responded with a status of (\d+)/.exec(msg.text());
      if (msg.type() === 'error' && !(status && ['403', '404'].includes(status[1]))) problems.push(msg.text());
    });

    await page.goto(`${base}/console`);
    const tokenForm = page.getByRole('form', { name: 'Sign in with a token' });
    await tokenForm.waitFor();
    await expect(page.getByRole('button', { name: 'Dev sign-in' }).count()).resolves.toBe(0);
    await tokenForm.getByLabel('Kind of token').selectOption('flex');
    await tokenForm.getByLabel('Token', { exact: true }).fill(await svc().flexToken('dana', ['agent']));
    await tokenForm.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Console sections' }).waitFor();
    await page.getByText('you hold no numbers yet').waitFor();

    const number = await buyFirstNumber(page, '415');
    const owned = page.getByRole('region', { name: 'Your numbers' });
    await expect(owned.locator('tbody tr', { hasText: number }).textContent()).resolves.toMatch(/active/);
    await screenshot(page, 'deployed-agent-numbers');

    // The page, its assets, the service's API and the dev-route probe: all addressed under the domain's prefix.
    const outside = requested.filter((u) => !u.startsWith(`${base}/`));
    expect(outside).toEqual([]);
    const paths = requested.map((u) => new URL(u).pathname.slice(`${DOMAIN_PREFIX}${deployed.domain}`.length));
    expect(paths).toEqual(
      expect.arrayContaining([
        '/console',
        '/console/app.js',
        '/console/app.css',
        '/_dev/sign-in',
        '/api/twilio/my-numbers',
        '/api/twilio/available-numbers',
        '/api/twilio/buy-number',
      ]),
    );
    expect(problems).toEqual([]);
    await page.close();
  }, 45_000);
});
