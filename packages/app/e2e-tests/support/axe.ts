import AxeBuilder from '@axe-core/playwright';
import { Page } from '@playwright/test';

/** One line per serious or critical axe violation: rule, impact, help and the first offending elements. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
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
