import { InputError } from '@backstage/errors';
import {
  counterIncreaseQuery,
  exactCounterQuery,
  thresholdQueries,
} from './promql';

describe('counterIncreaseQuery', () => {
  it('counts selectors from the last sample before the range, falling back to increase() across resets', () => {
    expect(counterIncreaseQuery('http_requests_total{code!~"5.."}', 7200)).toBe(
      exactCounterQuery('http_requests_total{code!~"5.."}', 7200),
    );
    const x = '{__name__="x_total"}';
    expect(counterIncreaseQuery(x, 60)).toBe(
      `sum(((((last_over_time(${x}[60s]) - last_over_time(${x}[3600s] offset 60s)) and (min_over_time(${x}[60s]) >= last_over_time(${x}[3600s] offset 60s))) or last_over_time(${x}[60s])) and (resets(${x}[60s]) == 0)) or increase(${x}[60s]))`,
    );
  });

  it('looks back the length of the range, at least an hour and at most a day', () => {
    expect(exactCounterQuery('a', 60)).toContain('a[3600s] offset 60s');
    expect(exactCounterQuery('a', 7200)).toContain('a[7200s] offset 7200s');
    expect(exactCounterQuery('a', 2_419_200)).toContain(
      'a[86400s] offset 2419200s',
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
