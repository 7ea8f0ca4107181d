import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { catalogEntityPages } from '../shared/catalogPages';
import { chunk } from '../shared/chunk';
import { Refresher } from '../shared/refresher';
import { ExemptionService } from './exemptions/ExemptionService';
import { MaturityService } from './MaturityService';
import { ChecklistStore } from './store/ChecklistStore';
import { giveWay } from '../shared/giveWay';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Entities per catalog page. */
const BATCH = 200;
/**
 * Entities evaluated per round of summary reads. On SQLite a round's reads, scoring and writes run on the event
 * loop without a break (the queries answer at once), so a round of 200 held web requests up for 120-280 ms at
 * 10,000 services; a round of 50 for about a quarter of that.
 */
const EVALUATION_GROUP = 50;
/** Kinds that get a maturity assessment (those with a Reliability tab). */
export const ASSESSED_KINDS = ['component', 'system', 'resource'];

/** Outcome of one refresh run. */
export interface ChecklistRefreshResult {
  evaluated: number;
  /** Entities whose checklist data retention deleted; empty when the run was aborted. */
  purged: string[];
}

/** Options of {@link ChecklistRefresher}. */
export interface ChecklistRefresherOptions {
  catalog: CatalogService;
  auth: AuthService;
  service: MaturityService;
  store: ChecklistStore;
  /** Closes ended exemptions and applies their history retention. */
  exemptions: Pick<ExemptionService, 'closeEndedAndApplyRetention'>;
  logger: LoggerService;
  retentionDays: number;
  now: () => Date;
}

/**
 * The checklist's background job: closes exemptions that ended (and deletes old closed ones), re-evaluates every assessable entity (answers expire and automatic data changes
 * over time), one catalog page at a time, then deletes the checklist data of entities that have been gone from the
 * catalog for longer than the retention period. Reads the catalog with the plugin's own credentials.
 */
export class ChecklistRefresher implements Refresher {
  private readonly options: ChecklistRefresherOptions;

  constructor(options: ChecklistRefresherOptions) {
    this.options = options;
  }

  async run(signal?: AbortSignal): Promise<ChecklistRefreshResult> {
    const {
      catalog,
      auth,
      service,
      store,
      exemptions,
      logger,
      retentionDays,
      now,
    } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    // Exemptions that ended stop counting in the evaluations below; owners hear about the expiry once.
    await exemptions.closeEndedAndApplyRetention();
    const refs: string[] = [];
    let evaluated = 0;
    const pages = catalogEntityPages(
      catalog,
      {
        filter: { kind: ASSESSED_KINDS },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
        pageSize: BATCH,
      },
      credentials,
    );
    for await (const page of pages) {
      if (signal?.aborted) {
        // Retention needs every present entity: a partial run must not purge anything.
        return { evaluated, purged: [] };
      }
      const pageRefs = page.map(e => entityRefKey(e));
      refs.push(...pageRefs);
      for (const group of chunk(pageRefs, EVALUATION_GROUP)) {
        await giveWay();
        evaluated += await service.refresh(group);
      }
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
}
