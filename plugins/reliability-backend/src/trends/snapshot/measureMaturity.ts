import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  RollupDimension,
} from '@internal/backstage-plugin-reliability-common';
import { catalogEntityPages } from '../../shared/catalogPages';
import { chunk } from '../../shared/chunk';
import { TrendsMaturitySource, TrendsRollupSource } from '../sources';
import { MaturitySnapshotRow } from '../store/TrendsStore';
import { groupLevel } from './groupLevel';
import { giveWay } from '../../shared/giveWay';

/** Key of the roll-ups' group of services without an owner, system or domain (not a scope of its own). */
const UNASSIGNED = 'unassigned';
const DIMENSIONS: RollupDimension[] = ['team', 'system', 'domain', 'org'];
const SUMMARY_BATCH = 500;

/**
 * Today's maturity of every scope: each catalog Component with an evaluation (its score and level, from the
 * checklist's summaries) and every team, system, domain and the org (from the checklist's roll-ups, with the
 * level at least half of the group's services reached).
 */
export async function measureMaturity(options: {
  catalog: CatalogService;
  maturity: TrendsMaturitySource;
  rollups: TrendsRollupSource;
  credentials: BackstageCredentials;
}): Promise<MaturitySnapshotRow[]> {
  const { catalog, maturity, rollups, credentials } = options;
  const rows: MaturitySnapshotRow[] = [];
  for await (const page of catalogEntityPages(
    catalog,
    {
      filter: { kind: 'component' },
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
    },
    credentials,
  )) {
    for (const refs of chunk(page.map(entityRefKey), SUMMARY_BATCH)) {
      await giveWay();
      const summaries = await maturity.getSummaries(refs);
      for (const ref of refs) {
        const summary = summaries.get(ref);
        if (!summary) continue;
        rows.push({
          scope: 'entity',
          scopeRef: ref,
          score: summary.score,
          level: summary.level,
          serviceCount: 1,
          scoredCount: summary.score === null ? 0 : 1,
        });
      }
    }
  }
  for (const by of DIMENSIONS) {
    const response = await rollups.getRollups(by, credentials);
    for (const rollup of response.rollups) {
      if (rollup.key === UNASSIGNED) continue;
      rows.push({
        scope: by,
        scopeRef: rollup.key,
        score: rollup.averageScore,
        level: groupLevel(rollup.levels, maturity.checklist),
        serviceCount: rollup.serviceCount,
        scoredCount: rollup.scoredCount,
      });
    }
  }
  return rows;
}
