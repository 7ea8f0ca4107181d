import { expect, Page, test } from '@playwright/test';

async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(nav.getByRole('link', { name: 'Reliability' })).toBeVisible();
}

test('searching "rollback checkout" finds the checkout rollback procedure and opens it', async ({
  page,
}) => {
  // The reliability collator first indexes a minute after the backend starts, then every 2 minutes
  // (app-config.yaml): on a fresh backend the first search may come before the index.
  test.setTimeout(300_000);
  await signInAsGuest(page);
  const result = page.getByRole('link', {
    name: 'Roll back checkout-api (canary and full)',
  });
  await expect(async () => {
    await page.goto('/search?query=rollback%20checkout');
    await expect(result).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 240_000, intervals: [5_000] });
  await expect(
    page.getByText('Rollback', { exact: true }).first(),
  ).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/search-rollback-checkout.png',
    fullPage: true,
  });

  await result.click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/checkout-api\/runbooks\?runbook=rollback-checkout/,
  );
  await expect(
    page.getByRole('heading', { name: 'Roll back checkout-api', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByText('Traffic goes back to the stable version at once.', {
      exact: false,
    }),
  ).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/search-opens-runbook.png',
    fullPage: true,
  });
});
