import { Page, test } from '@playwright/test';

/**
 * A screenshot per step of a journey, kept as a test artefact twice: in `e2e-screenshots/<journey>/<nn>-<step>.png`
 * (git-ignored; outside Playwright's HTML report folder, which the reporter empties when it writes the report) and
 * attached to the test, so the HTML report in `e2e-test-report/` shows each step.
 */
export function journeyScreenshots(page: Page, journey: string) {
  let step = 0;
  return async (name: string) => {
    step += 1;
    const file = `${String(step).padStart(2, '0')}-${name}.png`;
    const path = `e2e-screenshots/${journey}/${file}`;
    await page.screenshot({ path, fullPage: true });
    await test.info().attach(`${journey}/${file}`, {
      path,
      contentType: 'image/png',
    });
  };
}

/** The entity page's tab bar ("Overview", "Reliability", "SLOs", ...). */
export function entityTab(page: Page, name: string) {
  return page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name, exact: true });
}
