import {
  campaignInput,
  testChecklist,
} from '../__testUtils__/campaignFixtures';
import {
  campaignServices,
  inScope,
  requiredItems,
  serviceProgress,
  summarise,
} from './campaignProgress';
import { ScopedService } from './scopedServices';

const orders: ScopedService = {
  entityRef: 'component:default/orders',
  owner: 'group:default/team-a',
  system: 'system:default/shop',
  domain: 'domain:default/commerce',
  tier: 'tier-1',
  lifecycle: 'production',
};
const payments: ScopedService = {
  ...orders,
  entityRef: 'component:default/payments',
  owner: 'group:default/team-b',
  tier: 'tier-2',
};

describe('campaign progress', () => {
  it('matches every non-empty scope filter, case-insensitively', () => {
    expect(inScope({}, orders)).toBe(true);
    expect(inScope({ tiers: ['TIER-1'] }, orders)).toBe(true);
    expect(inScope({ tiers: ['tier-1'] }, payments)).toBe(false);
    expect(
      inScope(
        {
          owners: ['group:default/team-a', 'group:default/team-c'],
          domains: ['domain:default/commerce'],
          lifecycles: ['production'],
        },
        orders,
      ),
    ).toBe(true);
    expect(inScope({ systems: ['system:default/other'] }, orders)).toBe(false);
    // A filter on a field the service lacks does not match it.
    expect(inScope({ tiers: ['tier-1'] }, { ...orders, tier: undefined })).toBe(
      false,
    );
  });

  it('asks for the items of the target level and those below, or the listed items', () => {
    expect(
      requiredItems({ kind: 'level', level: 'beginner' }, testChecklist),
    ).toEqual(['slo-defined', 'rollback']);
    expect(
      requiredItems({ kind: 'level', level: 'intermediate' }, testChecklist),
    ).toEqual(['slo-defined', 'rollback', 'restore-tested']);
    expect(
      requiredItems({ kind: 'items', itemIds: ['rollback'] }, testChecklist),
    ).toEqual(['rollback']);
  });

  it('says whether a service meets its target and what is left', () => {
    const level = { kind: 'level' as const, level: 'beginner' };
    expect(
      serviceProgress(level, testChecklist, orders, {
        level: 'none',
        passingItems: ['slo-defined'],
      }),
    ).toEqual({
      entityRef: 'component:default/orders',
      owner: 'group:default/team-a',
      done: false,
      left: ['rollback'],
      level: 'none',
    });
    // A higher level meets a lower target.
    expect(
      serviceProgress(level, testChecklist, orders, {
        level: 'intermediate',
        passingItems: ['slo-defined', 'rollback', 'restore-tested'],
      }),
    ).toMatchObject({ done: true, left: [] });
    // Never evaluated: everything is left.
    expect(
      serviceProgress(
        { kind: 'items', itemIds: ['rollback', 'restore-tested'] },
        testChecklist,
        orders,
        undefined,
      ),
    ).toMatchObject({
      done: false,
      left: ['rollback', 'restore-tested'],
      level: 'none',
    });
    expect(
      serviceProgress(
        { kind: 'items', itemIds: ['rollback'] },
        testChecklist,
        orders,
        { level: 'none', passingItems: ['rollback'] },
      ),
    ).toMatchObject({ done: true, left: [] });
  });

  it('sums up per team, over the services in scope only', () => {
    const services = campaignServices(
      campaignInput({ scope: {} }),
      testChecklist,
      [payments, orders, { ...orders, entityRef: 'component:default/cart' }],
      new Map([
        ['component:default/orders', { level: 'beginner', passingItems: [] }],
      ]),
    );
    expect(services.map(s => [s.entityRef, s.done])).toEqual([
      ['component:default/cart', false],
      ['component:default/orders', true],
      ['component:default/payments', false],
    ]);
    expect(summarise(services)).toEqual({
      services: 3,
      done: 1,
      percent: 33.3,
      teams: [
        { team: 'group:default/team-a', services: 2, done: 1 },
        { team: 'group:default/team-b', services: 1, done: 0 },
      ],
    });
    expect(summarise([])).toEqual({
      services: 0,
      done: 0,
      percent: null,
      teams: [],
    });
  });
});
