import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  BUILT_IN_POLICY_SET,
  DEFAULT_ERROR_BUDGET_POLICY,
} from '@internal/backstage-plugin-reliability-common';
import { migrateDatabase } from '../../database/migrateDatabase';
import { OutdatedSloDataAnswer } from '../config';
import { PolicyService } from '../PolicyService';
import { KnexPolicyStore } from '../store/KnexPolicyStore';
import {
  FakeSloStates,
  sloEntity,
  sloWith,
} from '../__testUtils__/policyFixtures';
import { DeployGateService } from './DeployGateService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const payments = sloEntity('payments');
/** The fixtures' SLO figures were last checked at 11:55. */
const at = (time: string) => new Date(`2026-11-22T${time}:00.000Z`);

async function gateService(options: {
  now: Date;
  maxSloDataAgeMinutes?: number;
  outdatedSloData?: OutdatedSloDataAnswer;
}) {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase(knex);
  const store = new KnexPolicyStore({ knex });
  const policy = new PolicyService({
    store,
    slos: new FakeSloStates().set(payments, [sloWith('availability', 0.8)]),
    policySet: {
      ...BUILT_IN_POLICY_SET,
      policies: {
        default: {
          ...DEFAULT_ERROR_BUDGET_POLICY,
          maxSloDataAgeMinutes: options.maxSloDataAgeMinutes,
        },
      },
    },
    now: () => options.now,
  });
  return new DeployGateService({
    policy,
    store,
    now: () => options.now,
    answersPerEntity: 10,
    maxOverrideMs: 3600_000,
    outdatedSloData: options.outdatedSloData,
  });
}

async function gate(options: Parameters<typeof gateService>[0]) {
  return (await gateService(options)).decide(payments);
}

describe('DeployGateService', () => {
  it('says SLO figures older than the policy allows, and answers as configured for outdated data', async () => {
    const answer = await gate({
      now: at('12:20'),
      maxSloDataAgeMinutes: 10,
      outdatedSloData: 'deny',
    });
    expect(answer).toMatchObject({
      decision: 'deny',
      policyDecision: 'allow',
      sloDataOverdue: {
        checkedAt: '2026-11-22T11:55:00.000Z',
        maxAgeMinutes: 10,
      },
    });
    expect(answer.message).toBe(
      'deny: every SLO is within policy default (SLO data last checked at 2026-11-22T11:55:00.000Z: older than the 10 minutes its policy allows; outdated SLO data answers deny)',
    );
  });

  it('judges figures within the limit, or without one, as current', async () => {
    expect(
      (await gate({ now: at('12:04'), maxSloDataAgeMinutes: 10 }))
        .sloDataOverdue,
    ).toBeUndefined();
    expect(
      (await gate({ now: at('13:00'), outdatedSloData: 'deny' })).decision,
    ).toBe('allow');
  });

  it('says when it was last asked about each service, by whom and what it answered', async () => {
    const service = await gateService({ now: at('12:00') });
    await service.answer(payments, 'external:ci', 'run 1');
    await service.answer(payments, 'user:default/ada', null);
    const usage = await service.lastAnswers([
      'component:default/payments',
      'component:default/never-asked',
    ]);
    expect([...usage.values()]).toEqual([
      {
        entityRef: 'component:default/payments',
        lastAskedAt: at('12:00').toISOString(),
        lastAskedBy: 'user:default/ada',
        lastDecision: 'allow',
      },
    ]);
  });

  it('tells the listener about a new or revoked override, and keeps the change when telling fails', async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateDatabase(knex);
    const store = new KnexPolicyStore({ knex });
    const now = at('12:00');
    const told: string[] = [];
    const failing = { fail: false };
    const service = new DeployGateService({
      policy: new PolicyService({
        store,
        slos: new FakeSloStates(),
        policySet: BUILT_IN_POLICY_SET,
        now: () => now,
      }),
      store,
      now: () => now,
      answersPerEntity: 10,
      maxOverrideMs: 3600_000,
      listener: {
        overrideCreated: async override => {
          if (failing.fail) throw new Error('notifications down');
          told.push(`created: ${override.reason}`);
        },
        overrideRevoked: async override => {
          if (failing.fail) throw new Error('notifications down');
          told.push(`revoked: ${override.revoked?.reason}`);
        },
      },
      logger: mockServices.logger.mock(),
    });
    const request = (reason: string) => ({
      reason,
      expiresAt: at('12:30').toISOString(),
    });
    const first = await service.createOverride(
      payments,
      request('Hotfix'),
      'user:default/ada',
    );
    await service.revokeOverride(
      payments,
      first.id,
      { reason: 'Shipped' },
      'user:default/ada',
    );
    failing.fail = true;
    const kept = await service.createOverride(
      payments,
      request('Second hotfix'),
      'user:default/ada',
    );
    const revoked = await service.revokeOverride(
      payments,
      kept.id,
      { reason: 'Shipped too' },
      'user:default/ada',
    );
    expect(told).toEqual(['created: Hotfix', 'revoked: Shipped']);
    expect(revoked.revoked?.reason).toBe('Shipped too');
    expect(
      (await store.getOverride('component:default/payments', kept.id))?.revoked
        ?.reason,
    ).toBe('Shipped too');
  });
});
