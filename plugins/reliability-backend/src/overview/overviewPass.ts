import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { countEntities } from '../shared/catalogPages';
import { computeGroupRollUps } from './groupRollUpPass';
import {
  ServicesIndexSync,
  ServicesIndexSyncResult,
} from './servicesIndex/ServicesIndexSync';
import { OverviewSources } from './sources';
import { OverviewStore } from './store/OverviewStore';
import { ServicesIndexStore } from './store/ServicesIndexStore';

/** What one pass stored: services walked, team and system groups, and what it did to the services index. */
export interface OverviewPassResult {
  serviceCount: number;
  teams: number;
  systems: number;
  servicesIndex?: ServicesIndexSyncResult;
}

/** How many Components the catalog holds for `credentials`: ONE count query, no rows. */
export async function countCatalogServices(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<number> {
  return countEntities(catalog, { filter: { kind: 'component' } }, credentials);
}

/**
 * One refresh pass of the overview: every service of the catalog read with `credentials` (the plugin's own), rolled
 * up by team and by system and stored in one transaction that replaces the previous pass, and (with a services
 * index) synchronised into the services index page by page, whose services no longer in the catalog are deleted
 * once the walk is complete. Nothing is stored of the roll-ups, and nothing deleted from the index, when `signal`
 * aborts the pass. The index's pass is recorded with the time the walk started (services added during the walk
 * may be missed until the next pass); its first pass only if the catalog's count of services did not change during
 * it (see {@link ServicesIndexSync.finish}).
 */
export async function runOverviewPass(options: {
  catalog: CatalogService;
  sources: OverviewSources;
  rollUps: OverviewStore;
  servicesIndex?: ServicesIndexStore;
  credentials: BackstageCredentials;
  signal?: AbortSignal;
  now: () => Date;
}): Promise<OverviewPassResult | undefined> {
  const { catalog, sources, rollUps, servicesIndex, credentials, signal, now } =
    options;
  const startedAt = now();
  const sync = servicesIndex
    ? new ServicesIndexSync({ store: servicesIndex })
    : undefined;
  const firstPass =
    servicesIndex !== undefined && !(await servicesIndex.lastPass());
  await sync?.start(catalog, credentials);
  const pass = await computeGroupRollUps({
    catalog,
    sources,
    credentials,
    signal,
    onPage: sync && (entities => sync.addPage(entities)),
  });
  if (!pass || signal?.aborted) return undefined;
  const indexResult = await sync?.finish(startedAt, {
    // The first pass is trusted only if the catalog held as many services at its end as it walked: right after the
    // catalog's first start it is still processing its locations, and a partial first index would answer.
    settled: firstPass
      ? async walked =>
          (await countCatalogServices(catalog, credentials)) === walked
      : undefined,
  });
  await rollUps.replaceRollUps(pass.groups, now());
  return {
    serviceCount: pass.serviceCount,
    teams: pass.groups.team.length,
    systems: pass.groups.system.length,
    servicesIndex: indexResult,
  };
}
