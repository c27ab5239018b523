/** Steps a person takes in the console (/console), shared by the browser tests of its local and deployed pages. */
import type { Page } from 'playwright-core';

/** Searches numbers for sale in `areaCode`, buys the first offer, and waits until it is listed; returns it. */
export async function buyFirstNumber(page: Page, areaCode: string): Promise<string> {
  await page.getByLabel('Area code').fill(areaCode);
  await page.getByRole('button', { name: 'Search' }).click();
  const buy = page.getByRole('button', { name: new RegExp(`^Buy \\+1${areaCode}`) }).first();
  const number = ((await buy.getAttribute('aria-label')) ?? '').replace('Buy ', '');
  await buy.click();
  await page.getByText(`You bought ${number}.`).waitFor();
  await page.getByRole('region', { name: 'Your numbers' }).getByText(number).waitFor();
  return number;
}
