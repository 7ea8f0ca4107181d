import { validateOpenSloDocuments } from './parse';
import { SLO_POLICY_ANNOTATION, sloPolicyOf } from './policyAnnotation';

function slo(metadata: Record<string, unknown>) {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'checkout-latency', ...metadata },
    spec: {
      service: 'checkout',
      indicator: {
        metadata: { name: 'checkout-latency' },
        spec: {
          ratioMetric: {
            counter: true,
            good: { metricSource: { type: 'prometheus', spec: { q: 'g' } } },
            total: { metricSource: { type: 'prometheus', spec: { q: 't' } } },
          },
        },
      },
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 0.99 }],
    },
  };
}

describe('the policy of an SLO document', () => {
  it('is read from the annotation, which wins over a label', () => {
    const result = validateOpenSloDocuments([
      slo({
        annotations: { [SLO_POLICY_ANNOTATION]: ' strict ' },
        labels: { [SLO_POLICY_ANNOTATION]: 'lenient' },
      }),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.slos[0].policy).toBe('strict');
  });

  it('is read from a label with one value', () => {
    const result = validateOpenSloDocuments([
      slo({ labels: { [SLO_POLICY_ANNOTATION]: ['lenient'] } }),
    ]);
    expect(result.slos[0].policy).toBe('lenient');
  });

  it('is absent without annotation or label, and for a label with several values', () => {
    expect(validateOpenSloDocuments([slo({})]).slos[0]).not.toHaveProperty(
      'policy',
    );
    expect(
      sloPolicyOf({ labels: { [SLO_POLICY_ANNOTATION]: ['a', 'b'] } }),
    ).toBeUndefined();
    expect(
      sloPolicyOf({ annotations: { [SLO_POLICY_ANNOTATION]: '  ' } }),
    ).toBeUndefined();
  });
});
