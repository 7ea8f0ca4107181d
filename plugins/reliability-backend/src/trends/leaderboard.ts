import { TrendLeaderboardEntry } from '@internal/backstage-plugin-reliability-common';
import { MaturitySnapshotRow, Stored } from './store/TrendsStore';

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Ranks teams from their latest snapshot and their oldest one in the improvement period: `byScore` has the
 * teams with a score, highest first; `byImprovement` the teams with a baseline before the latest day, largest
 * gain first. Ties are broken by team ref; each list has at most `limit` entries.
 */
export function rankTeams(
  latest: Stored<MaturitySnapshotRow>[],
  baselines: Stored<MaturitySnapshotRow>[],
  limit: number,
): {
  byScore: TrendLeaderboardEntry[];
  byImprovement: TrendLeaderboardEntry[];
} {
  const baselineOf = new Map(baselines.map(row => [row.scopeRef, row]));
  const entries: TrendLeaderboardEntry[] = latest.map(row => {
    const base = baselineOf.get(row.scopeRef);
    const baseline = base && base.day < row.day ? base : undefined;
    const improvement =
      row.score !== null && baseline && baseline.score !== null
        ? round1(row.score - baseline.score)
        : null;
    return {
      teamRef: row.scopeRef,
      score: row.score,
      level: row.level,
      serviceCount: row.serviceCount,
      baselineDay: baseline?.day ?? null,
      baselineScore: baseline?.score ?? null,
      improvement,
      demo: row.demo || Boolean(baseline?.demo),
    };
  });
  const byRef = (a: TrendLeaderboardEntry, b: TrendLeaderboardEntry) =>
    a.teamRef.localeCompare(b.teamRef);
  return {
    byScore: entries
      .filter(e => e.score !== null)
      .sort((a, b) => b.score! - a.score! || byRef(a, b))
      .slice(0, limit),
    byImprovement: entries
      .filter(e => e.improvement !== null)
      .sort((a, b) => b.improvement! - a.improvement! || byRef(a, b))
      .slice(0, limit),
  };
}
