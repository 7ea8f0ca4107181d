import { actionEntityRef } from './actionEntity';

describe('actionEntityRef', () => {
  it('fills in the default kind and namespace and normalises the ref', () => {
    expect(actionEntityRef('Checkout-API', 'component')).toBe(
      'component:default/checkout-api',
    );
    expect(actionEntityRef(' system:Prod/Payments ', 'component')).toBe(
      'system:prod/payments',
    );
    expect(actionEntityRef('payments', 'system')).toBe(
      'system:default/payments',
    );
  });

  it('refuses malformed references with an InputError', () => {
    expect(() => actionEntityRef('component:default/a b', 'component')).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
    expect(() => actionEntityRef('a:b:c/d/e', 'component')).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });
});
