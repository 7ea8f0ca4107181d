import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import fs from 'node:fs';
import path from 'node:path';
import { migrateDatabase } from '../../database/migrateDatabase';
import { EmbeddedSliProvider } from '../embedded/EmbeddedSliProvider';
import { KnexSliEventStore } from '../embedded/KnexSliEventStore';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import { parseOpenSloYaml } from '../parseOpenSloYaml';
import { DemoSliSeeder } from './DemoSliSeeder';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOW = new Date('2026-11-20T12:00:00Z');

/** The demo catalog's orders System with its user-journey SLO file (examples/reliability/slo/orders.yaml). */
const ordersYaml = fs.readFileSync(
  path.resolve(
    __dirname,
    '../../../../../examples/reliability/slo/orders.yaml',
  ),
  'utf8',
);
const ordersSystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: {
      [ANNOTATIONS.sloDefinitions]: '../../reliability/slo/orders.yaml',
    },
  },
  spec: { owner: 'order-management' },
};

describe('DemoSliSeeder', () => {
  it('feeds the embedded SLI of a System’s journey SLO, which then evaluates as RatioTimeslices', async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateDatabase(knex);
    const eventStore = new KnexSliEventStore({ knex });
    const loader = {
      load: async () => ({
        definitions: parseOpenSloYaml(ordersYaml).slos,
        errors: [],
      }),
    };
    const seeder = new DemoSliSeeder({
      catalog: catalogServiceMock({ entities: [ordersSystem] }),
      auth: mockServices.auth(),
      refresher: { run: jest.fn(async () => {}) },
      loader,
      eventStore,
      logger: mockServices.logger.mock(),
      now: () => NOW,
    });

    const slis = await seeder.listDemoSlis();
    expect(slis).toEqual([
      {
        entityRef: 'system:default/orders',
        sli: 'orders-checkout-journeys',
        target: 0.995,
        profile: 'healthy',
      },
    ]);
    await expect(seeder.seed(slis)).resolves.toBe(1);

    const [journey] = (await loader.load()).definitions;
    expect(journey.budgetingMethod).toBe('RatioTimeslices');
    const status = await new SloEvaluator({
      providers: [new EmbeddedSliProvider({ store: eventStore })],
      callTimeoutMs: 5000,
    }).evaluate(ordersSystem, journey, NOW);
    // 28 days of hourly slices, every one with traffic; the healthy profile stays within the 99.5% target.
    expect(status).toMatchObject({ countUnit: 'slices', total: 28 * 24 });
    expect(status.attainment).toBeGreaterThan(0.995);
    expect(status.budgetRemaining).toBeGreaterThan(0);
    expect(status.alertState).toBe('ok');
  });

  it("is complete at the pass after the backfill of the catalog's embedded SLIs, not while the catalog has none", async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateDatabase(knex);
    const logger = mockServices.logger.mock();
    // The catalog has not read its locations yet, then has.
    let catalog = catalogServiceMock({ entities: [] });
    const refresher = { run: jest.fn(async () => {}) };
    const seeder = new DemoSliSeeder({
      catalog: {
        queryEntities: (request, options) =>
          catalog.queryEntities(request, options),
      } as Partial<CatalogService> as CatalogService,
      auth: mockServices.auth(),
      refresher,
      loader: {
        load: async () => ({
          definitions: parseOpenSloYaml(ordersYaml).slos,
          errors: [],
        }),
      },
      eventStore: new KnexSliEventStore({ knex }),
      logger,
      now: () => NOW,
    });

    await seeder.run();
    expect(seeder.isComplete()).toBe(false);

    catalog = catalogServiceMock({ entities: [ordersSystem] });
    await seeder.run();
    expect(logger.warn).not.toHaveBeenCalled();
    expect(refresher.run).toHaveBeenCalledTimes(1);
    expect(seeder.isComplete()).toBe(false);

    await seeder.run();
    expect(seeder.isComplete()).toBe(true);
    expect(refresher.run).toHaveBeenCalledTimes(1);
  });
});
