/**
 * Browser tests: Debian's chromium driven by playwright-core (no browser download; `.ci/run` installs the
 * package). Every test keeps screenshots under test-results/browser/ so a person can see what it saw.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import { chromium, Browser, Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(__dirname, '../../test-results/browser');

/** One headless chromium for a test file; closed after it. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    // --no-sandbox: CI runs as root, where chromium's sandbox refuses to start.
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error(`chromium did not start (looked for ${CHROMIUM_PATH}; set CHROMIUM_PATH)`);
    return browser;
  };
}

/** Saves a full-page screenshot as test-results/browser/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
