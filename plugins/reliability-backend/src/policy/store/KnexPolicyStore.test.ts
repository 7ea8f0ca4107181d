import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from '../../database/migrateDatabase';
import { KnexPolicyStore } from './KnexPolicyStore';
import { PolicyStateInput, SERVICE_SLO_NAME } from './PolicyStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await migrateDatabase(knex);
  return { knex, store: new KnexPolicyStore({ knex }) };
}

const checkout = 'component:default/checkout-api';
const search = 'component:default/search-service';
const t0 = new Date('2026-11-20T08:00:00.000Z');
const t1 = new Date('2026-11-20T08:05:00.000Z');
const t2 = new Date('2026-11-20T08:10:00.000Z');

function state(
  sloName: string,
  overrides: Partial<PolicyStateInput> = {},
): PolicyStateInput {
  return {
    sloName,
    policyName: 'default',
    state: 'ok',
    decision: 'allow',
    ruleIndex: null,
    consequence: null,
    budgetRemaining: 0.8,
    alertState: 'ok',
    conditionHeldAt: null,
    keptUntil: null,
    ...overrides,
  };
}

const frozen: Partial<PolicyStateInput> = {
  state: 'frozen',
  decision: 'deny',
  ruleIndex: 1,
  consequence: 'Freeze feature releases; reliability work only.',
  budgetRemaining: -0.1,
  conditionHeldAt: t2,
};

