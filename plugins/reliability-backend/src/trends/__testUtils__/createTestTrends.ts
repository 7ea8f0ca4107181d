import { Entity } from '@backstage/catalog-model';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntitySlo } from '@internal/backstage-plugin-reliability-common';
import { migrateDatabase } from '../../database/migrateDatabase';
import { LatestEvaluation } from '../../checklist/store/ChecklistStore';
import { KnexTrendsStore } from '../store/KnexTrendsStore';
import { TrendsRefresher } from '../TrendsRefresher';
import { TrendsService } from '../TrendsService';
import {
  checklistSources,
  component,
  evaluation,
  group,
  slo,
  sloStates,
  system,
} from './trendsFixtures';

/** The small catalog of the trends tests: two teams, two systems in two domains, one unowned service. */
export const testEntities = [
  component('orders', { owner: 'team-a', system: 'shop', slos: true }),
  component('cart', { owner: 'team-a', system: 'shop' }),
  component('payments', { owner: 'team-b', system: 'pay', slos: true }),
  component('legacy'),
  system('shop', 'commerce'),
  system('pay', 'finance'),
  group('team-a'),
  group('team-b'),
];

/**
 * A TrendsService and TrendsRefresher on a migrated SQLite database, over the test catalog, mutable checklist
 * evaluations (the real roll-up service) and SLO states, with a settable clock.
 */
export async function createTestTrends(
  databases: TestDatabases,
  options: { entities?: Entity[] } = {},
) {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase(knex);
  const clock = { now: new Date('2026-12-01T02:00:00Z') };
  const now = () => clock.now;
  const catalog = catalogServiceMock({
    entities: options.entities ?? testEntities,
  });
  const evaluations = new Map<string, LatestEvaluation>(
    [
      evaluation('component:default/orders', 80, 'intermediate'),
      evaluation('component:default/cart', 40, 'beginner'),
      evaluation('component:default/payments', 30, 'none'),
      evaluation('component:default/legacy', null, 'none'),
    ].map(e => [e.entityRef, e]),
  );
  const slos: Record<string, EntitySlo[]> = {
    'component:default/orders': [
      slo('availability', '28d', true),
      slo('latency', '28d', false),
      slo('errors', '7d', null),
    ],
    'component:default/payments': [slo('availability', '28d', true)],
  };
  const { maturity, rollups } = checklistSources(catalog, evaluations, now);
  const store = new KnexTrendsStore({ knex });
  const service = new TrendsService({
    store,
    maturity,
    slos: sloStates(slos),
    catalog,
    snapshotHour: 2,
    now,
  });
  const refresher = new TrendsRefresher({
    service,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    retentionDays: 400,
  });
  return {
    knex,
    clock,
    catalog,
    evaluations,
    slos,
    store,
    service,
    refresher,
    rollups,
  };
}
