import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEFAULT_ALERT_NOISE_RULE,
  entityRefKey,
  RunbookAlertCoverage,
  RunbookEntry,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import { AlertSource } from '@internal/backstage-plugin-reliability-node';
import { migrateDatabase } from '../../database/migrateDatabase';
import { AlertRunbookSource } from '../AlertRunbookSource';
import { AlertService } from '../AlertService';
import { AlertsRefresher } from '../AlertsRefresher';
import { AlertSourceSync } from '../sources/AlertSourceSync';
import { KnexAlertStore } from '../store/KnexAlertStore';
import { NOW } from './alertFixtures';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** An in-memory runbook index: runbooks per entity ref, and the runbooks linked to its SLO alert policies. */
export class FakeRunbooks implements AlertRunbookSource {
  readonly byRef = new Map<string, RunbookEntry[]>();
  readonly sloAlertsByRef = new Map<string, RunbookAlertCoverage[]>();
  loads = 0;

  set(
    entityRef: string,
    runbooks: RunbookEntry[],
    sloAlerts: RunbookAlertCoverage[] = [],
  ): this {
    this.byRef.set(entityRef, runbooks);
    this.sloAlertsByRef.set(entityRef, sloAlerts);
    return this;
  }

  async load(entity: Entity) {
    this.loads += 1;
    const ref = entityRefKey(entity);
    return {
      runbooks: (this.byRef.get(ref) ?? []).map(entry => ({ entry })),
      coverage: { alerts: this.sloAlertsByRef.get(ref) ?? [] },
    };
  }
}

/**
 * The alerts area over a fresh migrated SQLite database, a mock catalog, fake runbooks and fixed SLO counts:
 * its store, service, source sync and refresher.
 */
export async function createTestAlertsArea(
  options: {
    entities?: Entity[];
    sources?: AlertSource[];
    sloCounts?: Record<string, number>;
    now?: () => Date;
    mappingLabel?: string;
  } = {},
) {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase(knex);
  const store = new KnexAlertStore({ knex });
  const runbooks = new FakeRunbooks();
  const catalog = catalogServiceMock({ entities: options.entities ?? [] });
  const now = options.now ?? (() => NOW);
  const logger = mockServices.logger.mock();
  const slo = {
    async getSummaries(refs: string[]) {
      return new Map(
        refs
          .filter(ref => options.sloCounts?.[ref] !== undefined)
          .map(ref => [
            ref,
            { entityRef: ref, sloCount: options.sloCounts![ref] } as SloSummary,
          ]),
      );
    },
  };
  const sync = new AlertSourceSync({
    sources: options.sources ?? [],
    store,
    logger,
    now,
    timeoutMs: 5_000,
  });
  const service = new AlertService({
    store,
    runbooks,
    slo,
    catalog,
    sourceIds: sync.sourceIds,
    noise: DEFAULT_ALERT_NOISE_RULE,
    embeddedLabel: 'embedded',
    logger,
    now,
  });
  const refresher = new AlertsRefresher({
    catalog,
    auth: mockServices.auth(),
    service,
    sync,
    store,
    slo,
    mappingLabel: options.mappingLabel ?? 'service',
    logger,
    now,
    retentionDays: 90,
  });
  return { knex, store, runbooks, catalog, service, sync, refresher, logger };
}
