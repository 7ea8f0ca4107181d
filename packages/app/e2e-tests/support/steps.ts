import { Page } from '@playwright/test';

/**
 * A screenshot per step of a journey, kept as a test artefact: `e2e-test-report/<journey>/<nn>-<step>.png`
 * (git-ignored; CI keeps the folder).
 */
export function journeyScreenshots(page: Page, journey: string) {
  let step = 0;
  return async (name: string) => {
    step += 1;
    await page.screenshot({
      path: `e2e-test-report/${journey}/${String(step).padStart(
        2,
        '0',
      )}-${name}.png`,
      fullPage: true,
    });
  };
}

/** The entity page's tab bar ("Overview", "Reliability", "SLOs", ...). */
export function entityTab(page: Page, name: string) {
  return page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name, exact: true });
}
