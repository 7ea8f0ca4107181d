import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { queryAllEntities } from './catalogPages';
import { MaturityService } from './MaturityService';
import { ChecklistStore } from './store/ChecklistStore';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Entities evaluated per round of summary reads. */
const BATCH = 200;
/** Kinds that get a maturity assessment (those with a Reliability tab). */
export const ASSESSED_KINDS = ['component', 'system', 'resource'];

/**
 * One run of the checklist's background work:
 * re-evaluates every assessable entity (answers expire and automatic data changes over time), then deletes
 * the checklist data of entities that have been gone from the catalog for longer than the retention period.
 */
export async function runChecklistRefresh(options: {
  catalog: CatalogService;
  auth: AuthService;
  service: MaturityService;
  store: ChecklistStore;
  logger: LoggerService;
  retentionDays: number;
  now: () => Date;
}): Promise<{ evaluated: number; purged: string[] }> {
  const { catalog, auth, service, store, logger, retentionDays, now } = options;
  const credentials = await auth.getOwnServiceCredentials();
  const entities = await queryAllEntities(
    catalog,
    {
      filter: { kind: ASSESSED_KINDS },
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
    },
    credentials,
  );
  const refs = entities.map(e =>
    stringifyEntityRef(e).toLocaleLowerCase('en-US'),
  );

  let evaluated = 0;
  for (let i = 0; i < refs.length; i += BATCH) {
    evaluated += await service.refresh(refs.slice(i, i + BATCH));
  }

  const at = now();
  const purged = await store.applyRetention({
    presentEntityRefs: new Set(refs),
    now: at,
    purgeBefore: new Date(at.getTime() - retentionDays * DAY_MS),
  });
  if (purged.length > 0) {
    logger.info(
      `Deleted checklist history of ${purged.length} entities gone from the catalog for over ${retentionDays} days`,
    );
  }
  return { evaluated, purged };
}
