import { Entity } from '@backstage/catalog-model';
import {
  Checklist,
  MaturitySummary,
  NO_LEVEL,
  RollupDimension,
} from '@internal/backstage-plugin-reliability-common';
import { groupKeyOf, UNASSIGNED } from '../../shared/componentGroups';
import { MaturitySnapshotRow } from '../store/TrendsStore';
import { groupLevel } from './groupLevel';

const DIMENSIONS: RollupDimension[] = ['team', 'system', 'domain', 'org'];

interface GroupCounts {
  serviceCount: number;
  scores: number[];
  levels: Record<string, number>;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Running counts of every team, system, domain and the org while the catalog's components are read page by
 * page: services, scores and services per level of each group (no service is kept). Its rows carry the numbers of
 * the checklist's roll-ups (`GET /rollups`): the average score rounded to one decimal, the level at least half of
 * the group's services reached.
 */
export class MaturityGroupTally {
  private readonly groups = new Map<RollupDimension, Map<string, GroupCounts>>(
    DIMENSIONS.map(by => [by, new Map()]),
  );

  constructor(
    private readonly domainOfSystem: Map<string, string | undefined>,
  ) {}

  /** Counts a component (read with `COMPONENT_GROUP_FIELDS`) and its summary (undefined: never evaluated). */
  add(component: Entity, summary: MaturitySummary | undefined): void {
    for (const by of DIMENSIONS) {
      const key = groupKeyOf(component, by, this.domainOfSystem);
      if (key === UNASSIGNED) continue;
      const groups = this.groups.get(by)!;
      let counts = groups.get(key);
      if (!counts) {
        counts = { serviceCount: 0, scores: [], levels: {} };
        groups.set(key, counts);
      }
      counts.serviceCount += 1;
      if (summary?.score !== null && summary?.score !== undefined) {
        counts.scores.push(summary.score);
      }
      const level = summary?.level ?? NO_LEVEL;
      counts.levels[level] = (counts.levels[level] ?? 0) + 1;
    }
  }

  /** One row per group, dimension by dimension, groups in key order. */
  rows(checklist: Pick<Checklist, 'levels'>): MaturitySnapshotRow[] {
    const rows: MaturitySnapshotRow[] = [];
    for (const by of DIMENSIONS) {
      const groups = [...this.groups.get(by)!.entries()].sort(([a], [b]) =>
        a.localeCompare(b),
      );
      for (const [key, { serviceCount, scores, levels }] of groups) {
        rows.push({
          scope: by,
          scopeRef: key,
          score:
            scores.length > 0
              ? round1(scores.reduce((a, b) => a + b, 0) / scores.length)
              : null,
          level: groupLevel(levels, checklist),
          serviceCount,
          scoredCount: scores.length,
        });
      }
    }
    return rows;
  }
}
