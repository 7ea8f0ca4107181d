import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { HumanDuration } from '@backstage/types';
import { OnCallService, ONCALL_ANNOTATIONS } from './OnCallService';
import { OnCallStore } from './OnCallStore';
import { ScheduleAsCodeProvider } from './scheduleAsCode/ScheduleAsCodeProvider';

/** Days of shift history kept for the team load. */
export const SHIFT_RETENTION_DAYS = 90;
const CONCURRENCY = 4;
const ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
];

/**
 * Keeps `oncall_latest` and `oncall_shifts` up to date for every entity with on-call annotations,
 * fills the shift history of schedule-as-code entities, and removes data of entities gone from the catalog.
 */
export class OnCallRefresher {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      scheduler: SchedulerService;
      logger: LoggerService;
      service: OnCallService;
      store: OnCallStore;
      builtIn: ScheduleAsCodeProvider;
      now: () => Date;
      frequency: HumanDuration;
    },
  ) {}

  async schedule(): Promise<void> {
    await this.options.scheduler.scheduleTask({
      id: 'reliability-oncall-refresh',
      scope: 'global',
      frequency: this.options.frequency,
      timeout: { minutes: 10 },
      initialDelay: { seconds: 30 },
      fn: () => this.refreshAll(),
    });
  }

  /** Entities carrying any on-call annotation, read with the plugin's own credentials. */
  private async annotatedEntities(): Promise<Entity[]> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.options.catalog.queryEntities(
        cursor
          ? { cursor, limit: 200, fields: ENTITY_FIELDS }
          : {
              filter: ONCALL_ANNOTATIONS.map(annotation => ({
                [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
              })),
              fields: ENTITY_FIELDS,
              limit: 200,
            },
        { credentials },
      );
      entities.push(...page.items);
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return entities;
  }

  async refreshAll(): Promise<void> {
    const { logger, service, store, builtIn } = this.options;
    const entities = (await this.annotatedEntities()).filter(e =>
      service.providerFor(e),
    );
    const refs = entities.map(e =>
      stringifyEntityRef(e).toLocaleLowerCase('en-US'),
    );
    let failures = 0;
    let index = 0;
    const worker = async () => {
      while (index < entities.length) {
        const entity = entities[index++];
        const state = await service.getEntityOnCall(entity, { refresh: true });
        if (state.status === 'error') failures += 1;
        if (state.status === 'ok' && service.providerFor(entity) === builtIn) {
          await this.backfill(entity, state.entityRef);
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, entities.length) }, worker),
    );

    // Retention: the catalog listing above is complete, so rows of other entities belong to entities that
    // are gone (or lost their on-call annotations).
    const keep = new Set(refs);
    const gone = (await store.listLatestEntityRefs()).filter(r => !keep.has(r));
    await store.deleteLatest(gone);
    const now = this.options.now();
    const pruned = await store.pruneShifts(
      new Date(now.getTime() - SHIFT_RETENTION_DAYS * 86_400_000),
      refs,
    );
    logger.info(
      `Refreshed on-call of ${entities.length} entities (${failures} failed); removed ${gone.length} stale entities and ${pruned} old shifts`,
    );
  }

  /** Fills 90 days of shift history of a schedule-as-code entity that has none yet. */
  private async backfill(entity: Entity, entityRef: string): Promise<void> {
    const { store, builtIn, logger } = this.options;
    try {
      const now = this.options.now();
      if (await store.hasFinishedShifts(entityRef, now)) return;
      const from = new Date(now.getTime() - SHIFT_RETENTION_DAYS * 86_400_000);
      // The shift in progress is recorded from the snapshot, with its real end.
      const finished = builtIn
        .getShiftsBetween(entity, from, now)
        .filter(shift => Date.parse(shift.end) < now.getTime());
      await store.recordShifts(entityRef, finished, now);
    } catch (error) {
      logger.warn(
        `Could not fill the shift history of ${entityRef}: ${
          (error as Error).message
        }`,
      );
    }
  }
}
