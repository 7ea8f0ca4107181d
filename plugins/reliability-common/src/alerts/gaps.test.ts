import {
  isTierOne,
  resourceAlertGap,
  serviceAlertGap,
  unownedAlertGaps,
} from './gaps';

describe('alert gaps', () => {
  it('knows the spellings of tier 1', () => {
    expect(['tier-1', 'Tier 1', 'tier1', ' TIER_1 '].map(isTierOne)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['tier-2', 'tier-10', '', null].map(isTierOne)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('flags a tier-1 service with SLOs and no paging alert only', () => {
    const service = {
      entityRef: 'component:default/checkout-api',
      tier: 'tier-1',
      sloCount: 2,
      pagingAlerts: 0,
    };
    expect(serviceAlertGap(service)).toEqual({
      kind: 'no-paging-alert',
      entityRef: 'component:default/checkout-api',
      message: 'Tier-1 service with SLOs but no paging alert',
    });
    expect(serviceAlertGap({ ...service, pagingAlerts: 1 })).toBeNull();
    expect(serviceAlertGap({ ...service, sloCount: 0 })).toBeNull();
    expect(serviceAlertGap({ ...service, tier: 'tier-2' })).toBeNull();
  });

  it('flags a resource without monitors that tier-1 services depend on', () => {
    const resource = {
      entityRef: 'resource:default/payment-events-topic',
      alerts: 0,
      dependents: [
        { entityRef: 'component:default/psp-adapter', tier: 'tier-1' },
        { entityRef: 'component:default/payments', tier: 'tier-1' },
        { entityRef: 'component:default/refunds-worker', tier: 'tier-3' },
      ],
    };
    expect(resourceAlertGap(resource)).toEqual({
      kind: 'unmonitored-resource',
      entityRef: 'resource:default/payment-events-topic',
      message: 'No monitor, yet 2 tier-1 services depend on it',
      dependents: [
        'component:default/payments',
        'component:default/psp-adapter',
      ],
    });
    expect(resourceAlertGap({ ...resource, alerts: 1 })).toBeNull();
    expect(
      resourceAlertGap({
        ...resource,
        dependents: resource.dependents.slice(2),
      }),
    ).toBeNull();
  });

  it('lists alerts no entity owns', () => {
    expect(
      unownedAlertGaps([
        { source: 'prometheus', id: 'node/DiskFull', name: 'DiskFull' },
      ]),
    ).toEqual([
      {
        kind: 'unowned-alert',
        entityRef: null,
        message: "No catalog entity owns the prometheus alert 'DiskFull'",
        alert: { source: 'prometheus', id: 'node/DiskFull', name: 'DiskFull' },
      },
    ]);
  });
});
