import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  GroupReliabilitySummary,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import { catalogEntityPages } from '../shared/catalogPages';
import { SERVICE_FIELDS } from './catalogQuery';
import { chunk } from '../shared/chunk';
import { giveWay, nextTurn } from '../shared/giveWay';
import { GroupRollUp, RollUpGroupBy } from './groupSummaries';
import { toServiceRow } from './serviceRows';
import { loadSummaries, OverviewSources } from './sources';

/** Catalog fields a roll-up reads of each service. */
export const ROLLUP_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'spec.owner',
  'spec.system',
];
/**
 * Services per catalog page (and per summaries call of each area) of a pass: the catalog answers a page in one
 * stretch of the event loop (its entities' JSON with annotations), so small pages keep each stretch short for web
 * requests (10,000 services on PostgreSQL: event-loop maximum 13–33 ms with pages of 100, 16–30 ms with 250, 27–49 ms
 * with 1,000; web p50 during a pass at its baseline with 100; docs/benchmarks.md), for more, cheap queries.
 */
const PASS_PAGE_SIZE = 100;
/** Systems per summaries call for the systems' own SLOs. */
const SYSTEM_CHUNK = 1000;

/** The team and system roll-ups of every service of one pass, and how many services it read. */
export interface GroupRollUpPass {
  groups: Record<RollUpGroupBy, GroupReliabilitySummary[]>;
  serviceCount: number;
  /** Whether the walk stopped at `maxServices` with services left unread. */
  truncated: boolean;
}

/**
 * One walk over every catalog Component (pages of 100 unless `pageSize` says otherwise, minimal fields or, with
 * `onPage`, the overview's; with the given credentials) with ONE summaries call per area and page, rolled up by team
 * and by system at once (running counts per group, the services are not kept), then the systems' own SLO summaries
 * in calls of 1000 systems. The refresh pass walks the whole catalog with the plugin's credentials; a request's
 * roll-ups walk what the caller sees, at most `maxServices`. Undefined when `signal` aborts the walk (nothing
 * partial is returned).
 */
export async function computeGroupRollUps(options: {
  catalog: CatalogService;
  sources: OverviewSources;
  credentials: BackstageCredentials;
  signal?: AbortSignal;
  /** Also given every page of services as it is read (with {@link SERVICE_FIELDS}), e.g. to keep an index. */
  onPage?: (entities: Entity[]) => Promise<void>;
  pageSize?: number;
  /** Services read at most (the result then says `truncated`). */
  maxServices?: number;
  /**
   * Awaited between pages: {@link giveWay} (the default) for the background pass; a walk that serves a web request
   * passes {@link nextTurn}, since giveWay would wait for the very request it serves.
   */
  betweenPages?: () => Promise<void>;
}): Promise<GroupRollUpPass | undefined> {
  const { catalog, sources, credentials, signal, onPage } = options;
  const byTeam = new GroupRollUp({ by: 'team' });
  const bySystem = new GroupRollUp({ by: 'system' });
  let serviceCount = 0;
  let truncated = false;
  const pages = catalogEntityPages(
    catalog,
    {
      filter: { kind: 'component' },
      fields: onPage ? SERVICE_FIELDS : ROLLUP_FIELDS,
      pageSize: options.pageSize ?? PASS_PAGE_SIZE,
      maxEntities: options.maxServices,
      onCapped: () => {
        truncated = true;
      },
    },
    credentials,
  );
  for await (const entities of pages) {
    if (signal?.aborted) return undefined;
    await onPage?.(entities);
    const summaries = await loadSummaries(
      sources,
      entities.map(e => entityRefKey(e)),
    );
    for (const entity of entities) {
      const row = toServiceRow(entity, new Map(), summaries);
      byTeam.add(row);
      bySystem.add(row);
    }
    serviceCount += entities.length;
    await (options.betweenPages ?? giveWay)();
  }
  const systemSlos = new Map<string, SloSummary>();
  if (sources.slo) {
    for (const refs of chunk(bySystem.groupRefs(), SYSTEM_CHUNK)) {
      if (signal?.aborted) return undefined;
      for (const [ref, summary] of await sources.slo.getSummaries(refs)) {
        systemSlos.set(ref, summary);
      }
    }
  }
  return {
    groups: { team: byTeam.result(), system: bySystem.result(systemSlos) },
    serviceCount,
    truncated,
  };
}
