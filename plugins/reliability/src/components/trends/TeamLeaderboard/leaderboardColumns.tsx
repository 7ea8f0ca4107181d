import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  NO_LEVEL,
  TrendLeaderboardEntry,
} from '@internal/backstage-plugin-reliability-common';
import Chip from '@material-ui/core/Chip';
import { compareBy, countColumn, PlainTableColumn } from '../../PlainTable';
import { formatLevel } from '../../checklist/maturityFormat';
import { formatScore } from '../../overview/overviewFormat';
import { formatChange } from '../trendFormat';

/** A leaderboard entry with its place in the ranking shown. */
export type Ranked = TrendLeaderboardEntry & { rank: number };

/**
 * A level's place for sorting: no level first, then the checklist's levels lowest first (`levelIds`, when known),
 * then levels the checklist no longer has; without the checklist, level ids alphabetically after no level.
 */
export function levelRank(
  level: string,
  levelIds: readonly string[] | undefined,
): number | string {
  if (level === NO_LEVEL) return -1;
  if (!levelIds) return level;
  const index = levelIds.indexOf(level);
  return index >= 0 ? index : levelIds.length;
}

/**
 * Columns of the team leaderboard (ranked by score or by improvement, where the change says since when); each
 * sorts on the client, numbers right-aligned; levels sort in the checklist's order (`levelIds`, lowest first).
 */
export function leaderboardColumns(
  by: 'score' | 'improvement',
  levelIds?: readonly string[],
): PlainTableColumn<Ranked>[] {
  return [
    {
      title: '#',
      width: '48px',
      align: 'right',
      sort: compareBy(e => e.rank),
      render: e => e.rank,
    },
    {
      title: 'Team',
      sort: compareBy(e => e.teamRef),
      render: e => (
        <>
          <EntityRefLink entityRef={e.teamRef} defaultKind="group" />
          {e.demo && (
            <>
              {' '}
              <Chip size="small" label="demo data" variant="outlined" />
            </>
          )}
        </>
      ),
    },
    {
      title: 'Score',
      align: 'right',
      sort: compareBy(e => e.score),
      render: e => formatScore(e.score),
    },
    {
      title: 'Level',
      sort: compareBy(e => levelRank(e.level, levelIds)),
      render: e => formatLevel(e.level),
    },
    countColumn('Services', e => e.serviceCount),
    {
      title: 'Change',
      align: 'right',
      sort: compareBy(e => e.improvement),
      render: e =>
        by === 'improvement'
          ? `${formatChange(e.improvement)} since ${e.baselineDay ?? '—'}`
          : formatChange(e.improvement),
    },
  ];
}
