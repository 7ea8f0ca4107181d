import {
  AuthService,
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { SliEventStore } from './embedded/SliEventStore';
import { SloService } from './SloService';
import { SloStore } from './store/SloStore';

const PAGE_SIZE = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Fields of catalog entities the collector needs (resolving files needs the source-location annotations). */
const ENTITY_FIELDS = ['kind', 'metadata', 'spec.type', 'spec.owner'];

/** Collection settings (from `reliability.slo.*`). */
export interface SloCollectorOptions {
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Days SLO snapshots are kept. */
  retentionDays: number;
  /** Days embedded SLI events are kept (default 400: beyond the longest SLO window of 366 days). */
  sliEventsRetentionDays?: number;
}

/** Default of `reliability.slo.retention.sliEventsDays`. */
export const DEFAULT_SLI_EVENTS_RETENTION_DAYS = 400;
/** Longest SLO window the validator accepts, in days. */
const LONGEST_WINDOW_DAYS = 366;

/**
 * The scheduled SLO collection: walks catalog entities that declare SLOs, collects each SLO's state from
 * its SLI provider and stores a snapshot; then applies retention (old snapshots and SLI events, data of
 * entities no longer in the catalog). Failures are logged and kept per SLO; the task itself never throws.
 */
export class SloCollector {
  constructor(
    private readonly deps: {
      auth: AuthService;
      catalog: CatalogService;
      scheduler: SchedulerService;
      logger: LoggerService;
      service: SloService;
      store: SloStore;
      eventStore: SliEventStore;
      now: () => Date;
      options: SloCollectorOptions;
    },
  ) {}

  async start(): Promise<void> {
    if (this.sliEventsRetentionDays() < LONGEST_WINDOW_DAYS) {
      this.deps.logger.warn(
        `reliability.slo.retention.sliEventsDays is ${this.sliEventsRetentionDays()}: SLOs with windows longer than that will undercount embedded SLI events`,
      );
    }
    await this.deps.scheduler.scheduleTask({
      id: 'reliability-slo-collection',
      scope: 'global',
      ...this.deps.options.schedule,
      fn: () => this.run(),
    });
  }

  /** One collection pass over every SLO-annotated entity, then retention. */
  async run(): Promise<void> {
    const { logger } = this.deps;
    let entities: Entity[];
    try {
      entities = await this.listSloEntities();
    } catch (error) {
      logger.error(`SLO collection could not list catalog entities: ${error}`);
      return;
    }
    let failures = 0;
    for (const entity of entities) {
      try {
        await this.deps.service.collectEntity(entity);
      } catch (error) {
        failures += 1;
        logger.warn(
          `SLO collection failed for ${stringifyEntityRef(entity)}: ${error}`,
        );
      }
    }
    logger.info(
      `SLO collection: ${entities.length} entities, ${failures} failed`,
    );
    try {
      await this.applyRetention(
        new Set(
          entities.map(e => stringifyEntityRef(e).toLocaleLowerCase('en-US')),
        ),
      );
    } catch (error) {
      logger.warn(`SLO retention failed: ${error}`);
    }
  }

  private sliEventsRetentionDays(): number {
    return (
      this.deps.options.sliEventsRetentionDays ??
      DEFAULT_SLI_EVENTS_RETENTION_DAYS
    );
  }

  private async applyRetention(catalogRefs: Set<string>): Promise<void> {
    const now = this.deps.now().getTime();
    const cutoff = new Date(now - this.deps.options.retentionDays * DAY_MS);
    // SLI events feed SLO windows (up to 366 days), so they have their own, longer retention.
    const eventsCutoff = new Date(now - this.sliEventsRetentionDays() * DAY_MS);
    const snapshots = await this.deps.store.deleteSnapshotsOlderThan(cutoff);
    const events = await this.deps.eventStore.deleteOlderThan(eventsCutoff);
    const gone = (await this.deps.store.listEntityRefs()).filter(
      ref => !catalogRefs.has(ref),
    );
    await this.deps.store.deleteEntities(gone);
    const goneEvents = await this.deps.eventStore.deleteEntitiesNotIn(
      catalogRefs,
    );
    if (snapshots + events + gone.length + goneEvents > 0) {
      this.deps.logger.info(
        `SLO retention: deleted ${snapshots} snapshots older than ${cutoff.toISOString()}, ` +
          `${events} SLI intervals older than ${eventsCutoff.toISOString()}; ` +
          `${gone.length} entities and ${goneEvents} SLI intervals no longer in the catalog`,
      );
    }
  }

  /** Every catalog entity carrying one of the SLO annotations, page by page. */
  async listSloEntities(): Promise<Entity[]> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const byRef = new Map<string, Entity>();
    let cursor: string | undefined;
    do {
      const response = await this.deps.catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE, fields: ENTITY_FIELDS }
          : {
              // An array of filters matches entities satisfying any of them.
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
              limit: PAGE_SIZE,
              fields: ENTITY_FIELDS,
            },
        { credentials },
      );
      for (const entity of response.items) {
        byRef.set(stringifyEntityRef(entity), entity);
      }
      cursor = response.pageInfo.nextCursor;
    } while (cursor);
    return [...byRef.values()];
  }
}
