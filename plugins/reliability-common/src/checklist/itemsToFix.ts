import type { ItemContribution, ScoreExplanation } from './scoring';

// A module of its own: the entity page's maturity card needs only this, not the scoring (webpack copies whole
// modules into each lazy chunk).

/**
 * The items most worth fixing first: blockers of the next level, then every other item that does not pass,
 * each group by the weight it loses (largest first).
 *
 * @public
 */
export function itemsToFix(
  explanation: ScoreExplanation,
  limit: number,
): ItemContribution[] {
  const blocking = new Set(explanation.blockingNextLevel);
  const lost = (i: ItemContribution) => i.weight - i.earned;
  return explanation.items
    .filter(i => !i.passes && i.status !== 'unknown')
    .sort(
      (a, b) =>
        Number(blocking.has(b.itemId)) - Number(blocking.has(a.itemId)) ||
        lost(b) - lost(a) ||
        a.itemId.localeCompare(b.itemId),
    )
    .slice(0, Math.max(0, limit));
}
