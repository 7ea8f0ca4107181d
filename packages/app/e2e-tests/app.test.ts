import { expect, Page, test } from '@playwright/test';

async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(nav.getByRole('link', { name: 'Reliability' })).toBeVisible();
}

test('a guest opens a service and sees its Reliability tab', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/checkout-api');
  const tab = page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Reliability', exact: true });
  await expect(tab).toBeVisible();
  await tab.click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/checkout-api\/reliability/);
  // SLO card: the demo service's SLOs, computed from the embedded SLI data.
  await expect(
    page.getByRole('heading', { name: 'Checkout availability' }),
  ).toBeVisible();
  await expect(page.getByText('Error budget').first()).toBeVisible();
  // On-call card: who is on call now, from the schedules as code.
  await expect(page.getByText('PRIMARY', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('Reliability data sources')).toBeVisible();
  await page.screenshot({ path: 'e2e-screenshots/entity-reliability-tab.png', fullPage: true });
});

test('the org reliability page lists services', async ({ page }) => {
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Reliability' })
    .click();
  await expect(page).toHaveURL(/\/reliability/);
  await expect(page.getByText('Service reliability')).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Checkout API' }).first(),
  ).toBeVisible();
  await page.screenshot({ path: 'e2e-screenshots/reliability-page.png', fullPage: true });
});

test('the guest (a member of sre) assesses an sre service and sees other teams\' checklists read-only', async ({
  page,
}) => {
  await signInAsGuest(page);

  // api-gateway is owned by sre: the wizard lets the guest submit.
  await page.goto('/catalog/default/component/api-gateway/maturity');
  await page.getByRole('button', { name: 'Review & submit' }).click();
  await page.getByRole('button', { name: 'Submit assessment' }).click();
  await expect(page.getByText(/Assessment submitted: score/)).toBeVisible();
  await page.screenshot({ path: 'e2e-screenshots/maturity-owner-submitted.png', fullPage: true });

  // checkout-api is owned by checkout-payments: the checklist is read-only and cannot be submitted.
  await page.goto('/catalog/default/component/checkout-api/maturity');
  await expect(page.getByRole('note', { name: 'Read-only' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit assessment' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save draft' })).toHaveCount(0);
  await page.screenshot({ path: 'e2e-screenshots/maturity-read-only.png', fullPage: true });
});
