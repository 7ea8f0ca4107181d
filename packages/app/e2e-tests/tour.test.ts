import { expect, Locator, Page, test } from '@playwright/test';

async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(nav.getByRole('link', { name: 'Reliability' })).toBeVisible();
}

/**
 * The smallest font size, in CSS pixels on screen, of the text in the map's nodes: each element's computed
 * font size times the scale at which the graph's SVG is drawn (its rendered width over its viewBox width).
 */
async function smallestNodeLabel(map: Locator): Promise<number> {
  return map.evaluate(frame => {
    const svg = frame.querySelector('svg#dependency-graph') as SVGSVGElement;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const sizes = [...frame.querySelectorAll('[data-testid^="tour-node-"]')]
      .flatMap(node => [node, ...node.querySelectorAll('*')])
      .filter(element =>
        [...element.childNodes].some(
          child =>
            child.nodeType === Node.TEXT_NODE && child.textContent?.trim(),
        ),
      )
      .map(element => parseFloat(getComputedStyle(element).fontSize) * scale);
    return sizes.length > 0 ? Math.min(...sizes) : 0;
  });
}

/** Horizontal overflow of the page and of the map's own frame (px; 0 when nothing scrolls sideways). */
async function horizontalOverflow(page: Page, map: Locator) {
  return {
    page: await page.evaluate(
      () =>
        document.documentElement.scrollWidth -
        document.documentElement.clientWidth,
    ),
    map: await map.evaluate(frame => frame.scrollWidth - frame.clientWidth),
  };
}

test('the Commerce tour starts at its systems with readable labels, and a system expands to its services', async ({
  page,
}) => {
  await signInAsGuest(page);
  // Commerce is the demo's largest domain (three systems, about 40 entities).
  await page.goto('/reliability/tour?entity=domain:default/commerce');
  const map = page.getByTestId('tour-map');
  const orders = map.getByTestId('tour-node-system:default/orders');
  await expect(orders).toBeVisible();
  await expect(orders).toContainText('System · 4 services');

  // One node per system (the domain's own and those its services depend on), nothing else.
  const nodes = map.locator('[data-testid^="tour-node-"]');
  const ids = await nodes.evaluateAll(list =>
    list.map(node => node.getAttribute('data-testid')),
  );
  expect(ids.length).toBeGreaterThanOrEqual(3);
  expect(ids.every(id => id?.startsWith('tour-node-system:'))).toBe(true);

  // Measured once the graph has laid out and zoomed to fit (it settles over a few frames).
  await expect.poll(() => smallestNodeLabel(map)).toBeGreaterThanOrEqual(12);
  expect(await horizontalOverflow(page, map)).toEqual({ page: 0, map: 0 });
  await page.screenshot({
    path: 'e2e-screenshots/tour-commerce.png',
    fullPage: true,
  });

  await orders.getByRole('button', { name: 'Expand Orders' }).click();
  await expect(
    map.getByTestId('tour-node-component:default/checkout-api'),
  ).toBeVisible();
  await expect(
    map.getByTestId('tour-node-component:default/order-api'),
  ).toContainText('in Orders');
  await expect(orders).toHaveCount(0);
  await expect(
    page.getByRole('toolbar', { name: 'Map systems' }).getByRole('button', {
      name: 'Collapse Orders',
    }),
  ).toBeVisible();
  // Expanded, the drawing keeps its size (the map scrolls sideways instead of shrinking the labels).
  // Measured once the graph has laid out and zoomed to fit (it settles over a few frames).
  await expect.poll(() => smallestNodeLabel(map)).toBeGreaterThanOrEqual(12);
  expect((await horizontalOverflow(page, map)).page).toBe(0);
  await page.screenshot({
    path: 'e2e-screenshots/tour-commerce-orders.png',
    fullPage: true,
  });
});

test('a journey is highlighted on the map and walked step by step with its SLO', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/reliability/tour?entity=system:default/orders');
  const map = page.getByTestId('tour-map');
  await expect(
    map.getByTestId('tour-node-component:default/checkout-api'),
  ).toBeVisible();

  await page.getByRole('button', { name: /^Journey/ }).click();
  await page
    .getByRole('option', { name: 'A shopper pays for an order' })
    .click();
  // The journey's own SLO, defined on the orders System.
  await expect(page.getByLabel('Journey SLO')).toContainText(
    'Checkout journey completes',
  );
  // Its steps are numbered on the map: checkout-api is step 4.
  await expect(
    map
      .getByTestId('tour-node-component:default/checkout-api')
      .getByLabel('Journey steps here'),
  ).toContainText('4');
  await expect(page.getByText(/presses "Pay now"/)).toBeVisible();
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: 'Next step' }).click();
  }
  await expect(page.getByText(/runs the steps below/)).toBeVisible();
  await expect(page.getByText(/On call:/).first()).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/tour-journey.png',
    fullPage: true,
  });
});

test('the blast radius of a component lists what depends on it and its rollback', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto(
    '/reliability/tour?entity=domain:default/commerce&failing=component:default/payments',
  );
  const panel = page.locator('#blast-radius');
  await expect(
    panel.getByText(/entities depend on Payments service/),
  ).toBeVisible();
  await expect(
    panel.getByRole('link', { name: 'Rollback: Roll back a payments release' }),
  ).toBeVisible();
  await expect(
    panel.getByRole('row').filter({ hasText: 'Checkout API' }),
  ).toContainText('tier-1');
});
