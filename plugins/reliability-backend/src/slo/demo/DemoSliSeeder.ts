import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { chunk } from '../../shared/chunk';
import { CompletableDemoSeeder } from '../../shared/demoSeeding';
import { Refresher } from '../../shared/refresher';
import {
  EMBEDDED_SLI_TYPE,
  embeddedSliName,
} from '../embedded/EmbeddedSliProvider';
import { SliEventStore } from '../embedded/SliEventStore';
import { metricSourceType, primaryObjective } from '../evaluation/sloFacts';
import { listSloEntities } from '../sloEntities';
import { SloDefinitionSource } from '../SloDefinitionSource';
import {
  DEMO_PROFILES,
  DemoProfile,
  demoIntervalCounts,
  demoIntervals,
} from './demoTraffic';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** How much history the first run writes. */
export const DEMO_HISTORY_DAYS = 30;
const WRITE_BATCH = 1000;

/** One embedded SLI of the demo catalog to keep fed with synthetic traffic. */
export interface DemoSli {
  entityRef: string;
  sli: string;
  target: number;
  profile: DemoProfile;
}

function profileOf(spec: Record<string, unknown> | undefined): DemoProfile {
  const value = spec?.demoProfile;
  return DEMO_PROFILES.includes(value as DemoProfile)
    ? (value as DemoProfile)
    : 'healthy';
}

/**
 * DEMO ONLY (enabled by `reliability.demo.seedSliEvents: true`): writes deterministic synthetic event counts
 * for every embedded SLI of the catalog through the SLI event store (the same store the ingest API writes):
 * the last 30 days on first run, then whatever time has passed since the last run. The SLO metric source
 * spec may set `demoProfile: healthy | burning | paging`. Data shows as "embedded (demo data)".
 */
export class DemoSliSeeder implements CompletableDemoSeeder {
  /** A pass found the catalog's embedded SLIs all with their history (the pass after their backfill). */
  private complete = false;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      /** Run right after a first backfill, so the fresh history shows without waiting for the next refresh. */
      refresher: Refresher;
      loader: SloDefinitionSource;
      eventStore: SliEventStore;
      logger: LoggerService;
      now: () => Date;
    },
  ) {}

  /** One seeding pass (the seeder's scheduled task): appends synthetic intervals up to now. Never throws. */
  async run(signal?: AbortSignal): Promise<void> {
    try {
      const slis = await this.listDemoSlis();
      const backfilled = await this.seed(slis);
      if (backfilled > 0 && !signal?.aborted) {
        // Fresh demo history: collect right away instead of waiting for the next refresh.
        await this.deps.refresher.run(signal);
      }
      if (slis.length > 0 && backfilled === 0) {
        this.complete = true;
      }
    } catch (error) {
      this.deps.logger.warn(`Demo SLI seeding failed: ${error}`);
    }
  }

  isComplete(): boolean {
    return this.complete;
  }

  /** The embedded SLIs of SLO-annotated catalog entities. */
  async listDemoSlis(): Promise<DemoSli[]> {
    const slis = new Map<string, DemoSli>();
    const entities = await listSloEntities(this.deps.catalog, this.deps.auth);
    for (const entity of entities) {
      const entityRef = entityRefKey(entity);
      const { definitions } = await this.deps.loader.load(entity);
      for (const slo of definitions) {
        if (metricSourceType(slo.indicator) !== EMBEDDED_SLI_TYPE) continue;
        const sli = embeddedSliName(slo.indicator);
        const source =
          slo.indicator.ratio?.total ?? slo.indicator.threshold?.metricSource;
        const key = `${entityRef}#${sli}`;
        if (!slis.has(key)) {
          slis.set(key, {
            entityRef,
            sli,
            target: primaryObjective(slo).target,
            profile: profileOf(source?.spec),
          });
        }
      }
    }
    return [...slis.values()];
  }

  /**
   * Appends synthetic intervals up to the current minute for each SLI; returns how many SLIs got their
   * first (30-day) history in this call.
   */
  async seed(slis: DemoSli[]): Promise<number> {
    const now = this.deps.now().getTime();
    const to = now - (now % MINUTE_MS);
    let backfilled = 0;
    for (const demo of slis) {
      const extent = await this.deps.eventStore.getExtent(
        demo.entityRef,
        demo.sli,
      );
      const historyStart = to - DEMO_HISTORY_DAYS * DAY_MS;
      const from = extent
        ? extent.lastEnd.getTime()
        : historyStart - (historyStart % HOUR_MS);
      // The incident of the paging/burning profiles is anchored where the demo history began + 30 days.
      const incidentAt =
        (extent ? extent.firstStart.getTime() : from) +
        DEMO_HISTORY_DAYS * DAY_MS;
      const intervals = demoIntervals(from, to);
      for (const batch of chunk(intervals, WRITE_BATCH)) {
        await this.deps.eventStore.writeEvents(
          demo.entityRef,
          demo.sli,
          batch.map(({ start, end }) => ({
            start: new Date(start),
            end: new Date(end),
            ...demoIntervalCounts({
              sliKey: `${demo.entityRef}#${demo.sli}`,
              profile: demo.profile,
              target: demo.target,
              start,
              end,
              incidentAt,
            }),
          })),
        );
      }
      if (!extent && intervals.length > 0) backfilled += 1;
    }
    return backfilled;
  }
}
