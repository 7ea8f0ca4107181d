import { expect, Page, test } from '@playwright/test';
import { signInAsGuest } from './support/session';
import { entityTab, journeyScreenshots } from './support/steps';

/** How many assessments the "Maturity over time" chart counts (0 while it says "No assessments yet"). */
async function assessmentsInHistory(page: Page): Promise<number> {
  const history = page.getByText(/^\d+ assessments?; latest/);
  const none = page.getByText('No assessments yet');
  await expect(history.or(none)).toBeVisible();
  if (await none.isVisible()) return 0;
  return Number((await history.textContent())!.match(/^\d+/)![0]);
}

test('an sre team self-assesses identity-service: start, save a draft, resume it, submit, see the score and history', async ({
  page,
}) => {
  const shot = journeyScreenshots(page, 'journey-self-assessment');
  // A note unique to this run proves the draft that comes back is the one saved here.
  const note = `Draft note ${Date.now()}`;
  await signInAsGuest(page);

  // Start: the guest is a member of sre, which owns identity-service.
  await page.goto('/catalog/default/component/identity-service');
  await entityTab(page, 'Maturity').click();
  await expect(page).toHaveURL(/\/identity-service\/maturity/);
  await expect(page.getByRole('button', { name: 'Save draft' })).toBeVisible();
  const before = await assessmentsInHistory(page);
  await shot('start');

  // Answer the first self-assessed item of the first step, with a note, and save the draft.
  const item = page
    .locator('section[data-testid^="item-"]', {
      has: page.getByRole('radiogroup'),
    })
    .first();
  const itemTitle = (await item
    .locator('h6, [id^="checklist-item-"]')
    .first()
    .textContent())!.trim();
  await item.getByRole('radio', { name: 'Yes' }).check();
  await item.getByLabel(`Note: ${itemTitle}`).fill(note);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Draft saved.' }),
  ).toBeVisible();
  await shot('draft-saved');

  // Resume: a fresh visit brings the draft back.
  await page.reload();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: /Resumed your draft from \d{4}-\d{2}-\d{2}/ }),
  ).toBeVisible();
  const resumed = page.getByLabel(`Note: ${itemTitle}`);
  await expect(resumed).toHaveValue(note);
  await expect(
    page
      .locator('section[data-testid^="item-"]', { has: resumed })
      .getByRole('radio', { name: 'Yes' }),
  ).toBeChecked();
  await shot('draft-resumed');

  // Review and submit.
  await page.getByRole('button', { name: 'Review & submit' }).click();
  const review = page.getByLabel('Review');
  await expect(review).toContainText('Score after submitting:');
  const preview = (await review
    .locator('strong')
    .first()
    .textContent())!.trim();
  await shot('review');
  await page.getByRole('button', { name: 'Submit assessment' }).click();
  const submitted = page
    .getByRole('alert')
    .filter({ hasText: /Assessment submitted: score \d+, level/ });
  await expect(submitted).toBeVisible();
  const score = (await submitted.textContent())!.match(/score (\d+)/)![1];
  expect(score).toBe(preview);

  // The new score on the maturity card, and one more point in the history, dated today.
  await expect(
    page.getByLabel('Maturity score', { exact: true }),
  ).toContainText(`${score}%`);
  await expect.poll(() => assessmentsInHistory(page)).toBe(before + 1);
  const today = new Date().toISOString().slice(0, 10);
  await expect(page.getByText(/^\d+ assessments?; latest/)).toContainText(
    `latest ${score} on ${today}`,
  );
  // One dot per assessment on the chart.
  await expect(
    page.getByLabel('Maturity score over time').locator('.recharts-line-dot'),
  ).toHaveCount(before + 1);
  await shot('submitted-score-and-history');
});
