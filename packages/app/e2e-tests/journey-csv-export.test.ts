import { expect, Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { signInAsGuest } from './support/session';
import { journeyScreenshots } from './support/steps';

/** Clicks "Export CSV" and returns the downloaded file's name and lines (CRLF-separated, no trailing empty line). */
async function exportCsv(page: Page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  const text = await readFile(await file.path(), 'utf8');
  return {
    name: file.suggestedFilename(),
    lines: text.split('\r\n').filter(line => line !== ''),
  };
}

/** The number of services the table reports in its title, "Services (N)". */
async function servicesInTable(page: Page) {
  const title = page.getByText(/^Services \(\d+\)$/);
  await expect(title).toBeVisible();
  return Number((await title.textContent())!.match(/\d+/)![0]);
}

test('exporting the overview as CSV downloads every service, and only the filtered ones when filtered', async ({
  page,
}) => {
  const shot = journeyScreenshots(page, 'journey-csv-export');
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Reliability' })
    .click();
  const total = await servicesInTable(page);
  expect(total).toBeGreaterThan(1);
  await shot('overview');

  const all = await exportCsv(page);
  expect(all.name).toBe('reliability-overview.csv');
  expect(all.lines[0].split(',').slice(0, 4)).toEqual([
    'entityRef',
    'name',
    'title',
    'owner',
  ]);
  expect(all.lines).toHaveLength(total + 1);
  const checkout = all.lines.find(line =>
    line.startsWith('component:default/checkout-api,'),
  );
  expect(checkout).toContain(',Checkout API,');
  expect(checkout).toContain('group:default/checkout-payments');

  // The export follows the filters on screen.
  await page.getByLabel('Search services').fill('checkout');
  await expect(page.getByText(/^Services \(\d+\)$/)).not.toHaveText(
    `Services (${total})`,
  );
  const filteredTotal = await servicesInTable(page);
  await shot('filtered');
  const filtered = await exportCsv(page);
  expect(filtered.lines).toHaveLength(filteredTotal + 1);
  expect(filtered.lines.slice(1).every(line => /checkout/i.test(line))).toBe(
    true,
  );
  expect(filtered.lines).toContain(checkout);
  await shot('exported');
});
