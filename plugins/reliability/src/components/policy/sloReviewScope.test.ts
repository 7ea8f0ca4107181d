import { sloReviewScope } from './sloReviewScope';

function entity(kind: string, name: string) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
  };
}

describe('sloReviewScope', () => {
  it('reports a Group by owner and a System by system, and nothing else', () => {
    expect(sloReviewScope(entity('Group', 'Checkout-Payments'))).toEqual({
      owner: 'group:default/checkout-payments',
    });
    expect(sloReviewScope(entity('System', 'orders'))).toEqual({
      system: 'system:default/orders',
    });
    expect(sloReviewScope(entity('Component', 'checkout-api'))).toBeNull();
  });
});
