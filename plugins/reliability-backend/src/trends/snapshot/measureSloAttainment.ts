import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  entityRefKey,
  hasSloDefinitions,
} from '@internal/backstage-plugin-reliability-common';
import { catalogEntityPages } from '../../shared/catalogPages';
import { relationRef } from '../../shared/relationRef';
import { SloWindowMet, TrendsSloStateSource } from '../sources';
import { SloSnapshotRow } from '../store/TrendsStore';
import { giveWay } from '../../shared/giveWay';

/** Team key of the whole organisation's SLO rows. */
export const ORG = 'org';

/** Label of an SLO's window in the snapshots: `28d rolling`, `1M calendar`. */
export function windowLabel({ window }: SloWindowMet): string {
  return `${window.label} ${window.kind}`;
}

/**
 * Today's SLO attainment per owning team and SLO window (and for the whole org): how many SLOs, how many have a
 * last window with data, and how many met their target over it (`lastWindow.met` of each SLO's newest state,
 * as the SLO area computed it), read one catalog page of entities at a time. Entities whose SLOs cannot be read
 * are left out.
 */
export async function measureSloAttainment(options: {
  catalog: CatalogService;
  slos: TrendsSloStateSource;
  credentials: BackstageCredentials;
  onError?: (entityRef: string, error: unknown) => void;
}): Promise<SloSnapshotRow[]> {
  const { catalog, slos, credentials, onError } = options;
  const counts = new Map<string, SloSnapshotRow>();
  const count = (teamRef: string, window: string, met: boolean | null) => {
    const key = `${teamRef}\n${window}`;
    const row = counts.get(key) ?? {
      teamRef,
      window,
      sloCount: 0,
      measuredCount: 0,
      metCount: 0,
    };
    row.sloCount += 1;
    if (met !== null) row.measuredCount += 1;
    if (met === true) row.metCount += 1;
    counts.set(key, row);
  };
  for await (const page of catalogEntityPages(
    catalog,
    {
      filter: [
        {
          [`metadata.annotations.${ANNOTATIONS.sloDefinitions}`]:
            CATALOG_FILTER_EXISTS,
        },
        {
          [`metadata.annotations.${ANNOTATIONS.sloInline}`]:
            CATALOG_FILTER_EXISTS,
        },
      ],
      // What the SLO area reads to resolve and evaluate SLO definitions (as its own refresh does).
      fields: ['kind', 'metadata', 'spec.type', 'spec.owner'],
      pageSize: 100,
    },
    credentials,
  )) {
    const withSlos = page.filter(hasSloDefinitions);
    if (withSlos.length === 0) continue;
    await giveWay();
    let read: Map<string, SloWindowMet[]>;
    try {
      read = await slos.getEntitiesLastWindows(withSlos);
    } catch (error) {
      for (const entity of withSlos) onError?.(entityRefKey(entity), error);
      continue;
    }
    for (const entity of withSlos) {
      const response = read.get(entityRefKey(entity));
      if (!response) {
        onError?.(entityRefKey(entity), new Error('no SLO states returned'));
        continue;
      }
      const team = relationRef(
        entity.spec?.owner,
        'group',
        entity.metadata.namespace ?? 'default',
      );
      for (const slo of response) {
        const window = windowLabel(slo);
        if (team) count(team, window, slo.met);
        count(ORG, window, slo.met);
      }
    }
  }
  return [...counts.values()].sort(
    (a, b) =>
      a.teamRef.localeCompare(b.teamRef) || a.window.localeCompare(b.window),
  );
}
