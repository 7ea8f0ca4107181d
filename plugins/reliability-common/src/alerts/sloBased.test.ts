import { isSloBasedAlert } from './sloBased';

const alert = (name: string, query: string | null = null, labels = {}) => ({
  name,
  query,
  labels,
});

describe('isSloBasedAlert', () => {
  it('recognises burn-rate and error-budget alerts', () => {
    expect(isSloBasedAlert(alert('CheckoutErrorBudgetBurn'))).toBe(true);
    expect(isSloBasedAlert(alert('checkout-slo-fast-burn'))).toBe(true);
    expect(
      isSloBasedAlert(
        alert(
          'HighErrors',
          'slo:sli_error:ratio_rate5m{service="x"} > 14.4 * 0.001',
        ),
      ),
    ).toBe(true);
    expect(
      isSloBasedAlert(
        alert('Checkout availability', 'burn_rate("abc").over("1h") > 14.4'),
      ),
    ).toBe(true);
    expect(
      isSloBasedAlert(alert('Anything', null, { slo: 'availability' })),
    ).toBe(true);
  });

  it('leaves cause-based alerts alone', () => {
    expect(
      isSloBasedAlert(
        alert('PostgresReplicationLag', 'pg_replication_lag > 30'),
      ),
    ).toBe(false);
    expect(
      isSloBasedAlert(alert('HighCPU', 'avg(cpu) > 0.9', { severity: 'page' })),
    ).toBe(false);
    // "slow" contains "slo" but is not a word of its own.
    expect(isSloBasedAlert(alert('SlowQueries', 'pg_slow_queries > 5'))).toBe(
      false,
    );
  });
});
