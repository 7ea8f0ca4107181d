import AxeBuilder from '@axe-core/playwright';
import { Page } from '@playwright/test';

/**
 * Parts of the page that are not the suite's, left out of the check: Backstage's NotificationsSidebarItem
 * names its link "Notifications" while it shows the unread count too (axe: label-content-name-mismatch).
 */
const NOT_OURS = ['nav[aria-label="sidebar nav"] a[href="/notifications"]'];

/**
 * One line per serious or critical axe violation (WCAG 2.1 A and AA rules): rule, impact, help and the first
 * offending elements.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
  ]);
  for (const selector of NOT_OURS) {
    builder = builder.exclude(selector);
  }
  const results = await builder.analyze();
  return results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(
      v =>
        `${v.id} (${v.impact}): ${v.help}; ${
          v.nodes.length
        } element(s): ${v.nodes
          .slice(0, 5)
          .map(
            n =>
              `${n.target.join(' ')} ${n.html.slice(0, 160)}${
                n.failureSummary
                  ? ` [${n.failureSummary.replace(/\s+/g, ' ')}]`
                  : ''
              }`,
          )
          .join(' | ')}`,
    );
}
