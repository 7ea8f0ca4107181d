import { InputError } from '@backstage/errors';
import { counterIncreaseQuery, thresholdQueries } from './promql';

describe('counterIncreaseQuery', () => {
  it('wraps selectors in sum(increase(...[range]))', () => {
    expect(counterIncreaseQuery('http_requests_total{code!~"5.."}', 3600)).toBe(
      'sum(increase(http_requests_total{code!~"5.."}[3600s]))',
    );
    expect(counterIncreaseQuery('{__name__="x_total"}', 60)).toBe(
      'sum(increase({__name__="x_total"}[60s]))',
    );
  });

  it('substitutes {{.window}} in full expressions', () => {
    expect(
      counterIncreaseQuery(
        'sum(increase(a_total[{{.window}}])) - sum(increase(b_total[{{.window}}]))',
        300,
      ),
    ).toBe('sum(increase(a_total[300s])) - sum(increase(b_total[300s]))');
  });

  it('rejects expressions without the placeholder', () => {
    expect(() => counterIncreaseQuery('rate(a_total[5m])', 60)).toThrow(
      InputError,
    );
  });
});

describe('thresholdQueries', () => {
  it('samples with a left-open subquery and compares with bool', () => {
    expect(
      thresholdQueries(
        'histogram_quantile(0.99, x)',
        { op: 'lte', value: 0.3 },
        1200,
        60,
      ),
    ).toEqual({
      good: 'sum(sum_over_time(((histogram_quantile(0.99, x)) <= bool 0.3)[1199999ms:60s]))',
      total:
        'sum(count_over_time((histogram_quantile(0.99, x))[1199999ms:60s]))',
    });
  });
});
