import { expect, test } from '@playwright/test';
import { signInAsGuest } from './support/session';
import { journeyScreenshots } from './support/steps';

test("a new hire follows the architecture tour from a domain to a service's runbook", async ({
  page,
}) => {
  const shot = journeyScreenshots(page, 'journey-tour');
  await signInAsGuest(page);

  // The org page, then its Architecture tour tab.
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Reliability' })
    .click();
  await page.getByRole('tab', { name: 'Architecture tour' }).click();
  await expect(page).toHaveURL(/\/reliability\/tour/);
  await shot('tour-opened');

  // Pick a domain, then Commerce: its systems on the map, its services on the reading path; the address
  // follows the choice (a deep link to share).
  const picker = page.getByRole('button', { name: /^Domain or system/ });
  await picker.click();
  await page.getByRole('option', { name: 'Fulfilment' }).click();
  await expect(page).toHaveURL(/entity=domain(%3A|:)default(%2F|\/)fulfilment/);
  await picker.click();
  await page.getByRole('option', { name: 'Commerce' }).click();
  await expect(page).toHaveURL(/entity=domain(%3A|:)default(%2F|\/)commerce/);
  await expect(picker).toHaveText('Commerce');
  const map = page.getByTestId('tour-map');
  const orders = map.getByTestId('tour-node-system:default/orders');
  await expect(orders).toBeVisible();
  await shot('commerce-domain');

  // Open the Orders system on the map: its services appear.
  await orders.getByRole('button', { name: 'Expand Orders' }).click();
  await expect(
    map.getByTestId('tour-node-component:default/checkout-api'),
  ).toBeVisible();
  await shot('orders-expanded');

  // The reading path says why Checkout API matters and links its runbooks; follow one.
  const readingPath = page.getByRole('listitem').filter({
    has: page.getByRole('link', { name: 'Checkout API', exact: true }),
  });
  await expect(readingPath).toBeVisible();
  await readingPath.scrollIntoViewIfNeeded();
  await shot('reading-path');
  await readingPath.getByRole('link', { name: 'Checkout is slow' }).click();

  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/checkout-api\/runbooks\?runbook=checkout-slow/,
  );
  await expect(
    page.getByRole('heading', { name: 'Checkout is slow', exact: true }),
  ).toBeVisible();
  await shot('service-runbook');
});
