import { expect, Page, test } from '@playwright/test';
import { seriousAxeViolations } from './support/axe';
import { lowestChartTextContrast } from './support/chartContrast';
import {
  chooseTheme,
  expectTheme,
  signInAsGuest,
  ThemeId,
} from './support/session';

/** The reliability screens checked with axe, each with what shows that its data has loaded. */
const screens: Array<{
  name: string;
  path: string;
  loaded: (page: Page) => Promise<void>;
}> = [
  {
    name: 'entity Reliability tab',
    path: '/catalog/default/component/checkout-api/reliability',
    loaded: async page => {
      await expect(
        page.getByRole('heading', { name: 'Checkout availability' }),
      ).toBeVisible();
      await expect(
        page.getByText('PRIMARY', { exact: false }).first(),
      ).toBeVisible();
      // The error-budget policy's rules, opened (they are hidden until asked for).
      await page.getByRole('button', { name: /The policy's rules/ }).click();
      await expect(
        page.getByRole('list', { name: /Rules of policy/ }),
      ).toBeVisible();
    },
  },
  {
    // The demo pipelines never ask the gate about it: the policy card links the template in its sentence.
    name: 'entity Reliability tab of a service that does not ask the deploy gate',
    path: '/catalog/default/component/inventory-service/reliability',
    loaded: async page => {
      await expect(
        page
          .getByText(/No pipeline has asked the deploy gate yet/)
          .getByRole('link', { name: 'Ask the deploy gate before deploying' }),
      ).toBeVisible();
    },
  },
  {
    name: 'entity SLOs tab (charts)',
    path: '/catalog/default/component/checkout-api/slos',
    loaded: async page => {
      await expect(page.locator('svg.recharts-surface').first()).toBeVisible();
    },
  },
  {
    name: 'org reliability page',
    path: '/reliability',
    loaded: async page => {
      await expect(page.getByText('Service reliability')).toBeVisible();
      await expect(
        page.getByRole('link', { name: 'Checkout API' }).first(),
      ).toBeVisible();
    },
  },
  {
    name: 'org Teams & systems tab',
    path: '/reliability/summaries',
    loaded: async page => {
      const table = page.getByRole('table', { name: 'Teams' });
      await expect(table.getByRole('row').nth(1)).toBeVisible();
      // Every column fits the window: no horizontal scroll hides the last one.
      const last = await table
        .getByRole('columnheader', { name: 'Worst error budget' })
        .boundingBox();
      expect(last!.x + last!.width).toBeLessThanOrEqual(
        page.viewportSize()!.width,
      );
    },
  },
  {
    name: 'org Postmortems tab',
    path: '/reliability/postmortems',
    loaded: async page => {
      const table = page.getByRole('table', {
        name: 'Postmortem follow-up by team',
      });
      await expect(table.getByRole('row').nth(1)).toBeVisible();
    },
  },
  {
    name: 'org Campaigns tab',
    path: '/reliability/campaigns',
    loaded: async page => {
      const table = page.getByRole('table', { name: 'Campaigns' });
      await expect(table.getByRole('row').nth(1)).toBeVisible();
      // A sortable column says its order once sorted.
      const header = table.getByRole('columnheader', { name: 'Campaign' });
      await header.getByRole('button').click();
      await expect(header).toHaveAttribute('aria-sort', 'ascending');
    },
  },
  {
    name: 'org Trends tab (leaderboard)',
    path: '/reliability/trends',
    loaded: async page => {
      // The demo's trend history is written by a task two minutes after the backend starts; until then the tab says
      // that no snapshot exists yet, so an early test looks again.
      const table = page.getByRole('table', { name: 'Teams by score' });
      await expect(async () => {
        if (!(await table.isVisible())) await page.reload();
        await expect(table.getByRole('row').nth(1)).toBeVisible({
          timeout: 5_000,
        });
      }).toPass({ timeout: 150_000 });
      await expect(page.locator('svg.recharts-surface').first()).toBeVisible();
    },
  },
  {
    name: 'org Monitoring tab (coverage, background work)',
    path: '/reliability/monitoring',
    loaded: async page => {
      await expect(
        page.getByText('Monitoring coverage of the organisation'),
      ).toBeVisible();
      const tasks = page.getByRole('table', { name: 'Background tasks' });
      await expect(
        tasks.getByRole('row', { name: /SLO collection/ }),
      ).toBeVisible();
    },
  },
  {
    name: 'org Architecture tour (map, reading path, learning path)',
    path: '/reliability/tour',
    loaded: async page => {
      await expect(page.getByText(/^Map of /)).toBeVisible();
      // The map's nodes are laid out after the data arrives: wait for a system's node.
      await expect(
        page.getByRole('button', { name: /^Expand/ }).first(),
      ).toBeVisible();
      await expect(
        page.getByRole('heading', { name: /^1\. / }).first(),
      ).toBeVisible();
      await expect(page.getByText('Your learning path')).toBeVisible();
    },
  },
  {
    name: 'group On-call tab',
    path: '/catalog/default/group/checkout-payments/oncall',
    loaded: async page => {
      const onCallNow = page.getByRole('table', { name: 'On call now' });
      await expect(
        onCallNow.getByRole('link', { name: 'Checkout API' }),
      ).toBeVisible();
      await expect(
        page.getByRole('table', { name: 'Load per person (last 90 days)' }),
      ).toBeVisible();
    },
  },
  {
    name: 'group Reliability review tab (SLO review report)',
    path: '/catalog/default/group/checkout-payments/reliability-review',
    loaded: async page => {
      const current = page.getByRole('table', { name: 'Current window' });
      await expect(current.getByRole('row').nth(1)).toBeVisible();
      // Its headers wrap between words only (the Backstage theme broke them inside words: "Attainm ent").
      await expect(
        current.getByRole('columnheader', { name: 'Attainment' }),
      ).toHaveCSS('word-break', 'normal');
    },
  },
  {
    name: 'maturity wizard',
    path: '/catalog/default/component/api-gateway/maturity',
    loaded: async page => {
      await expect(
        page.getByRole('button', { name: 'Review & submit' }),
      ).toBeVisible();
      await expect(
        page.getByRole('button', { name: 'Save draft' }),
      ).toBeVisible();
    },
  },
];

/** WCAG AA for normal-size text, which the charts' axis labels are. */
const MIN_TEXT_CONTRAST = 4.5;

for (const theme of ['light', 'dark'] as ThemeId[]) {
  for (const screen of screens) {
    test(`${screen.name} in the ${theme} theme: no serious or critical axe violations`, async ({
      page,
    }) => {
      // Charts are drawn at once, without their animation, so the screenshot shows them whole (and that setting works).
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await chooseTheme(page, theme);
      await signInAsGuest(page);
      await page.goto(screen.path);
      await screen.loaded(page);
      // Nothing still loading (determinate progress bars, such as error budgets, carry aria-valuenow).
      await expect(
        page.locator('[role="progressbar"]:not([aria-valuenow])'),
      ).toHaveCount(0);
      await expectTheme(page, theme);
      await page.screenshot({
        path: `e2e-screenshots/a11y-${theme}-${screen.path
          .replace(/^\//, '')
          .replace(/[^a-z0-9]+/gi, '-')}.png`,
        fullPage: true,
      });

      expect(await seriousAxeViolations(page)).toEqual([]);

      const charts = page.locator('svg.recharts-surface');
      if ((await charts.count()) > 0) {
        const lowest = await lowestChartTextContrast(page.locator('body'));
        expect(lowest, 'chart text').not.toBeNull();
        expect(
          lowest!.ratio,
          `chart text "${lowest!.text}" (${lowest!.fill} on ${
            lowest!.background
          })`,
        ).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      }
    });
  }
}
