import { SloReportLevelBlockers } from './api';

/**
 * Titles as a phrase: "A", "A and B", "A, B and C", "A, B, C and 2 more" (with `or` for alternatives).
 *
 * @public
 */
export function titleList(
  items: string[],
  more: number,
  conjunction: 'and' | 'or' = 'and',
): string {
  const all = more > 0 ? [...items, `${more} more`] : items;
  if (all.length <= 1) return all.join('');
  return `${all.slice(0, -1).join(', ')} ${conjunction} ${all[all.length - 1]}`;
}

/**
 * Said once beside a list of {@link heldBackText} lines where one names automatic checks as alternatives (`source`
 * `automatic`: an assessment recorded before its blockers were kept).
 *
 * @public
 */
export const HELD_BACK_AUTOMATIC_NOTE =
  'Assessments recorded before December 2026 keep their answers but not the results of their automatic checks: where every answer of the next level was met, one or more of the automatic checks named did not pass (failed or had no data).';

/**
 * One line saying what kept a checklist assessment from the next level, for the review report's card, Markdown
 * and CSV: "Intermediate: Runbooks linked and On-call rotation not met", or "Beginner: an automatic check did not
 * pass (SLO defined or Two people on call)" (see {@link HELD_BACK_AUTOMATIC_NOTE}). `level` is the next level as
 * the caller shows levels (its id or its title).
 *
 * @public
 */
export function heldBackText(
  blockers: SloReportLevelBlockers,
  level: string,
): string {
  const { items, more } = blockers;
  if (blockers.source !== 'automatic') {
    return `${level}: ${titleList(items, more, 'and')} not met`;
  }
  if (items.length + more === 1) {
    return `${level}: automatic check ${items[0]} did not pass`;
  }
  return `${level}: an automatic check did not pass (${titleList(
    items,
    more,
    'or',
  )})`;
}
