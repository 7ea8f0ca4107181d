import { InputError } from '@backstage/errors';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { entityRefFromParams } from './entityLoader';

describe('entityRefFromParams', () => {
  it('builds the entity key of the route params, lower case', () => {
    const params = {
      kind: 'Component',
      namespace: 'Default',
      name: 'Checkout-API',
    };
    expect(entityRefFromParams(params)).toBe('component:default/checkout-api');
    expect(entityRefFromParams(params)).toBe(entityRefKey(params));
  });

  it.each([
    { kind: 'component', namespace: 'default', name: 'a/b' },
    { kind: 'component', namespace: '', name: 'x' },
    { kind: 'comp onent', namespace: 'default', name: 'x' },
  ])('rejects the malformed params %j with a 400', params => {
    expect(() => entityRefFromParams(params)).toThrow(InputError);
  });
});