describe('KnexPolicyStore', () => {
  it.each(databases.eachSupportedId())(
    'lists the overrides of some entities created in a period, oldest first, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const override = (id: string, entityRef: string, createdAt: Date) => ({
        id,
        entityRef,
        reason: `Reason ${id}`,
        createdBy: 'user:default/ada',
        createdAt: createdAt.toISOString(),
        expiresAt: new Date(createdAt.getTime() + 3600_000).toISOString(),
      });
      await store.createOverride(
        override('00000000-0000-4000-8000-000000000003', checkout, t2),
      );
      await store.createOverride(
        override('00000000-0000-4000-8000-000000000001', search, t0),
      );
      await store.createOverride(
        override('00000000-0000-4000-8000-000000000002', checkout, t1),
      );
      const ids = async (refs: string[], from: Date, to: Date, limit = 10) =>
        (await store.getOverridesCreatedBetween(refs, from, to, limit)).map(o =>
          o.id.slice(-1),
        );
      expect(await ids([checkout, search], t0, t2)).toEqual(['1', '2', '3']);
      expect(await ids([checkout], t0, t2)).toEqual(['2', '3']);
      expect(await ids([checkout, search], t1, t1)).toEqual(['2']);
      expect(await ids([checkout, search], t0, t2, 2)).toEqual(['1', '2']);
    },
  );

  it.each(databases.eachSupportedId())(
    "lists the services' state changes since a time, oldest first, without first evaluations or SLO rows, on %p",
    async databaseId => {
      const { store } = await createStore(databaseId);
      const record = (states: Partial<PolicyStateInput>, at: Date) =>
        store.recordStates(
          checkout,
          [state('availability', states), state(SERVICE_SLO_NAME, states)],
          at,
        );
      await record({}, t0);
      await record(frozen, t1);
      await record({}, t2);
      await store.recordStates(search, [state(SERVICE_SLO_NAME)], t2);
      const changes = await store.getServiceChangesSince(t0, 10);
      expect(
        changes.map(c => [
          c.entityRef,
          c.sloName,
          c.fromState,
          c.toState,
          c.changedAt,
        ]),
      ).toEqual([
        [checkout, null, 'ok', 'frozen', t1.toISOString()],
        [checkout, null, 'frozen', 'ok', t2.toISOString()],
      ]);
      expect(
        (await store.getServiceChangesSince(t2, 10)).map(c => c.toState),
      ).toEqual(['ok']);
      expect(
        (await store.getServiceChangesSince(t0, 1)).map(c => c.toState),
      ).toEqual(['frozen']);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps since while a state holds, and records each change once, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.recordStates(
        checkout,
        [state('availability'), state(SERVICE_SLO_NAME)],
        t0,
      );
      // Same states, new numbers: since stays, no change recorded.
      const unchanged = await store.recordStates(
        checkout,
        [
          state('availability', { budgetRemaining: 0.7 }),
          state(SERVICE_SLO_NAME, { budgetRemaining: 0.7 }),
        ],
        t1,
      );
      expect(unchanged).toEqual([
        expect.objectContaining({
          sloName: SERVICE_SLO_NAME,
          since: t0,
          evaluatedAt: t1,
          budgetRemaining: 0.7,
        }),
        expect.objectContaining({
          sloName: 'availability',
          state: 'ok',
          since: t0,
          evaluatedAt: t1,
        }),
      ]);

      const after = await store.recordStates(
        checkout,
        [state('availability', frozen), state(SERVICE_SLO_NAME, frozen)],
        t2,
      );
      expect(after.map(s => [s.sloName, s.state, s.since])).toEqual([
        [SERVICE_SLO_NAME, 'frozen', t2],
        ['availability', 'frozen', t2],
      ]);
      expect(after[1]).toEqual({
        ...state('availability', frozen),
        since: t2,
        evaluatedAt: t2,
      });

      // Kept by its rule's keepFor after the condition stopped holding: the same period, no change.
      const keptUntil = new Date(t2.getTime() + 30 * 60_000);
      const t3 = new Date(t2.getTime() + 5 * 60_000);
      const kept = await store.recordStates(
        checkout,
        [
          state('availability', { ...frozen, keptUntil }),
          state(SERVICE_SLO_NAME, { ...frozen, keptUntil }),
        ],
        t3,
      );
      expect(kept[1]).toEqual({
        ...state('availability', { ...frozen, keptUntil }),
        since: t2,
        evaluatedAt: t3,
      });

      const changes = await store.getChanges([checkout], { limit: 10 });
      expect(
        changes.map(c => [c.sloName, c.fromState, c.toState, c.changedAt]),
      ).toEqual([
        // Newest first; changes of one instant newest recorded first (states were given SLO first, service last).
        [null, 'ok', 'frozen', t2.toISOString()],
        ['availability', 'ok', 'frozen', t2.toISOString()],
        [null, null, 'ok', t0.toISOString()],
        ['availability', null, 'ok', t0.toISOString()],
      ]);
      expect(
        await store.getChanges([checkout], { from: t1, limit: 10 }),
      ).toHaveLength(2);
      expect(
        await store.getChanges([checkout], { to: t1, limit: 10 }),
      ).toHaveLength(2);
      expect(await store.getChanges([checkout], { limit: 1 })).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'records a policy change as a change even when the state name stays, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.recordStates(checkout, [state('availability')], t0);
      const [after] = await store.recordStates(
        checkout,
        [state('availability', { policyName: 'strict' })],
        t1,
      );
      expect(after.since).toEqual(t1);
      const [change] = await store.getChanges([checkout], { limit: 10 });
      expect(change).toEqual({
        entityRef: checkout,
        sloName: 'availability',
        policyName: 'strict',
        fromState: 'ok',
        toState: 'ok',
        decision: 'allow',
        changedAt: t1.toISOString(),
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'records a change once when two replicas record the same new state concurrently, on %p',
    async databaseId => {
      const { knex } = await createStore(databaseId);
      const replicaA = new KnexPolicyStore({ knex });
      const replicaB = new KnexPolicyStore({ knex });
      await replicaA.recordStates(checkout, [state('availability')], t0);
      await Promise.all([
        replicaA.recordStates(checkout, [state('availability', frozen)], t1),
        replicaB.recordStates(checkout, [state('availability', frozen)], t1),
      ]);
      await Promise.all([
        replicaA.recordStates(search, [state('latency')], t1),
        replicaB.recordStates(search, [state('latency')], t1),
      ]);
      const changes = await replicaA.getChanges([checkout, search], {
        limit: 10,
      });
      expect(
        changes.map(c => `${c.entityRef} ${c.fromState}->${c.toState}`).sort(),
      ).toEqual([
        `${checkout} null->ok`,
        `${checkout} ok->frozen`,
        `${search} null->ok`,
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'forgets SLOs no longer defined and lists and deletes entities, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.recordStates(
        checkout,
        [state('availability'), state('latency')],
        t0,
      );
      await store.recordStates(search, [state('latency')], t0);
      await store.recordStates(checkout, [state('latency')], t1);
      const states = await store.getStates([
        checkout,
        search,
        'component:default/none',
      ]);
      expect([...states.keys()].sort()).toEqual([checkout, search]);
      expect(states.get(checkout)!.map(s => s.sloName)).toEqual(['latency']);

      await store.recordGateAnswer(
        {
          entityRef: 'component:default/gate-only',
          decision: 'allow',
          policyDecision: 'allow',
          overridden: false,
          state: 'ok',
          askedBy: 'external:ci',
          context: null,
          askedAt: t0.toISOString(),
        },
        10,
      );
      expect(await store.listEntitiesWithStates()).toEqual(
        expect.arrayContaining([checkout, search]),
      );
      expect(await store.listEntityRefs()).toEqual([
        checkout,
        'component:default/gate-only',
        search,
      ]);

      expect(await store.deleteStates([search])).toBe(1);
      expect((await store.getStates([search])).size).toBe(0);
      // The history of an entity without SLOs stays until retention...
      expect(await store.getChanges([search], { limit: 10 })).toHaveLength(1);
      // ...and everything goes when the entity leaves the catalog.
      await store.deleteEntities([search, 'component:default/gate-only']);
      expect(await store.listEntityRefs()).toEqual([checkout]);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads the newest gate answer of each entity in one query, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const answer = (entityRef: string, i: number) => ({
        entityRef,
        decision: 'allow' as const,
        policyDecision: 'allow' as const,
        overridden: false,
        state: 'ok',
        askedBy: `external:ci-${i}`,
        context: `run ${i}`,
        askedAt: new Date(t0.getTime() + i * 60_000).toISOString(),
      });
      await store.recordGateAnswer(answer(checkout, 1), 10);
      await store.recordGateAnswer(answer(search, 2), 10);
      await store.recordGateAnswer(answer(checkout, 3), 10);
      const last = await store.getLastGateAnswers([
        checkout,
        search,
        'component:default/never-asked',
      ]);
      expect([...last.keys()].sort()).toEqual([checkout, search]);
      expect(last.get(checkout)).toEqual(answer(checkout, 3));
      expect(last.get(search)).toEqual(answer(search, 2));
      expect((await store.getLastGateAnswers([])).size).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the newest gate answers per entity, and overrides until expiry, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      for (let i = 0; i < 5; i++) {
        await store.recordGateAnswer(
          {
            entityRef: checkout,
            decision: i % 2 ? 'deny' : 'allow',
            policyDecision: 'deny',
            overridden: i % 2 === 0,
            state: 'frozen',
            askedBy: 'user:default/ada',
            context: `run ${i}`,
            askedAt: new Date(t0.getTime() + i * 60_000).toISOString(),
          },
          3,
        );
      }
      const answers = await store.getGateAnswers(checkout, 10);
      expect(answers.map(a => a.context)).toEqual(['run 4', 'run 3', 'run 2']);
      expect(answers[0]).toEqual({
        entityRef: checkout,
        decision: 'allow',
        policyDecision: 'deny',
        overridden: true,
        state: 'frozen',
        askedBy: 'user:default/ada',
        context: 'run 4',
        askedAt: new Date(t0.getTime() + 4 * 60_000).toISOString(),
      });
      expect(await store.getGateAnswers(checkout, 1)).toHaveLength(1);

      const override = {
        id: '3f2b8c1e-4d5a-4b6c-8e7f-9a0b1c2d3e4f',
        entityRef: checkout,
        reason: 'Hotfix for the payment outage',
        createdBy: 'user:default/ada',
        createdAt: t0.toISOString(),
        expiresAt: t2.toISOString(),
      };
      await store.createOverride(override);
      expect(await store.getOverrides(checkout, t1)).toEqual([override]);
      expect(await store.getOverrides(checkout, t2)).toEqual([]);
      expect(await store.getOverrides(search, t0)).toEqual([]);

      // Retention: answers asked and overrides expired before the cut-off go.
      const cutOff = new Date(t0.getTime() + 3 * 60_000);
      expect(await store.deleteOlderThan(cutOff)).toEqual({
        changes: 0,
        answers: 1,
        overrides: 0,
      });
      expect(await store.deleteOlderThan(new Date(t2.getTime() + 1))).toEqual({
        changes: 0,
        answers: 2,
        overrides: 1,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'reads service states and pages the refs of a kind in a state, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const refs = ['a', 'b', 'c', 'd'].map(n => `component:default/${n}`);
      for (const [i, ref] of refs.entries()) {
        const service = i % 2 === 0 ? frozen : {};
        await store.recordStates(
          ref,
          [state('availability'), state(SERVICE_SLO_NAME, service)],
          t0,
        );
      }
      // A system in the same state, and an SLO (not the service) frozen: neither is listed.
      await store.recordStates(
        'system:default/orders',
        [state(SERVICE_SLO_NAME, frozen)],
        t0,
      );
      await store.recordStates(
        search,
        [state('latency', frozen), state(SERVICE_SLO_NAME)],
        t1,
      );

      const services = await store.getServiceStates([
        refs[0],
        refs[1],
        'component:default/none',
      ]);
      expect([...services.keys()].sort()).toEqual([refs[0], refs[1]]);
      expect(services.get(refs[0])).toEqual(
        expect.objectContaining({
          sloName: SERVICE_SLO_NAME,
          state: 'frozen',
          decision: 'deny',
          since: t0,
        }),
      );
      expect(services.get(refs[1])!.state).toBe('ok');

      const page = (
        extra: Partial<
          Parameters<typeof store.pageEntityRefsWithServiceState>[0]
        >,
      ) =>
        store.pageEntityRefsWithServiceState({
          state: 'frozen',
          kind: 'component',
          order: 'asc',
          offset: 0,
          limit: 10,
          includeTotal: true,
          ...extra,
        });
      expect(await page({})).toEqual({
        entityRefs: [refs[0], refs[2]],
        totalItems: 2,
      });
      expect(
        await page({ order: 'desc', limit: 1, includeTotal: false }),
      ).toEqual({ entityRefs: [refs[2]], totalItems: undefined });
      expect((await page({ offset: 1 })).entityRefs).toEqual([refs[2]]);
      expect((await page({ state: 'ok' })).entityRefs).toEqual([
        refs[1],
        refs[3],
        search,
      ]);
      expect((await page({ kind: 'system' })).entityRefs).toEqual([
        'system:default/orders',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'revokes an override once, ends it for the gate and keeps it until retention, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const override = {
        id: '0b4c7e52-9d1f-4a3b-8c6d-2e5f7a9b1c3d',
        entityRef: checkout,
        reason: 'Hotfix',
        createdBy: 'user:default/ada',
        createdAt: t0.toISOString(),
        expiresAt: new Date(t0.getTime() + 3600_000).toISOString(),
      };
      await store.createOverride(override);
      expect(await store.getOverride(search, override.id)).toBeUndefined();
      expect(await store.getOverride(checkout, override.id)).toEqual(override);

      const revocation = {
        at: t1.toISOString(),
        by: 'user:default/grace',
        reason: 'Fixed',
      };
      expect(await store.revokeOverride(search, override.id, revocation)).toBe(
        false,
      );
      expect(
        await store.revokeOverride(checkout, override.id, revocation),
      ).toBe(true);
      expect(
        await store.revokeOverride(checkout, override.id, {
          ...revocation,
          by: 'user:default/someone-else',
        }),
      ).toBe(false);
      const revoked = { ...override, revoked: revocation };
      expect(await store.getOverride(checkout, override.id)).toEqual(revoked);
      // Ended at t1: not active after it, still listed as ending after an earlier instant.
      expect(await store.getOverrides(checkout, t2)).toEqual([]);
      expect(await store.getOverrides(checkout, t0)).toEqual([revoked]);

      // Retention counts a revoked override from its revocation.
      expect(await store.deleteOlderThan(t1)).toEqual({
        changes: 0,
        answers: 0,
        overrides: 0,
      });
      expect(await store.deleteOlderThan(t2)).toEqual({
        changes: 0,
        answers: 0,
        overrides: 1,
      });
    },
  );
});
