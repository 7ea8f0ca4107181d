import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import {
  catalogEntityPages,
  queryAllEntities,
} from '../../shared/catalogPages';
import {
  COMPONENT_GROUP_FIELDS,
  domainsOfSystems,
  SYSTEM_DOMAIN_FIELDS,
} from '../../shared/componentGroups';
import { giveWay } from '../../shared/giveWay';
import { TrendsMaturitySource } from '../sources';
import { MaturitySnapshotRow } from '../store/TrendsStore';
import { MaturityGroupTally } from './maturityGroupTally';

/**
 * Components per catalog page, and so per read of their summaries: a page of 500 (the catalog's answer, then its
 * summaries) held the event loop of a single-process SQLite install for 50-100 ms at 10,000 services.
 */
const PAGE_SIZE = 200;

/**
 * Today's maturity of every scope in one walk of the catalog's components: each component with an evaluation
 * (its score and level, from the checklist's summaries) and every team, system, domain and the org (counted while
 * walking, with the numbers of the checklist's roll-ups and the level at least half of the group's services
 * reached).
 */
export async function measureMaturity(options: {
  catalog: CatalogService;
  maturity: TrendsMaturitySource;
  credentials: BackstageCredentials;
}): Promise<MaturitySnapshotRow[]> {
  const { catalog, maturity, credentials } = options;
  const systems = await queryAllEntities(
    catalog,
    { filter: { kind: 'system' }, fields: SYSTEM_DOMAIN_FIELDS },
    credentials,
  );
  const groups = new MaturityGroupTally(domainsOfSystems(systems));
  const rows: MaturitySnapshotRow[] = [];
  for await (const page of catalogEntityPages(
    catalog,
    {
      filter: { kind: 'component' },
      fields: COMPONENT_GROUP_FIELDS,
      pageSize: PAGE_SIZE,
    },
    credentials,
  )) {
    await giveWay();
    const summaries = await maturity.getSummaries(page.map(entityRefKey));
    for (const component of page) {
      const ref = entityRefKey(component);
      const summary = summaries.get(ref);
      groups.add(component, summary);
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
  rows.push(...groups.rows(maturity.checklist));
  return rows;
}
