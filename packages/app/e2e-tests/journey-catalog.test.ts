import { expect, test } from '@playwright/test';
import { signInAsGuest } from './support/session';
import { entityTab, journeyScreenshots } from './support/steps';

test("browsing the catalog to a service's SLOs, on-call and runbooks", async ({
  page,
}) => {
  const shot = journeyScreenshots(page, 'journey-catalog');
  await signInAsGuest(page);

  // The catalog is the portal's home page: find the service by name among all components.
  await page.goto('/');
  // The catalog opens on the components the guest's teams own; a newcomer looks at all of them.
  // The catalog page sets its filters up once it has loaded (from the URL and the user's settings): a click made
  // before that is undone, so it is made again until the list says All.
  await expect(async () => {
    await page.getByRole('menuitem', { name: /^All \d+/ }).click();
    await expect(
      page.getByRole('heading', { name: /^All Components \(\d+\)$/ }).first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await page.getByRole('textbox', { name: 'Search' }).fill('Checkout API');
  await expect(page.getByRole('link', { name: 'Cart service' })).toHaveCount(0);
  await shot('catalog-filtered');
  await page
    .getByRole('link', { name: 'Checkout API', exact: true })
    .first()
    .click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/checkout-api/);

  // Reliability tab: SLOs with their error budget, who is on call, the runbooks.
  await entityTab(page, 'Reliability').click();
  await expect(
    page.getByRole('heading', { name: 'Checkout availability' }),
  ).toBeVisible();
  await expect(page.getByText('Error budget').first()).toBeVisible();
  await expect(page.getByTestId('oncall-primary')).not.toBeEmpty();
  await expect(page.getByTestId('oncall-primary')).toContainText('on call');
  await shot('reliability-tab');

  // SLOs tab: the error-budget burn-down of each SLO.
  await entityTab(page, 'SLOs').click();
  await expect(page).toHaveURL(/\/checkout-api\/slos/);
  await expect(
    page.getByText('Error budget remaining vs ideal linear burn').first(),
  ).toBeVisible();
  await expect(page.locator('svg.recharts-surface').first()).toBeVisible();
  await shot('slos-tab');

  // Runbooks tab: pick a runbook and read it.
  await entityTab(page, 'Runbooks').click();
  await expect(page).toHaveURL(/\/checkout-api\/runbooks/);
  await page.getByRole('button', { name: /Checkout is slow/ }).click();
  await expect(page).toHaveURL(/runbook=checkout-slow/);
  await expect(
    page.getByRole('heading', { name: 'Checkout is slow', exact: true }),
  ).toBeVisible();
  await expect(page.getByText('Where does the time go?')).toBeVisible();
  await shot('runbook-open');
});
