import { entityRefKey } from './entityRefKey';

describe('entityRefKey', () => {
  it('is the same key for an entity, a compound ref and a string ref, whatever their case', () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'Checkout-API', namespace: 'Default' },
    };
    expect(entityRefKey(entity)).toBe('component:default/checkout-api');
    expect(
      entityRefKey({ kind: 'COMPONENT', namespace: 'default', name: 'checkout-api' }),
    ).toBe('component:default/checkout-api');
    expect(entityRefKey('Component:checkout-API')).toBe(
      'component:default/checkout-api',
    );
  });
});
