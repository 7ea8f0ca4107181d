import { TestDatabases } from '@backstage/backend-test-utils';
import {
  BUILT_IN_POLICY_SET,
  DEFAULT_ERROR_BUDGET_POLICY,
  ErrorBudgetPolicy,
} from '@internal/backstage-plugin-reliability-common';
import { migrateDatabase } from '../database/migrateDatabase';
import { PolicyService } from './PolicyService';
import { KnexPolicyStore } from './store/KnexPolicyStore';
import {
  FakeSloStates,
  sloEntity,
  sloWith,
} from './__testUtils__/policyFixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const MINUTE_MS = 60_000;
const T0 = new Date('2026-12-01T10:00:00.000Z');

/** The built-in policy whose `halted` (a page-severity burn) is kept 30 minutes after the burn stops. */
const keeping: ErrorBudgetPolicy = {
  ...DEFAULT_ERROR_BUDGET_POLICY,
  rules: DEFAULT_ERROR_BUDGET_POLICY.rules.map(rule =>
    rule.state === 'halted' ? { ...rule, keepForMinutes: 30 } : rule,
  ),
};
const payments = sloEntity('payments');

async function setup(id: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(id);
  await migrateDatabase(knex);
  let now = T0;
  const slos = new FakeSloStates();
  const service = new PolicyService({
    store: new KnexPolicyStore({ knex }),
    slos,
    policySet: { ...BUILT_IN_POLICY_SET, policies: { default: keeping } },
    now: () => now,
  });
  const at = (minutes: number) => {
    now = new Date(T0.getTime() + minutes * MINUTE_MS);
  };
  /** The availability SLO's alert now (its budget stays at 60 %), and the latency SLO healthy. */
  const alert = (alertState: 'page' | 'ok') =>
    slos.set(payments, [
      sloWith('availability', 0.6, alertState),
      sloWith('latency', 0.9),
    ]);
  return { service, at, alert };
}

describe('PolicyService', () => {
  it.each(databases.eachSupportedId())(
    "keeps a state its rule's keepFor after the burn stops, says until when, and records one change each way (%p)",
    async id => {
      const { service, at, alert } = await setup(id);
      alert('page');
      await service.evaluate(payments);

      // The burn stops 10 minutes later: still halted, kept 30 minutes from the last evaluation that saw it.
      at(5);
      await service.evaluate(payments);
      alert('ok');
      at(10);
      let policy = await service.getEntityPolicy(payments);
      const keptUntil = new Date(T0.getTime() + 35 * MINUTE_MS).toISOString();
      expect(policy.service).toMatchObject({
        state: 'halted',
        decision: 'deny',
        since: T0.toISOString(),
        keptUntil,
        alertState: 'ok',
      });
      expect(policy.slos.map(s => [s.sloName, s.state, s.keptUntil])).toEqual([
        ['availability', 'halted', keptUntil],
        ['latency', 'ok', undefined],
      ]);

      // It pages again before the end: halted, no longer only kept, the same since.
      alert('page');
      at(20);
      policy = await service.getEntityPolicy(payments);
      expect(policy.service).toMatchObject({
        state: 'halted',
        since: T0.toISOString(),
      });
      expect(policy.service?.keptUntil).toBeUndefined();

      // Then it stops for good: halted until 30 minutes after the last page, then ok.
      alert('ok');
      at(49);
      expect((await service.getEntityPolicy(payments)).service?.state).toBe(
        'halted',
      );
      at(50);
      policy = await service.getEntityPolicy(payments);
      expect(policy.service).toMatchObject({ state: 'ok', decision: 'allow' });
      expect(policy.service?.keptUntil).toBeUndefined();
      expect(
        policy.history
          .filter(change => change.sloName === null)
          .map(change => [change.fromState, change.toState, change.changedAt]),
      ).toEqual([
        ['halted', 'ok', new Date(T0.getTime() + 50 * MINUTE_MS).toISOString()],
        [null, 'halted', T0.toISOString()],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'without keepFor a state ends at the first evaluation its condition no longer holds (%p)',
    async id => {
      const knex = await databases.init(id);
      await migrateDatabase(knex);
      let now = T0;
      const slos = new FakeSloStates().set(payments, [
        sloWith('availability', 0.6, 'page'),
      ]);
      const service = new PolicyService({
        store: new KnexPolicyStore({ knex }),
        slos,
        policySet: BUILT_IN_POLICY_SET,
        now: () => now,
      });
      await service.evaluate(payments);
      slos.set(payments, [sloWith('availability', 0.6, 'ok')]);
      now = new Date(T0.getTime() + 5 * MINUTE_MS);
      expect((await service.getEntityPolicy(payments)).service?.state).toBe(
        'ok',
      );
    },
  );
});
