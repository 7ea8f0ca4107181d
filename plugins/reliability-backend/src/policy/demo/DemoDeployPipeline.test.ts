import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { BUILT_IN_POLICY_SET } from '@internal/backstage-plugin-reliability-common';
import { migrateDatabase } from '../../database/migrateDatabase';
import { DeployGateService } from '../deployGate/DeployGateService';
import { PolicyService } from '../PolicyService';
import { KnexPolicyStore } from '../store/KnexPolicyStore';
import {
  FakeSloStates,
  sloEntity,
  sloWith,
} from '../__testUtils__/policyFixtures';
import {
  DEMO_PIPELINE,
  DEMO_PIPELINE_SERVICES,
  DemoDeployPipeline,
} from './DemoDeployPipeline';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const payments = 'component:default/payments';
const search = 'component:default/search-service';

async function pipeline(names: string[]) {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase(knex);
  const store = new KnexPolicyStore({ knex });
  const clock = { now: new Date('2026-12-01T12:00:00Z') };
  const now = () => clock.now;
  const entities = names.map(name => sloEntity(name));
  const slos = new FakeSloStates().set(payments, [
    sloWith('availability', 0.1, 'page'),
  ]);
  const deployGate = new DeployGateService({
    policy: new PolicyService({
      store,
      slos,
      policySet: BUILT_IN_POLICY_SET,
      now,
    }),
    store,
    now,
    answersPerEntity: 10,
    maxOverrideMs: 3600_000,
  });
  const demo = new DemoDeployPipeline({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    deployGate,
    store,
    logger: mockServices.logger.mock(),
    now,
  });
  return { demo, store, clock };
}

describe('DemoDeployPipeline', () => {
  it('asks the real gate for each demo service in the catalog, again after six hours, labelled as demo data', async () => {
    const { demo, store, clock } = await pipeline([
      'payments',
      'search-service',
      'warehouse-management',
    ]);
    expect(await demo.seed()).toEqual({ answers: 2, overrides: 1 });
    const [answer] = await store.getGateAnswers(payments, 10);
    expect(answer).toMatchObject({
      askedBy: DEMO_PIPELINE,
      context: 'Demo data (synthetic): simulated deploy of payments',
      decision: 'deny',
    });
    // warehouse-management's pipeline never asks (the checklist item fails for it).
    expect(
      (
        await store.getLastGateAnswers([
          payments,
          search,
          'component:default/warehouse-management',
        ])
      ).size,
    ).toBe(2);

    clock.now = new Date('2026-12-01T17:59:00Z');
    expect(await demo.seed()).toEqual({ answers: 0, overrides: 0 });
    clock.now = new Date('2026-12-01T18:00:00Z');
    expect(await demo.seed()).toEqual({ answers: 2, overrides: 0 });
    expect(await store.getGateAnswers(payments, 10)).toHaveLength(2);
  });

  it('writes one past override of payments, by its tech lead, once', async () => {
    const { demo, store } = await pipeline(['payments']);
    await demo.seed();
    await demo.seed();
    const overrides = await store.getOverridesCreatedBetween(
      [payments],
      new Date('2026-11-01T00:00:00Z'),
      new Date('2026-12-01T12:00:00Z'),
      10,
    );
    expect(overrides).toEqual([
      expect.objectContaining({
        createdBy: 'user:default/jonas.berg',
        createdAt: '2026-11-28T12:00:00.000Z',
        expiresAt: '2026-11-28T14:00:00.000Z',
        reason: expect.stringMatching(/^Demo data \(synthetic\): /),
      }),
    ]);
  });

  it('writes nothing while the demo services are not in the catalog', async () => {
    const { demo } = await pipeline([]);
    expect(await demo.seed()).toEqual({ answers: 0, overrides: 0 });
    expect(demo.isComplete()).toBe(false);
  });

  it('is complete once a pass found every demo pipeline service, not some of them', async () => {
    const some = await pipeline(['payments', 'search-service']);
    await some.demo.seed();
    expect(some.demo.isComplete()).toBe(false);

    const all = await pipeline(DEMO_PIPELINE_SERVICES);
    await all.demo.seed();
    expect(all.demo.isComplete()).toBe(true);
  });
});
