import { mockServices } from '@backstage/backend-test-utils';
import { ProviderConfigError } from './errors';
import {
  providerBudgetFromConfig,
  sharedProviderBudget,
} from './sharedProviderBudget';

describe('sharedProviderBudget', () => {
  it('gives every caller of a vendor with the same settings the same budget', () => {
    const a = sharedProviderBudget('PagerDuty', { requestsPerMinute: 900 });
    const b = sharedProviderBudget('pagerduty', { requestsPerMinute: 900 });
    const other = sharedProviderBudget('Opsgenie', { requestsPerMinute: 900 });
    expect(a).toBe(b);
    expect(other).not.toBe(a);
  });
});

describe('providerBudgetFromConfig', () => {
  const read = (budget?: Record<string, number>) =>
    providerBudgetFromConfig(
      mockServices.rootConfig({
        data: { reliability: { pagerduty: { budget } } },
      }),
      { provider: 'PagerDuty', configKey: 'reliability.pagerduty' },
    );

  it('reads the budget and shares it between readers of the same config', () => {
    const budget = read({ requestsPerMinute: 500, maxConcurrency: 4 });
    expect(budget?.requestsPerMinute).toBe(500);
    expect(budget?.maxConcurrency).toBe(4);
    expect(read({ requestsPerMinute: 500, maxConcurrency: 4 })).toBe(budget);
  });

  it('is undefined without a budget', () => {
    expect(read(undefined)).toBeUndefined();
    expect(read({})).toBeUndefined();
  });

  it('rejects invalid values with a message naming the key', () => {
    expect(() => read({ requestsPerMinute: -1 })).toThrow(ProviderConfigError);
    expect(() => read({ maxConcurrency: 2.5 })).toThrow(
      'reliability.pagerduty.budget.maxConcurrency must be a positive integer, got 2.5',
    );
  });
});
