import { expect, Page, test } from '@playwright/test';

async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }),
  ).toBeVisible();
}

test('a guest opens a service and sees its Reliability tab', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/checkout-api');
  const tab = page.getByRole('tab', { name: 'Reliability' });
  await expect(tab).toBeVisible();
  await tab.click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/checkout-api\/reliability/);
  await expect(page.getByText('Reliability data sources')).toBeVisible();
  await page.screenshot({ path: 'e2e-test-report/entity-reliability-tab.png', fullPage: true });
});

test('the org reliability page lists services', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/reliability');
  await expect(page.getByText('Service reliability')).toBeVisible();
  await expect(page.getByRole('link', { name: 'checkout-api' }).first()).toBeVisible();
  await page.screenshot({ path: 'e2e-test-report/reliability-page.png', fullPage: true });
});
