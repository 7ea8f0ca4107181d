import {
  Checklist,
  ExemptionGrant,
  MaturityRollup,
  NO_LEVEL,
} from '@internal/backstage-plugin-reliability-common';
import { LatestEvaluation } from './store/ChecklistStore';

const WEAKEST_CATEGORIES = 3;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One service of a roll-up: its latest evaluation (undefined: never evaluated) and its active exemptions. */
export interface RollupMember {
  evaluation: LatestEvaluation | undefined;
  exemptions: ExemptionGrant[];
}

/** Maturity of one group of services from their latest evaluations and active exemptions. */
export function rollupOf(
  key: string,
  members: RollupMember[],
  checklist: Checklist,
): MaturityRollup {
  const evaluations = members.map(m => m.evaluation);
  const exemptions = members.flatMap(m => m.exemptions);
  const nextExemptionExpiresAt =
    exemptions.map(e => e.expiresAt).sort()[0] ?? null;
  const levels: Record<string, number> = { [NO_LEVEL]: 0 };
  for (const level of checklist.levels) levels[level.id] = 0;
  const scores: number[] = [];
  let notApplicableCount = 0;
  const categorySums = new Map<string, { sum: number; count: number }>();
  for (const evaluation of evaluations) {
    const level = evaluation?.level ?? NO_LEVEL;
    levels[level] = (levels[level] ?? 0) + 1;
    if (evaluation?.score !== null && evaluation?.score !== undefined) {
      scores.push(evaluation.score);
    }
    for (const category of evaluation?.categoryScores ?? []) {
      notApplicableCount += category.notApplicable;
      if (category.score === null) continue;
      const acc = categorySums.get(category.category) ?? { sum: 0, count: 0 };
      acc.sum += category.score;
      acc.count += 1;
      categorySums.set(category.category, acc);
    }
  }
  const titles = new Map(checklist.categories.map(c => [c.id, c.title]));
  const weakestCategories = [...categorySums.entries()]
    .filter(([category]) => titles.has(category))
    .map(([category, { sum, count }]) => ({
      category,
      title: titles.get(category)!,
      averageScore: round1(sum / count),
    }))
    .sort(
      (a, b) =>
        a.averageScore - b.averageScore || a.category.localeCompare(b.category),
    )
    .slice(0, WEAKEST_CATEGORIES);
  return {
    key,
    serviceCount: evaluations.length,
    scoredCount: scores.length,
    levels,
    averageScore:
      scores.length > 0
        ? round1(scores.reduce((a, b) => a + b, 0) / scores.length)
        : null,
    notApplicableCount,
    exemptCount: exemptions.length,
    nextExemptionExpiresAt,
    weakestCategories,
  };
}
