import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { entity } from '../__testUtils__/alertFixtures';
import { AlertEntityMapper } from './AlertEntityMapper';

describe('AlertEntityMapper', () => {
  const entities = [
    entity('Component', 'checkout-api'),
    entity('Resource', 'orders-db'),
    entity('System', 'orders'),
    entity('Component', 'ledger', {
      annotations: {
        [ANNOTATIONS.alertSelector]: 'team=payments,component=ledger',
      },
    }),
    entity('Component', 'broken', {
      annotations: { [ANNOTATIONS.alertSelector]: 'team' },
    }),
  ];

  it('maps by the mapping label (names of components and resources, or refs) and by selectors', () => {
    const mapper = new AlertEntityMapper({ label: 'service' });
    mapper.add(entities);
    expect(mapper.entitiesOf({ service: 'Checkout-API' })).toEqual([
      'component:default/checkout-api',
    ]);
    expect(mapper.entitiesOf({ service: 'orders-db' })).toEqual([
      'resource:default/orders-db',
    ]);
    // A system is named by its ref only.
    expect(mapper.entitiesOf({ service: 'orders' })).toEqual([]);
    expect(mapper.entitiesOf({ service: 'system:default/orders' })).toEqual([
      'system:default/orders',
    ]);
    expect(mapper.entitiesOf({ service: 'system:default/missing' })).toEqual(
      [],
    );
    expect(
      mapper.entitiesOf({
        service: 'checkout-api',
        team: 'payments',
        component: 'ledger',
      }),
    ).toEqual(['component:default/checkout-api', 'component:default/ledger']);
    expect(mapper.entitiesOf({ team: 'payments' })).toEqual([]);
    expect(mapper.problems).toEqual([
      {
        entityRef: 'component:default/broken',
        error: `Invalid ${ANNOTATIONS.alertSelector}: 'team' is not a selector term like label=value or label!=value`,
      },
    ]);
  });

  it('uses the configured mapping label', () => {
    const mapper = new AlertEntityMapper({ label: 'app' });
    mapper.add(entities);
    expect(mapper.entitiesOf({ service: 'checkout-api' })).toEqual([]);
    expect(mapper.entitiesOf({ app: 'checkout-api' })).toEqual([
      'component:default/checkout-api',
    ]);
  });
});
